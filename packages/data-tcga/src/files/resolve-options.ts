/** Checks TcgaLoadOptions once at the boundary and fills in every default file name. */
import fs from 'node:fs';
import path from 'node:path';
import { InvalidInputError } from '@cch-lab/core';
import { OMICS, TCGA_LAYOUTS } from '../types.js';
import type { Omics, TcgaLayout, TcgaLoadOptions } from '../types.js';

/** MoGCN's file names (REFERENCE.md §3). */
export const MOGCN_FILES: Readonly<Record<Omics, string>> = Object.freeze({
  mrna: 'fpkm_data.csv',
  cnv: 'gistic_data.csv',
  rppa: 'rppa_data.csv',
});
export const MOGCN_LABELS_FILE = 'sample_classes.csv';

/** The UCSC Xena TCGA hub's per-cohort file names. */
export const XENA_FILES: Readonly<Record<Omics, string>> = Object.freeze({
  mrna: 'HiSeqV2',
  cnv: 'Gistic2_CopyNumber_Gistic2_all_thresholded.by_genes',
  rppa: 'RPPA',
});

/** MOGONET view numbers for this project's omics (MOGONET's own BRCA uses other omics). */
export const MOGONET_VIEWS: Readonly<Record<Omics, number>> = Object.freeze({ mrna: 1, cnv: 2, rppa: 3 });

/** Where the fetch instructions live; named in every DataNotFoundError. */
export const TCGA_DATA_SCRIPT = 'data-scripts/tcga/README.md';

/** One omics' files: MOGONET has train, test and feature-name files; the others one matrix. */
export interface OmicsFiles {
  omics: Omics;
  /** Absolute paths in reading order (mogonet: `k_tr`, `k_te`, `k_featname`). */
  files: string[];
  view?: number;
}

export interface ResolvedTcgaOptions {
  layout: TcgaLayout;
  /** Absolute folder. */
  path: string;
  /** Lower-cased cohort name. */
  cohort: string;
  omics: Omics[];
  perOmics: OmicsFiles[];
  /** mogcn / xena: the label table; mogonet: `labels_tr.csv`, `labels_te.csv`. */
  labelFiles: string[];
  labelColumn?: string;
}

/**
 * Validated options with absolute file paths (before looking for `.gz` variants).
 *
 * @throws InvalidInputError naming the option at fault (unknown layout or omics, repeated omics,
 *   a bad view number, a file name that is not a string).
 */
export function resolveTcgaOptions(options: TcgaLoadOptions): ResolvedTcgaOptions {
  if (options === null || typeof options !== 'object') {
    throw new InvalidInputError('TCGA options { path, layout, … } are required', { details: { field: 'options', received: String(options) } });
  }
  if (typeof options.path !== 'string' || options.path.trim() === '') {
    throw new InvalidInputError('path must name the folder holding the TCGA files', {
      details: { field: 'path', received: String(options.path) },
    });
  }
  if (!(TCGA_LAYOUTS as readonly unknown[]).includes(options.layout)) {
    throw new InvalidInputError(`layout must be one of ${TCGA_LAYOUTS.join(', ')}`, {
      details: { field: 'layout', received: String(options.layout) },
      hint: 'mogonet: numbered views k_tr.csv / k_te.csv; mogcn: fpkm_data.csv etc.; xena: HiSeqV2 etc. (see packages/data-tcga/README.md)',
    });
  }
  const folder = path.resolve(options.path);
  const cohort = (options.cohort ?? path.basename(folder)).trim().toLowerCase();
  if (cohort === '') {
    throw new InvalidInputError('cohort must be a non-empty name', { details: { field: 'cohort', received: JSON.stringify(options.cohort) } });
  }
  const omics = resolveOmics(options.omics);
  const layout = options.layout;
  const name = (field: string, value: unknown, fallback: string): string => {
    if (value === undefined) return fallback;
    if (typeof value !== 'string' || value.trim() === '') {
      throw new InvalidInputError('must be a file name (relative to path) or an absolute path', { details: { field, received: String(value) } });
    }
    return value;
  };
  const inFolder = (file: string): string => path.resolve(folder, file);

  let perOmics: OmicsFiles[];
  let labelFiles: string[];
  if (layout === 'mogonet') {
    const views = resolveViews(options.views, omics);
    perOmics = omics.map((o) => {
      const k = views[o];
      return { omics: o, view: k, files: [`${k}_tr.csv`, `${k}_te.csv`, `${k}_featname.csv`].map(inFolder) };
    });
    labelFiles = ['labels_tr.csv', 'labels_te.csv'].map(inFolder);
  } else {
    const defaults = layout === 'mogcn' ? MOGCN_FILES : XENA_FILES;
    perOmics = omics.map((o) => ({ omics: o, files: [inFolder(name(`files.${o}`, options.files?.[o], defaults[o]))] }));
    const defaultLabels = layout === 'mogcn' ? MOGCN_LABELS_FILE : `${cohort.toUpperCase()}_clinicalMatrix`;
    labelFiles = [inFolder(name('labelsFile', options.labelsFile, defaultLabels))];
  }
  if (options.labelColumn !== undefined && (typeof options.labelColumn !== 'string' || options.labelColumn.trim() === '')) {
    throw new InvalidInputError('labelColumn must be a column name of the label table', {
      details: { field: 'labelColumn', received: String(options.labelColumn) },
    });
  }
  return { layout, path: folder, cohort, omics, perOmics, labelFiles, labelColumn: options.labelColumn };
}

/** `file` itself when it exists, else `file.gz` when that exists, else undefined. */
export function existingVariant(file: string): string | undefined {
  if (isFile(file)) return file;
  if (isFile(`${file}.gz`)) return `${file}.gz`;
  return undefined;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function resolveOmics(omics: unknown): Omics[] {
  if (omics === undefined) return [...OMICS];
  if (!Array.isArray(omics) || omics.length === 0) {
    throw new InvalidInputError(`omics must be a non-empty list drawn from ${OMICS.join(', ')}`, {
      details: { field: 'omics', received: JSON.stringify(omics) },
    });
  }
  const seen = new Set<string>();
  for (const [i, o] of omics.entries()) {
    if (!(OMICS as readonly unknown[]).includes(o)) {
      throw new InvalidInputError(`unknown omics; expected one of ${OMICS.join(', ')}`, { details: { field: `omics.${i}`, received: String(o) } });
    }
    if (seen.has(o as string)) {
      throw new InvalidInputError('omics lists the same omics twice', { details: { field: `omics.${i}`, received: String(o) } });
    }
    seen.add(o as string);
  }
  return omics as Omics[];
}

function resolveViews(views: TcgaLoadOptions['views'], omics: Omics[]): Record<Omics, number> {
  const resolved = { ...MOGONET_VIEWS, ...(views ?? {}) };
  const used = new Map<number, Omics>();
  for (const o of omics) {
    const k = resolved[o];
    if (!Number.isInteger(k) || k < 1) {
      throw new InvalidInputError('a MOGONET view number is a positive integer (the k of k_tr.csv)', {
        details: { field: `views.${o}`, received: String(k) },
      });
    }
    const other = used.get(k);
    if (other !== undefined) {
      throw new InvalidInputError(`view ${k} is assigned to both ${other} and ${o}`, { details: { field: `views.${o}`, received: String(k) } });
    }
    used.set(k, o);
  }
  return resolved;
}
