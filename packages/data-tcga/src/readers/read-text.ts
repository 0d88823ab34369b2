/** A data file's text, gunzipped when its name ends in `.gz`. */
import zlib from 'node:zlib';
import { InvalidInputError } from '@cch-lab/core';
import { readInputFile } from '@cch-lab/data';

/**
 * @param what What the file holds, for messages.
 * @throws DataNotFoundError when it does not exist; InvalidInputError when it cannot be read or gunzipped.
 */
export function readTextFile(file: string, what: string): string {
  const bytes = readInputFile(file, what);
  if (!file.toLowerCase().endsWith('.gz')) return bytes.toString('utf8');
  try {
    return zlib.gunzipSync(bytes).toString('utf8');
  } catch (error) {
    throw new InvalidInputError(`cannot gunzip ${what} file (${(error as Error).message})`, {
      details: { file },
      hint: 'the file ends in .gz but is not gzip data, or was cut short; re-download it, or remove the .gz suffix if it is plain text',
      cause: error,
    });
  }
}
