/**
 * The MOGONET layout: per view k `k_tr.csv`, `k_te.csv` (numbers only, no header, no ids, rows
 * aligned by position across views), `k_featname.csv` (one feature name per line), and
 * `labels_tr.csv`, `labels_te.csv` (one integer class per line).
 */
import { InvalidInputError } from '@cch-lab/core';
import { Matrix } from '@cch-lab/core';
import { parseCsvMatrix, parseDelimited, parseNumberCell } from '@cch-lab/data';
import type { ResolvedTcgaOptions } from '../files/resolve-options.js';
import { readTextFile } from './read-text.js';
import type { LabelTable, OmicsTable, TcgaTables } from './tables.js';

/**
 * Rows get the ids `tr-<i>` and `te-<i>` (1-based), train rows first; `fixedTrainIds` marks the
 * train rows so the dataset keeps MOGONET's split.
 *
 * @throws InvalidInputError naming the file for a ragged row or non-numeric cell (with line and
 *   column), a feature-name file whose length differs from the columns, a `_te` file with other
 *   columns than `_tr`, a view with another row count than the first, or a label file whose
 *   length differs from the rows.
 */
export function readMogonet(resolved: ResolvedTcgaOptions, actual: (file: string) => string): TcgaTables {
  const [labelsTrFile, labelsTeFile] = resolved.labelFiles.map(actual);
  const trLabels = readIntegerLines(labelsTrFile);
  const teLabels = readIntegerLines(labelsTeFile);
  const ids = [...trLabels.map((_, i) => `tr-${i + 1}`), ...teLabels.map((_, i) => `te-${i + 1}`)];

  const omics: OmicsTable[] = resolved.perOmics.map((p) => {
    const [trFile, teFile, namesFile] = p.files.map(actual);
    const tr = readNumeric(trFile);
    const te = readNumeric(teFile);
    if (te.cols !== tr.cols) {
      throw new InvalidInputError(`has ${te.cols} columns but ${trFile} has ${tr.cols}; train and test must hold the same features`, {
        details: { file: teFile, received: `${te.cols} columns` },
      });
    }
    checkRows(trFile, tr.rows, labelsTrFile, trLabels.length);
    checkRows(teFile, te.rows, labelsTeFile, teLabels.length);
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
    values: [...trLabels, ...teLabels].map(String),
    notPrimaryTumour: [],
    duplicateAliquot: [],
  };
  return { omics, labels, fixedTrainIds: new Set(ids.slice(0, trLabels.length)) };
}

function readNumeric(file: string): Matrix {
  return parseCsvMatrix(readTextFile(file, 'MOGONET view'), file, { header: false, idColumn: false, allowMissing: true, dtype: 'float64' }).matrix;
}

function checkRows(file: string, rows: number, labelsFile: string, labels: number): void {
  if (rows !== labels) {
    throw new InvalidInputError(`holds ${labels} labels but ${file} has ${rows} rows; MOGONET aligns them by position`, {
      details: { file: labelsFile, received: `${labels} labels` },
      hint: 'the label file must have one line per row of every view of the same split (_tr or _te)',
    });
  }
}

function readNames(file: string): string[] {
  const text = readTextFile(file, 'feature names');
  // One name per line; a name holding a comma stays whole (rejoined), quotes removed.
  return [...parseDelimited(text, ',', file)].map((r) => r.fields.join(',').trim());
}

/** One integer class per line (written as `2`, `2.0` or `2.000e+00`). */
function readIntegerLines(file: string): number[] {
  const text = readTextFile(file, 'labels');
  const out: number[] = [];
  for (const rec of parseDelimited(text, ',', file)) {
    const cell = rec.fields[0];
    const v = rec.fields.length === 1 ? parseNumberCell(cell) : undefined;
    if (v === undefined || !Number.isInteger(v)) {
      throw new InvalidInputError(rec.fields.length !== 1 ? `expected one label per line, found ${rec.fields.length} fields` : 'a MOGONET label is an integer class', {
        details: { file, line: rec.line, column: 1, received: rec.fields.join(',') },
        hint: 'labels_tr.csv / labels_te.csv hold one integer class (0..C−1) per line',
      });
    }
    out.push(v);
  }
  if (out.length === 0) {
    throw new InvalidInputError('the label file is empty', { details: { file }, hint: 'write one integer class per line' });
  }
  return out;
}
