/**
 * Input errors of the file options (`--x/--y` of `cch mi`, `--teacher/--student/--labels` of
 * `cch criterion`; input-format.ts reads the files): name the file an estimator's error is about.
 */
import { InvalidInputError } from '@cch-lab/core';

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
