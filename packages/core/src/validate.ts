/**
 * Boundary checks shared by every package. Each names the field and, where given, the function
 * or file, so a message says what was wrong, where, and what was received.
 */
import { InvalidInputError } from './errors.js';
import type { Matrix } from './matrix.js';

export interface Where {
  /** The function, command or file the value was passed to. */
  where?: string;
  file?: string;
}

/** Throws unless `value` is an integer in [min, max]. */
export function checkInteger(value: unknown, field: string, range: { min?: number; max?: number } = {}, at: Where = {}): number {
  const min = range.min ?? Number.NEGATIVE_INFINITY;
  const max = range.max ?? Number.POSITIVE_INFINITY;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidInputError(`${prefix(at)}must be an integer in [${min}, ${max}]`, {
      details: { field, file: at.file, received: String(value) },
    });
  }
  return value;
}

/** Throws unless `value` is a finite number in [min, max]. */
export function checkNumber(value: unknown, field: string, range: { min?: number; max?: number } = {}, at: Where = {}): number {
  const min = range.min ?? Number.NEGATIVE_INFINITY;
  const max = range.max ?? Number.POSITIVE_INFINITY;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new InvalidInputError(`${prefix(at)}must be a finite number in [${min}, ${max}]`, {
      details: { field, file: at.file, received: String(value) },
    });
  }
  return value;
}

/** Throws at the first NaN or ±Inf in a matrix, naming its row and column (1-based rows for humans). */
export function checkFiniteMatrix(x: Matrix, field: string, at: Where = {}): void {
  const d = x.data;
  for (let k = 0; k < d.length; k++) {
    if (!Number.isFinite(d[k])) {
      const row = Math.floor(k / x.cols);
      const col = k % x.cols;
      throw new InvalidInputError(`${prefix(at)}non-finite value ${d[k]} at row ${row + 1}, column ${col + 1}`, {
        details: { field, file: at.file, row: row + 1, column: col + 1 },
        hint: Number.isNaN(d[k])
          ? 'remove or impute missing values before estimating'
          : `the value is beyond the range of ${d instanceof Float32Array ? 'float32 (±3.4e38)' : 'float64 (±1.8e308)'}: rescale the column (mutual information does not depend on a column's scale) or remove the row`,
      });
    }
  }
}

/** Throws at the first non-finite value of an array. */
export function checkFiniteArray(values: ArrayLike<number>, field: string, at: Where = {}): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new InvalidInputError(`${prefix(at)}non-finite value ${values[i]} at position ${i + 1}`, {
        details: { field, file: at.file, row: i + 1 },
      });
    }
  }
}

/** Throws unless x and y have the same number of rows. */
export function checkSameRows(x: { rows: number }, y: { rows: number } | { length: number }, fields: [string, string], at: Where = {}): void {
  const ny = 'rows' in y ? y.rows : y.length;
  if (x.rows !== ny) {
    throw new InvalidInputError(`${prefix(at)}${fields[0]} has ${x.rows} rows but ${fields[1]} has ${ny}; rows must be aligned`, {
      details: { field: fields[1], file: at.file, received: String(ny) },
      hint: 'pass files with the same samples in the same order, or add an id column to match them',
    });
  }
}

function prefix(at: Where): string {
  return at.where !== undefined ? `${at.where}: ` : '';
}
