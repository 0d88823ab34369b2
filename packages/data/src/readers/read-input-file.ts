/** Reading a file the user named, with errors that say which file and what to do. */
import fs from 'node:fs';
import path from 'node:path';
import { DataNotFoundError, InvalidInputError } from '@cch-lab/core';

/**
 * The bytes of `file`.
 *
 * @param what What the file should hold, for messages (e.g. 'CSV matrix').
 * @throws DataNotFoundError when it does not exist; InvalidInputError when it is a directory or unreadable.
 */
export function readInputFile(file: string, what: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new DataNotFoundError(`${what} file not found: ${file}`, [path.resolve(file)], {
        details: { file },
        hint: 'check the path (relative paths start from the current directory)',
        cause: error,
      });
    }
    throw new InvalidInputError(`cannot read ${what} file (${code ?? String(error)})`, {
      details: { file },
      hint: code === 'EISDIR' ? 'pass a file, not a directory' : 'check the file permissions',
      cause: error,
    });
  }
}
