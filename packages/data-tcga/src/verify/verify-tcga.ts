/** `verifyTcga`: what loadTcga would read from a folder, and what it would keep, without failing on fixable problems. */
import { encodeLabels } from '../assemble/encode-labels.js';
import { matchSamples } from '../assemble/match-samples.js';
import { resolveTcgaOptions } from '../files/resolve-options.js';
import { locateTcgaFiles } from '../files/tcga-files.js';
import { readTcgaTables } from '../readers/read-tcga-tables.js';
import type { Omics, TcgaDrops, TcgaLayout, TcgaLoadOptions } from '../types.js';

export interface TcgaVerifyOmics {
  /** Files read (absolute). */
  files: string[];
  /** Samples in the file, and after the barcode rule (xena) — the same for other layouts. */
  samplesRead: number;
  samples: number;
  features: number;
  /** Cells read as missing (NA, empty, nan) over every sample of the file that passed the rule. */
  missingCells: number;
}

export interface TcgaVerifyReport {
  layout: TcgaLayout;
  cohort: string;
  path: string;
  /** True when loadTcga would succeed. */
  ok: boolean;
  /** Files found (absolute, `.gz` variants as found). */
  files: string[];
  /** Expected files that are not there. */
  missingFiles: string[];
  omics: Partial<Record<Omics, TcgaVerifyOmics>>;
  labels?: {
    file: string;
    samplesRead: number;
    samples: number;
    /** Samples whose label is missing. */
    missing: number;
    labelColumn?: string;
    /** Every column of the label table (header rows only). */
    columns?: string[];
  };
  /** Samples in every omics file with a label: the rows loadTcga would return. */
  intersection: number;
  /** Shared samples per class (sorted class names). */
  classCounts: Record<string, number>;
  drops: TcgaDrops;
  fixedSplit: boolean;
  /** What stops loadTcga (missing files, no label column, no shared samples, one class). */
  problems: string[];
}

/**
 * Reads what `loadTcga(options)` would read and reports samples per omics, the intersection, the
 * classes, the drops and their reasons, feature counts and the files. Problems loadTcga would
 * throw for but that are fixed by the options or the folder's contents (missing files, an unknown
 * label column, no shared samples, a single class) are listed in `problems` instead.
 *
 * @throws InvalidInputError for invalid options and for malformed files (the same errors as loadTcga).
 */
export function verifyTcga(options: TcgaLoadOptions): TcgaVerifyReport {
  const resolved = resolveTcgaOptions(options);
  const { found, missing } = locateTcgaFiles(resolved);
  const report: TcgaVerifyReport = {
    layout: resolved.layout,
    cohort: resolved.cohort,
    path: resolved.path,
    ok: false,
    files: [...found.values()],
    missingFiles: missing,
    omics: {},
    intersection: 0,
    classCounts: {},
    drops: {},
    fixedSplit: resolved.layout === 'mogonet',
    problems: [],
  };
  if (missing.length > 0) {
    report.problems.push(`${missing.length} file(s) missing: ${missing.join(', ')}`);
    return report;
  }
  const tables = readTcgaTables(resolved, (file) => found.get(file) as string);
  for (const t of tables.omics) {
    let missingCells = 0;
    for (const v of t.matrix.data) if (Number.isNaN(v)) missingCells += 1;
    report.omics[t.omics] = { files: t.files, samplesRead: t.read, samples: t.ids.length, features: t.matrix.cols, missingCells };
  }
  const l = tables.labels;
  report.labels = {
    file: l.file,
    samplesRead: l.read,
    samples: l.ids.length,
    missing: l.values.filter((v) => v === undefined).length,
  };
  if (l.labelColumn !== undefined) report.labels.labelColumn = l.labelColumn;
  if (l.columns !== undefined) report.labels.columns = l.columns;
  if (l.columnProblem !== undefined) {
    report.problems.push(l.columnProblem);
    return report;
  }
  const match = matchSamples(tables);
  report.intersection = match.ids.length;
  report.drops = match.drops;
  if (match.ids.length === 0) {
    report.problems.push('no sample is in every omics file and has a label');
    return report;
  }
  const { classes, counts } = encodeLabels(Array.from(match.labelRows, (r) => l.values[r] as string));
  report.classCounts = Object.fromEntries(classes.map((c, k) => [c, counts[k]]));
  if (classes.length < 2) report.problems.push(`every shared sample has the class '${classes[0]}'`);
  report.ok = report.problems.length === 0;
  return report;
}

