/** Which clinical column holds the class, and how label texts are read. */
import { MISSING_TOKENS } from '@cch-lab/data';
import type { TcgaCohort } from '../types.js';

/**
 * Default label column of a Xena `<COHORT>_clinicalMatrix` per cohort:
 * - brca: `PAM50Call_RNAseq` (LumA, LumB, Basal, Her2, Normal — the PAM50 subtypes MOGONET uses);
 * - kipan: `histological_type` (kidney chromophobe / clear cell / papillary, i.e. KICH, KIRC, KIRP);
 * - lihc: `pathologic_stage`, binned into early (stage I–II) and late (III–IV) — this project's
 *   choice of a LIHC classification task, matching the simulated stand-in.
 */
export const XENA_LABEL_COLUMNS: Readonly<Record<TcgaCohort, string>> = Object.freeze({
  brca: 'PAM50Call_RNAseq',
  kipan: 'histological_type',
  lihc: 'pathologic_stage',
});

/** The column whose values are binned into early / late stage (see stageGroup). */
export const STAGE_COLUMN = 'pathologic_stage';

/**
 * True for a missing label: an empty cell, NA / NaN / null / none (MISSING_TOKENS), or a bracketed
 * TCGA placeholder such as `[Not Available]`, `[Unknown]`, `[Discrepancy]`.
 */
export function isMissingLabel(text: string): boolean {
  const t = text.trim();
  return MISSING_TOKENS.has(t.toLowerCase()) || /^\[.*\]$/.test(t);
}

/** `Stage I`, `Stage IIA`, … → 'early'; `Stage III…`, `Stage IV…` → 'late'; anything else (e.g. `Stage X`) → undefined (missing). */
export function stageGroup(text: string): 'early' | 'late' | undefined {
  const m = /^stage\s+(iv|iii|ii|i)(?![iv])/i.exec(text.trim());
  if (m === null) return undefined;
  const roman = m[1].toLowerCase();
  return roman === 'i' || roman === 'ii' ? 'early' : 'late';
}

/** The class text of a label cell in `column`, undefined when missing. */
export function labelValue(column: string | undefined, text: string): string | undefined {
  if (isMissingLabel(text)) return undefined;
  if (column === STAGE_COLUMN) return stageGroup(text);
  return text.trim();
}
