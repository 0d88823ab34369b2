/**
 * The MOGONET layout: per view k `k_tr.csv`, `k_te.csv` (numbers only, no header, no ids, rows
 * aligned by position across views), `k_featname.csv` (one feature name per line), and
 * `labels_tr.csv`, `labels_te.csv` (one integer class per line).
 */
import { InvalidInputError, Matrix } from '@cch-lab/core';
import { detectDelimiter, isDecimalComma, parseCsvMatrix, parseDelimited, parseNumberCell } from '@cch-lab/data';
import type { ResolvedTcgaOptions } from '../files/resolve-options.js';
import { readTextFile } from './read-text.js';
import type { LabelTable, OmicsTable, TcgaTables } from './tables.js';

/**
 * Rows get the ids `tr-<i>` and `te-<i>` (1-based), train rows first; `fixedTrainIds` marks the
 * train rows so the dataset keeps MOGONET's split.
 *
 * @throws InvalidInputError naming the file for a ragged row or non-numeric cell (with line and
 *   column; a header row over a view is one), a feature-name file whose length differs from the columns, a `_te` file with other
 *   columns than `_tr`, a view with another row count than the first, a label file whose
 *   length differs from the rows, a label that is not a class index ≥ 0, or a test label of a
 *   class no training row has.
 */
export function readMogonet(resolved: ResolvedTcgaOptions, actual: (file: string) => string): TcgaTables {
  const [labelsTrFile, labelsTeFile] = resolved.labelFiles.map(actual);
  const trLabels = readIntegerLines(labelsTrFile);
  const teLabels = readIntegerLines(labelsTeFile);
  checkTestClasses(trLabels, labelsTrFile, teLabels, labelsTeFile);
  const ids = [...trLabels.values.map((_, i) => `tr-${i + 1}`), ...teLabels.values.map((_, i) => `te-${i + 1}`)];

  const omics: OmicsTable[] = resolved.perOmics.map((p) => {
    const [trFile, teFile, namesFile] = p.files.map(actual);
    const tr = readNumeric(trFile);
    const te = readNumeric(teFile);
    if (te.cols !== tr.cols) {
      throw new InvalidInputError(`has ${te.cols} columns but ${trFile} has ${tr.cols}; train and test must hold the same features`, {
        details: { file: teFile, received: `${te.cols} columns` },
      });
    }
    checkRows(trFile, tr.rows, labelsTrFile, trLabels.values.length);
    checkRows(teFile, te.rows, labelsTeFile, teLabels.values.length);
    const featureNames = readNames(namesFile);
    if (featureNames.length !== tr.cols) {
      throw new InvalidInputError(`lists ${featureNames.length} feature names but ${trFile} has ${tr.cols} columns`, {
        details: { file: namesFile, received: `${featureNames.length} names` },
        hint: 'the feature-name file holds one name per column of the view, one per line',
      });
    }
    const matrix = Matrix.zeros(tr.rows + te.rows, tr.cols);
    matrix.data.set(tr.data, 0);
    matrix.data.set(te.data, tr.data.length);
    return { omics: p.omics, files: [trFile, teFile, namesFile], ids, read: ids.length, featureNames, matrix, notPrimaryTumour: [], duplicateAliquot: [] };
  });

  const labels: LabelTable = {
    file: labelsTrFile,
    ids,
    read: ids.length,
    values: [...trLabels.values, ...teLabels.values].map(String),
    notPrimaryTumour: [],
    duplicateAliquot: [],
  };
  return { omics, labels, fixedTrainIds: new Set(ids.slice(0, trLabels.values.length)) };
}

function readNumeric(file: string): Matrix {
  const text = readTextFile(file, 'MOGONET view');
  checkNoHeader(text, file);
  return parseCsvMatrix(text, file, { header: false, idColumn: false, allowMissing: true, dtype: 'float64' }).matrix;
}

/**
 * A header written over a view (pandas' to_csv without header=False) is refused here rather than
 * by parseCsvMatrix, whose hint points to a header option this layout does not have.
 */
function checkNoHeader(text: string, file: string): void {
  const first = parseDelimited(text, detectDelimiter(file, text), file).next();
  if (first.done) return;
  const j = first.value.fields.findIndex((cell) => parseNumberCell(cell) === undefined && !isDecimalComma(cell));
  if (j < 0) return;
  const cell = first.value.fields[j];
  throw new InvalidInputError(`non-numeric cell ${JSON.stringify(cell)} in the first row`, {
    details: { file, line: first.value.line, column: j + 1, received: cell },
    hint: 'MOGONET view files have no header row and no id column, only numbers (feature names go in k_featname.csv): save them with header=False, index=False',
  });
}

function checkRows(file: string, rows: number, labelsFile: string, labels: number): void {
  if (rows !== labels) {
    throw new InvalidInputError(`holds ${labels} labels but ${file} has ${rows} rows; MOGONET aligns them by position`, {
      details: { file: labelsFile, received: `${labels} labels` },
      hint:
        rows === labels + 1
          ? `${file} has one row more than there are labels: a header row (pandas' 0, 1, … column names) may have been written over it; save views with header=False`
          : 'the label file must have one line per row of every view of the same split (_tr or _te)',
    });
  }
}

function readNames(file: string): string[] {
  const text = readTextFile(file, 'feature names');
  // One name per line; a name holding a comma stays whole (rejoined), quotes removed.
  return [...parseDelimited(text, ',', file)].map((r) => r.fields.join(',').trim());
}

interface IntegerLines {
  values: number[];
  /** 1-based line of each value, for messages. */
  lines: number[];
}

/** One integer class ≥ 0 per line (written as `2`, `2.0` or `2.000e+00`). */
function readIntegerLines(file: string): IntegerLines {
  const text = readTextFile(file, 'labels');
  const values: number[] = [];
  const lines: number[] = [];
  for (const rec of parseDelimited(text, ',', file)) {
    const cell = rec.fields[0];
    const v = rec.fields.length === 1 ? parseNumberCell(cell) : undefined;
    if (v === undefined || !Number.isInteger(v) || v < 0) {
      const what =
        rec.fields.length !== 1
          ? `expected one label per line, found ${rec.fields.length} fields`
          : v !== undefined && v < 0
            ? `label ${v} is negative: a MOGONET label is a class index ≥ 0`
            : 'a MOGONET label is an integer class';
      throw new InvalidInputError(what, {
        details: { file, line: rec.line, column: 1, received: rec.fields.join(',') },
        hint: 'labels_tr.csv / labels_te.csv hold one integer class (0..C−1) per line',
      });
    }
    values.push(v);
    lines.push(rec.line);
  }
  if (values.length === 0) {
    throw new InvalidInputError('the label file is empty', { details: { file }, hint: 'write one integer class per line' });
  }
  return { values, lines };
}

/**
 * MOGONET's split is fixed, so a class seen only in the test labels could never be learnt; it is
 * far more often a mislabelled line or mixed-up files than a real class.
 */
function checkTestClasses(tr: IntegerLines, trFile: string, te: IntegerLines, teFile: string): void {
  const known = new Set(tr.values);
  const i = te.values.findIndex((v) => !known.has(v));
  if (i < 0) return;
  const classes = [...known].sort((a, b) => a - b).join(', ');
  throw new InvalidInputError(`class ${te.values[i]} is a test label but no row of ${trFile} has it (training classes: ${classes})`, {
    details: { file: teFile, line: te.lines[i], column: 1, received: String(te.values[i]) },
    hint: 'labels_tr.csv and labels_te.csv must number the same classes 0..C−1; check that both come from the same cohort',
  });
}
