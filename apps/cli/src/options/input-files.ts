/**
 * File options (`--x/--y` of `cch mi`, `--teacher/--student/--labels` of `cch criterion`): read
 * the matrix and label files, put their rows in one order, and name the file in input errors.
 */
import { InvalidInputError } from '@cch-lab/core';
import type { AlignedFiles } from '@cch-lab/data';
import type { Io } from '../io.js';

/** Matrices (and y as a matrix or labels) read from files and put in the same row order: data's reader's result. */
export type AlignedInputs = AlignedFiles;

/**
 * Reads matrix files and a y file (matrix or labels). When every file has ids, rows are matched by
 * id (in the first file's order); otherwise they must already be aligned by position.
 * @throws InvalidInputError / DataNotFoundError from the readers, and for mismatched row counts.
 */
export async function readAligned(files: string[], yFile: string, labels: boolean, io: Io): Promise<AlignedInputs> {
  const { readAlignedFiles } = await import('@cch-lab/data');
  return readAlignedFiles(files, yFile, { labels, cwd: io.cwd });
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
