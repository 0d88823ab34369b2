/**
 * A dense row-major matrix over a typed array. Rows are samples, columns are features throughout
 * the project ("x: n × d, row-major"). Float32 holds data sets; Float64 holds anything numeric
 * that accumulates (covariances, distances, closed forms).
 */
import { InvalidInputError } from './errors.js';

export type FloatArray = Float32Array | Float64Array;
export type DType = 'float32' | 'float64';

export class Matrix<T extends FloatArray = FloatArray> {
  readonly data: T;
  readonly rows: number;
  readonly cols: number;

  constructor(data: T, rows: number, cols: number) {
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
      throw new InvalidInputError('matrix shape must be two non-negative integers', {
        details: { field: 'shape', received: `${rows} × ${cols}` },
      });
    }
    if (data.length !== rows * cols) {
      throw new InvalidInputError(`matrix data has ${data.length} values, expected rows × cols = ${rows * cols}`, {
        details: { field: 'data', received: `${rows} × ${cols}` },
      });
    }
    this.data = data;
    this.rows = rows;
    this.cols = cols;
  }

  static zeros(rows: number, cols: number): Matrix<Float64Array>;
  static zeros(rows: number, cols: number, dtype: 'float64'): Matrix<Float64Array>;
  static zeros(rows: number, cols: number, dtype: 'float32'): Matrix<Float32Array>;
  static zeros(rows: number, cols: number, dtype: DType = 'float64'): Matrix {
    return dtype === 'float32'
      ? new Matrix(new Float32Array(rows * cols), rows, cols)
      : new Matrix(new Float64Array(rows * cols), rows, cols);
  }

  /** From an array of equal-length rows. */
  static fromRows(rows: ArrayLike<number>[], dtype: DType = 'float64'): Matrix {
    const n = rows.length;
    const d = n === 0 ? 0 : rows[0].length;
    const out = dtype === 'float32' ? Matrix.zeros(n, d, 'float32') : Matrix.zeros(n, d, 'float64');
    for (let i = 0; i < n; i++) {
      if (rows[i].length !== d) {
        throw new InvalidInputError(`row ${i} has ${rows[i].length} values, expected ${d}`, { details: { field: 'rows' } });
      }
      out.data.set(rows[i], i * d);
    }
    return out;
  }

  /** A single-column matrix (n × 1) holding `values`. */
  static column(values: ArrayLike<number>, dtype: DType = 'float64'): Matrix {
    const data = dtype === 'float32' ? Float32Array.from(values) : Float64Array.from(values);
    return new Matrix(data, data.length, 1);
  }

  get dtype(): DType {
    return this.data instanceof Float32Array ? 'float32' : 'float64';
  }

  get(i: number, j: number): number {
    return this.data[i * this.cols + j];
  }

  set(i: number, j: number, value: number): void {
    this.data[i * this.cols + j] = value;
  }

  /** Row `i` as a view (shares memory). */
  row(i: number): T {
    return this.data.subarray(i * this.cols, (i + 1) * this.cols) as T;
  }

  /** Rows start..end−1 as a view (shares memory). */
  rowRange(start: number, end: number): Matrix<T> {
    return new Matrix(this.data.subarray(start * this.cols, end * this.cols) as T, end - start, this.cols);
  }

  /** Column `j` as a new Float64Array. */
  columnValues(j: number): Float64Array {
    const out = new Float64Array(this.rows);
    for (let i = 0; i < this.rows; i++) out[i] = this.data[i * this.cols + j];
    return out;
  }

  /** A copy holding the given rows, in that order. */
  selectRows(indices: ArrayLike<number>): Matrix<T> {
    const d = this.cols;
    const out = this.emptyLike(indices.length, d);
    for (let r = 0; r < indices.length; r++) {
      const i = indices[r];
      if (i < 0 || i >= this.rows || !Number.isInteger(i)) {
        throw new InvalidInputError(`row index ${i} is outside 0..${this.rows - 1}`, { details: { field: 'indices' } });
      }
      out.data.set(this.data.subarray(i * d, (i + 1) * d), r * d);
    }
    return out;
  }

  /** A copy holding the given columns, in that order. */
  selectColumns(indices: ArrayLike<number>): Matrix<T> {
    const out = this.emptyLike(this.rows, indices.length);
    for (let c = 0; c < indices.length; c++) {
      if (indices[c] < 0 || indices[c] >= this.cols) {
        throw new InvalidInputError(`column index ${indices[c]} is outside 0..${this.cols - 1}`, { details: { field: 'indices' } });
      }
    }
    for (let i = 0; i < this.rows; i++) {
      for (let c = 0; c < indices.length; c++) out.data[i * indices.length + c] = this.data[i * this.cols + indices[c]];
    }
    return out;
  }

  transpose(): Matrix<T> {
    const out = this.emptyLike(this.cols, this.rows);
    for (let i = 0; i < this.rows; i++) {
      for (let j = 0; j < this.cols; j++) out.data[j * this.rows + i] = this.data[i * this.cols + j];
    }
    return out;
  }

  clone(): Matrix<T> {
    return new Matrix(this.data.slice() as T, this.rows, this.cols);
  }

  /** This matrix as float64 (a copy when it is float32, itself otherwise). */
  toFloat64(): Matrix<Float64Array> {
    return this.data instanceof Float64Array
      ? (this as unknown as Matrix<Float64Array>)
      : new Matrix(Float64Array.from(this.data), this.rows, this.cols);
  }

  /** This matrix as float32 (a copy when it is float64, itself otherwise). */
  toFloat32(): Matrix<Float32Array> {
    return this.data instanceof Float32Array
      ? (this as unknown as Matrix<Float32Array>)
      : new Matrix(Float32Array.from(this.data), this.rows, this.cols);
  }

  /** Nested arrays, for printing and JSON. */
  toArrays(): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < this.rows; i++) out.push(Array.from(this.row(i)));
    return out;
  }

  private emptyLike(rows: number, cols: number): Matrix<T> {
    const data = (this.data instanceof Float32Array ? new Float32Array(rows * cols) : new Float64Array(rows * cols)) as T;
    return new Matrix(data, rows, cols);
  }
}

/** Side-by-side concatenation of matrices with equal row counts (float64 unless all are float32). */
export function hstack(parts: readonly Matrix[]): Matrix {
  if (parts.length === 0) throw new InvalidInputError('hstack needs at least one matrix', { details: { field: 'parts' } });
  const n = parts[0].rows;
  for (const [k, p] of parts.entries()) {
    if (p.rows !== n) {
      throw new InvalidInputError(`matrix ${k} has ${p.rows} rows, expected ${n}`, { details: { field: 'parts' } });
    }
  }
  const d = parts.reduce((s, p) => s + p.cols, 0);
  const out = parts.every((p) => p.dtype === 'float32') ? Matrix.zeros(n, d, 'float32') : Matrix.zeros(n, d, 'float64');
  for (let i = 0; i < n; i++) {
    let offset = i * d;
    for (const p of parts) {
      out.data.set(p.row(i), offset);
      offset += p.cols;
    }
  }
  return out;
}
