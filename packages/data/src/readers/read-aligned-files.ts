/**
 * Matrix files and a target file (a matrix, or class labels) put in one row order: matched by
 * their id columns when every file has one (in the first file's order), else aligned by position.
 * What `cch mi`, `cch criterion` and the `paired` experiment read a user's own data with.
 */
import path from 'node:path';
import { InvalidInputError, type Matrix } from '@cch-lab/core';
import { alignById } from './align-by-id.js';
import { csvInputReport, labelsInputReport, npyInputReport } from './input-report.js';
import type { InputReport } from './input-report.js';
import type { CsvMatrixOptions } from './read-csv-matrix.js';
import { readLabels } from './read-labels.js';
import { readMatrixFile } from './read-matrix-file.js';
import type { MatrixFile } from './read-matrix-file.js';

export interface AlignedFilesOptions {
  /** Read the y file as class labels (readLabels) instead of a matrix. */
  labels: boolean;
  /** Directory relative paths start from. Default process.cwd(). */
  cwd?: string;
  /** Whether text files start with a header row (matrices and labels). Default 'auto'. */
  header?: boolean | 'auto';
  /** The id column of matrix files (a labels file's is the first of two). Default 'auto'. */
  idColumn?: CsvMatrixOptions['idColumn'];
}

export interface AlignedFiles {
  matrices: Matrix[];
  y: Matrix | Int32Array;
  /** Class names in index order, when y holds labels. */
  classes?: string[];
  /** Absolute paths, in the order given. */
  files: string[];
  yFile: string;
  /** True when rows were matched by id columns rather than by position. */
  alignedById: boolean;
  /** The matched ids (aligned by id only). */
  ids?: string[];
  /** What the readers decided about each file (the matrix files in order, then y). */
  inputs: InputReport[];
}

/**
 * @param files matrix files (CSV / TSV / .npy), resolved against `cwd`
 * @param yFile the target: class labels when `labels`, else a numeric matrix
 * @throws InvalidInputError / DataNotFoundError from the readers, and for mismatched row counts.
 */
export function readAlignedFiles(files: readonly string[], yFile: string, options: AlignedFilesOptions): AlignedFiles {
  const cwd = options.cwd ?? process.cwd();
  const resolved = files.map((f) => path.resolve(cwd, f));
  const yPath = path.resolve(cwd, yFile);
  const csv: CsvMatrixOptions = {};
  if (options.header !== undefined) csv.header = options.header;
  if (options.idColumn !== undefined) csv.idColumn = options.idColumn;
  const read = resolved.map((f) => readMatrixFile(f, csv));
  const yRead = options.labels ? readLabels(yPath, options.header !== undefined ? { header: options.header } : {}) : readMatrixFile(yPath, csv);
  const inputs = [
    ...read.map((r, t) => matrixReport(resolved[t], r)),
    'labels' in yRead ? labelsInputReport(yPath, yRead.detected, yRead.remapped) : matrixReport(yPath, yRead),
  ];
  const classes = 'classes' in yRead ? yRead.classes : undefined;
  const idLists = [...read.map((r) => r.ids), yRead.ids];
  let matrices = read.map((r) => r.matrix);
  let y: Matrix | Int32Array = 'labels' in yRead ? yRead.labels : yRead.matrix;
  if (idLists.every((ids) => ids !== undefined)) {
    const alignment = alignById([...resolved, yPath].map((name, t) => ({ name, ids: idLists[t] as string[] })));
    matrices = matrices.map((m, t) => m.selectRows(alignment.rows[t]));
    const rows = alignment.rows[resolved.length];
    y = y instanceof Int32Array ? Int32Array.from(rows, (i) => (y as Int32Array)[i]) : y.selectRows(rows);
    return { matrices, y, ...(classes !== undefined ? { classes } : {}), files: resolved, yFile: yPath, alignedById: true, ids: alignment.ids, inputs };
  }
  const ny = y instanceof Int32Array ? y.length : y.rows;
  for (const [t, m] of matrices.entries()) {
    if (m.rows !== ny) {
      throw new InvalidInputError(`${path.basename(resolved[t])} has ${m.rows} rows but ${path.basename(yPath)} has ${ny}; rows must be aligned`, {
        details: { file: resolved[t], received: `${m.rows} rows` },
        hint:
          Math.abs(m.rows - ny) === 1
            ? 'one row apart: is a header row read as data, or a first data row taken for a header? Pass the header option (cch: --header yes|no)'
            : 'pass files with the same samples in the same order, or give every file an id column to match them',
      });
    }
  }
  return { matrices, y, ...(classes !== undefined ? { classes } : {}), files: resolved, yFile: yPath, alignedById: false, inputs };
}

function matrixReport(file: string, r: MatrixFile): InputReport {
  return r.detected !== undefined ? csvInputReport(file, r.detected) : npyInputReport(file, r.matrix.rows, r.matrix.cols, r.featureShape);
}
