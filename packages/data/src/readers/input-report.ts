/**
 * What a reader decided about a user's file, as data (for `--json`) and as one line (for stderr):
 * the header and id column choices, and whatever was normalised silently (a byte-order mark,
 * Windows line ends, blank lines, thousands separators).
 */
import path from 'node:path';
import type { CsvDetected } from './read-csv-matrix.js';
import type { LabelsDetected } from './read-labels.js';

export interface InputReport {
  /** The file as the reader was given it. */
  file: string;
  /** 'csv' (a delimited matrix), 'npy' (a .npy matrix) or 'labels' (class labels, text or .npy). */
  format: 'csv' | 'npy' | 'labels';
  rows: number;
  /** Matrix columns (the id column excluded); 1 for labels. */
  columns: number;
  /** Every automatic decision, one phrase each; empty when there was none to make (.npy). */
  decisions: string[];
  /** One line for a human: "x.csv: header yes (…), id column 'sample' (…), 200 rows × 2 columns". */
  summary: string;
  /** The reader's own record of its decisions, when it made some. */
  detected?: CsvDetected | LabelsDetected;
}

/** The report of a CSV matrix read by readCsvMatrix. */
export function csvInputReport(file: string, detected: CsvDetected): InputReport {
  const header = `header ${detected.header} (${detected.headerReason})`;
  const id = detected.idColumn === null ? 'no id column' : `id column '${detected.idColumn}' (${detected.idReason})`;
  const decisions = [`${header}`, detected.idColumn === null ? `no id column (${detected.idReason})` : id, ...textDecisions(detected), ...detected.notes];
  const shape = `${detected.rows} rows × ${detected.columns} columns`;
  return {
    file,
    format: 'csv',
    rows: detected.rows,
    columns: detected.columns,
    decisions,
    summary: line(file, [header, id, shape, ...textDecisions(detected), ...detected.notes]),
    detected,
  };
}

/** The report of a labels file read by readLabels. */
export function labelsInputReport(file: string, detected: LabelsDetected, remapped: boolean): InputReport {
  const isNpy = path.extname(file).toLowerCase() === '.npy';
  const kind =
    detected.labelKind === 'text' ? 'text labels numbered in sorted order' : remapped ? 'integer labels renumbered in ascending order' : 'integer labels kept as class indices';
  const header = `header ${detected.header} (${detected.headerReason})`;
  const id = detected.idColumn === null ? 'no id column' : `id column '${detected.idColumn}' (${detected.idReason})`;
  const decisions = isNpy ? [kind] : [header, id, kind, ...textDecisions(detected), ...detected.notes];
  const counts = `${detected.rows} rows, ${detected.classes} classes (${kind})`;
  return {
    file,
    format: 'labels',
    rows: detected.rows,
    columns: 1,
    decisions,
    summary: line(file, isNpy ? ['labels (.npy)', counts] : ['labels', header, id, counts, ...textDecisions(detected), ...detected.notes]),
    detected,
  };
}

/** The report of a .npy matrix (nothing to decide; rows of more than one dimension are flattened). */
export function npyInputReport(file: string, rows: number, columns: number, featureShape: readonly number[]): InputReport {
  const flattened = featureShape.length > 1 ? [`rows of shape ${featureShape.join(' × ')} flattened to ${columns} columns`] : [];
  return {
    file,
    format: 'npy',
    rows,
    columns,
    decisions: flattened,
    summary: line(file, ['.npy', `${rows} rows × ${columns} columns`, ...flattened]),
  };
}

function textDecisions(d: { bom: boolean; lineEnding: string; blankLines: number }): string[] {
  const out: string[] = [];
  if (d.bom) out.push('a UTF-8 byte-order mark skipped');
  if (d.lineEnding === 'crlf') out.push('Windows line ends (CRLF)');
  if (d.lineEnding === 'cr') out.push('old Mac line ends (CR)');
  if (d.blankLines > 0) out.push(`${d.blankLines} blank line${d.blankLines === 1 ? '' : 's'} skipped`);
  return out;
}

function line(file: string, parts: string[]): string {
  return `${path.basename(file)}: ${parts.join(', ')}`;
}
