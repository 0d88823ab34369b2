/** One entry point for the CLI's matrix arguments: the reader is chosen by the file extension. */
import path from 'node:path';
import { InvalidInputError, Matrix } from '@cch-lab/core';
import type { DType } from '@cch-lab/core';
import { readCsvMatrix } from './read-csv-matrix.js';
import type { CsvDetected, CsvMatrixOptions } from './read-csv-matrix.js';
import { readNpyMatrix } from './read-npy.js';

/** Extensions readMatrixFile understands, by format. */
export const MATRIX_EXTENSIONS = Object.freeze({ csv: ['.csv', '.tsv', '.txt'], npy: ['.npy'] });

export interface MatrixFileOptions extends CsvMatrixOptions {
  /** Element type of the matrix. Default 'float64'. */
  dtype?: DType;
}

export interface MatrixFile {
  matrix: Matrix;
  format: 'csv' | 'npy';
  /** Sample ids (CSV with an id column). */
  ids?: string[];
  /** Column names (CSV with a header). */
  header?: string[];
  /** Shape of one row before flattening (.npy with more than 2 dimensions; [d] otherwise). */
  featureShape: number[];
  /** The CSV reader's header / id column decisions (CSV only). */
  detected?: CsvDetected;
}

/**
 * Reads a matrix from .csv / .tsv / .txt (readCsvMatrix; CSV options apply) or .npy (readNpyMatrix).
 *
 * @throws InvalidInputError for another extension (listing the supported ones), and whatever the
 *   chosen reader throws.
 */
export function readMatrixFile(file: string, options: MatrixFileOptions = {}): MatrixFile {
  const ext = path.extname(file).toLowerCase();
  if (MATRIX_EXTENSIONS.npy.includes(ext)) {
    const { matrix, featureShape } = readNpyMatrix(file, { dtype: options.dtype });
    return { matrix, format: 'npy', featureShape };
  }
  if (MATRIX_EXTENSIONS.csv.includes(ext)) {
    const { matrix, ids, header, detected } = readCsvMatrix(file, options);
    const out: MatrixFile = { matrix, format: 'csv', featureShape: [matrix.cols], detected };
    if (ids !== undefined) out.ids = ids;
    if (header !== undefined) out.header = header;
    return out;
  }
  const supported = [...MATRIX_EXTENSIONS.csv, ...MATRIX_EXTENSIONS.npy].join(', ');
  throw new InvalidInputError(`cannot tell the format of '${path.basename(file)}' from its extension; supported: ${supported}`, {
    details: { file, received: ext === '' ? '(no extension)' : ext },
    hint: 'convert the file to CSV or .npy (numpy.save), or rename it if it already is one',
  });
}
