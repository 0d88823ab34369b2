/** `verifyMosei`: what loadMosei would read from a folder and keep, without training. */
import { labelAndSplit, labelBalance } from '../load-mosei.js';
import type { MoseiSplitProvenance } from '../load-mosei.js';
import { resolveMoseiOptions } from '../files/resolve-options.js';
import type { ArraysFormat, MoseiLoadOptions, MoseiSequenceKey } from '../files/resolve-options.js';
import { readMoseiSegments } from '../read-mosei-segments.js';
import type { MoseiSequenceInfo } from '../read-mosei-segments.js';
import type { AlignCounts } from '../align/align-to-labels.js';
import type { MoseiDrops, MoseiLabelMode, MoseiLayout } from '../types.js';

export interface MoseiVerifyReport {
  layout: MoseiLayout;
  path: string;
  label: MoseiLabelMode;
  /** True when loadMosei would succeed. */
  ok: boolean;
  files: string[];
  missingFiles: string[];
  /** csd: per sequence (modalities and labels) the file, root, videos, frames and width. */
  sequences?: Record<MoseiSequenceKey, Omit<MoseiSequenceInfo, 'metadata'>>;
  /** arrays: the format found, rows read (per stored split) and steps per row. */
  arrays?: { format: ArraysFormat; rowsRead: number; rowsBySplit?: Record<string, number>; steps: number };
  /** Segments labelled (csd) or rows read (arrays), aligned (kept by alignment), kept (after the label mode). */
  segments: { labelled: number; aligned: number; kept: number };
  alignment?: AlignCounts;
  drops?: MoseiDrops;
  /** Class counts, or n/min/max/mean of the score for 'sentiment'. */
  labelBalance: Record<string, number>;
  split?: MoseiSplitProvenance;
  /** What stops loadMosei (missing files, no segment left). */
  problems: string[];
}

/**
 * Reads what `loadMosei(options)` would read and reports it. Missing files and an empty result
 * are listed in `problems` instead of thrown.
 *
 * @throws InvalidInputError for invalid options and malformed files (the same errors as loadMosei).
 */
export async function verifyMosei(options: MoseiLoadOptions): Promise<MoseiVerifyReport> {
  const resolved = resolveMoseiOptions(options);
  const report: MoseiVerifyReport = {
    layout: resolved.layout,
    path: resolved.path,
    label: resolved.label,
    ok: false,
    files: resolved.files.filter((f) => !resolved.missing.includes(f)),
    missingFiles: resolved.missing,
    segments: { labelled: 0, aligned: 0, kept: 0 },
    labelBalance: {},
    problems: [],
  };
  if (resolved.missing.length > 0) {
    report.problems.push(`${resolved.missing.length} file(s) missing: ${resolved.missing.join(', ')}`);
    return report;
  }
  const read = await readMoseiSegments(resolved);
  if (read.sequences !== undefined) {
    report.sequences = Object.fromEntries(
      Object.entries(read.sequences).map(([k, { metadata: _metadata, ...rest }]) => [k, rest]),
    ) as MoseiVerifyReport['sequences'];
  }
  if (read.arrays !== undefined) {
    report.arrays = { format: resolved.arrays?.format as ArraysFormat, rowsRead: read.arrays.rowsRead, steps: read.arrays.steps };
    if (read.arrays.rowsBySplit !== undefined) report.arrays.rowsBySplit = read.arrays.rowsBySplit;
  }
  if (read.align !== undefined) report.alignment = read.align;
  const { labelled, kept, provenance, sentimentZero } = labelAndSplit(resolved, read);
  report.segments = { labelled: read.align?.segmentsLabelled ?? read.arrays?.rowsRead ?? 0, aligned: read.segments.ids.length, kept: kept.ids.length };
  report.drops = { ...read.drops, sentimentZero };
  report.labelBalance = labelBalance(labelled);
  report.split = provenance;
  if (kept.ids.length === 0) report.problems.push('no labelled segment is left after alignment and the label mode');
  report.ok = report.problems.length === 0;
  return report;
}
