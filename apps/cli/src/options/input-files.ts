/**
 * File options (`--x/--y` of `cch mi`, `--teacher/--student/--labels` of `cch criterion`): read
 * the matrix and label files, put their rows in one order, and name the file in input errors.
 */
import path from 'node:path';
import { InvalidInputError } from '@cch-lab/core';
import type { Matrix } from '@cch-lab/core';
import type { Io } from '../io.js';

/** Matrices (and y as a matrix or labels) read from files and put in the same row order. */
export interface AlignedInputs {
  matrices: Matrix[];
  y: Matrix | Int32Array;
  files: string[];
  yFile: string;
  /** True when rows were matched by id columns rather than by position. */
  alignedById: boolean;
}

/**
 * Reads matrix files and a y file (matrix or labels). When every file has ids, rows are matched by
 * id (in the first file's order); otherwise they must already be aligned by position.
 * @throws InvalidInputError / DataNotFoundError from the readers, and for mismatched row counts.
 */
export async function readAligned(files: string[], yFile: string, labels: boolean, io: Io): Promise<AlignedInputs> {
  const { readMatrixFile, readLabels, alignById } = await import('@cch-lab/data');
  const resolved = files.map((f) => path.resolve(io.cwd, f));
  const yPath = path.resolve(io.cwd, yFile);
  const read = resolved.map((f) => readMatrixFile(f));
  const yRead = labels ? readLabels(yPath) : readMatrixFile(yPath);
  const idLists = [...read.map((r) => r.ids), yRead.ids];
  let matrices = read.map((r) => r.matrix);
  let y: Matrix | Int32Array = 'labels' in yRead ? yRead.labels : yRead.matrix;
  const alignedById = idLists.every((ids) => ids !== undefined);
  if (alignedById) {
    const alignment = alignById([...resolved, yPath].map((name, t) => ({ name, ids: idLists[t] as string[] })));
    matrices = matrices.map((m, t) => m.selectRows(alignment.rows[t]));
    const rows = alignment.rows[resolved.length];
    y = y instanceof Int32Array ? Int32Array.from(rows, (i) => (y as Int32Array)[i]) : y.selectRows(rows);
  } else {
    const ny = y instanceof Int32Array ? y.length : y.rows;
    for (const [t, m] of matrices.entries()) {
      if (m.rows !== ny) {
        throw new InvalidInputError(`${path.basename(resolved[t])} has ${m.rows} rows but ${path.basename(yPath)} has ${ny}; rows must be aligned`, {
          details: { file: resolved[t], received: `${m.rows} rows` },
          hint: 'pass files with the same samples in the same order, or give every file an id column to match them',
        });
      }
    }
  }
  return { matrices, y, files: resolved, yFile: yPath, alignedById };
}

/**
 * The estimators check their inputs by argument (x, y, labels, k) and cannot know the files they
 * came from; this re-raises such an InvalidInputError with the file of that argument, so every
 * bad-input message names a file (the readers' own errors already do and pass unchanged).
 */
export function attributeToFile(error: unknown, files: Readonly<Record<string, string | undefined>>): unknown {
  if (!(error instanceof InvalidInputError) || error.details.file !== undefined) return error;
  const field = error.details.field;
  const file = field === undefined ? undefined : files[field];
  if (file === undefined) return error;
  // The message already carries the field and the value received; details.file adds the file in front.
  return new InvalidInputError(error.message, { hint: error.hint, cause: error, details: { file, argument: field } });
}
