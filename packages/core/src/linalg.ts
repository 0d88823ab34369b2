/**
 * Small dense linear algebra in float64 for covariances and closed forms (p up to a few hundred):
 * products, Cholesky, SPD solves and log-determinants. Square matrices are Matrix<Float64Array>.
 */
import { InvalidInputError } from './errors.js';
import { Matrix } from './matrix.js';

/** a (n × m) · b (m × p), float64. */
export function matMul(a: Matrix, b: Matrix): Matrix<Float64Array> {
  if (a.cols !== b.rows) {
    throw new InvalidInputError(`cannot multiply ${a.rows} × ${a.cols} by ${b.rows} × ${b.cols}`, {
      details: { field: 'b' },
    });
  }
  const n = a.rows;
  const m = a.cols;
  const p = b.cols;
  const out = Matrix.zeros(n, p);
  for (let i = 0; i < n; i++) {
    const orow = i * p;
    for (let k = 0; k < m; k++) {
      const aik = a.data[i * m + k];
      if (aik === 0) continue;
      const brow = k * p;
      for (let j = 0; j < p; j++) out.data[orow + j] += aik * b.data[brow + j];
    }
  }
  return out;
}

/** Aᵀ·B without forming the transpose. */
export function matTMul(a: Matrix, b: Matrix): Matrix<Float64Array> {
  if (a.rows !== b.rows) {
    throw new InvalidInputError(`cannot multiply (${a.rows} × ${a.cols})ᵀ by ${b.rows} × ${b.cols}`, {
      details: { field: 'b' },
    });
  }
  const out = Matrix.zeros(a.cols, b.cols);
  for (let r = 0; r < a.rows; r++) {
    for (let i = 0; i < a.cols; i++) {
      const v = a.data[r * a.cols + i];
      if (v === 0) continue;
      const orow = i * b.cols;
      const brow = r * b.cols;
      for (let j = 0; j < b.cols; j++) out.data[orow + j] += v * b.data[brow + j];
    }
  }
  return out;
}

/** a · v for a vector v. */
export function matVec(a: Matrix, v: ArrayLike<number>): Float64Array {
  if (a.cols !== v.length) {
    throw new InvalidInputError(`cannot multiply ${a.rows} × ${a.cols} by a vector of length ${v.length}`, {
      details: { field: 'v' },
    });
  }
  const out = new Float64Array(a.rows);
  for (let i = 0; i < a.rows; i++) {
    let s = 0;
    const base = i * a.cols;
    for (let j = 0; j < a.cols; j++) s += a.data[base + j] * v[j];
    out[i] = s;
  }
  return out;
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** vᵀ A w. */
export function quadraticForm(a: Matrix, v: ArrayLike<number>, w: ArrayLike<number> = v): number {
  return dot(v, matVec(a, w));
}

/**
 * Cholesky factor L (lower triangular, A = L Lᵀ) of a symmetric positive-definite matrix.
 * @throws InvalidInputError when A is not square or not positive definite (names the pivot).
 */
export function cholesky(a: Matrix): Matrix<Float64Array> {
  if (a.rows !== a.cols) {
    throw new InvalidInputError(`Cholesky needs a square matrix, got ${a.rows} × ${a.cols}`, { details: { field: 'a' } });
  }
  const n = a.rows;
  const l = Matrix.zeros(n, n);
  const L = l.data;
  for (let j = 0; j < n; j++) {
    let diag = a.data[j * n + j];
    for (let k = 0; k < j; k++) diag -= L[j * n + k] * L[j * n + k];
    if (!(diag > 0) || !Number.isFinite(diag)) {
      throw new InvalidInputError(`matrix is not positive definite (pivot ${j} is ${diag})`, {
        details: { field: 'a', pivot: j },
        hint: 'the covariance may be singular: remove constant or duplicated columns, or use shrinkage',
      });
    }
    const ljj = Math.sqrt(diag);
    L[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a.data[i * n + j];
      for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k];
      L[i * n + j] = s / ljj;
    }
  }
  return l;
}

/** ln det A for symmetric positive-definite A, via Cholesky: 2 Σ ln L_ii. */
export function logDetSpd(a: Matrix): number {
  const l = cholesky(a);
  let s = 0;
  for (let i = 0; i < l.rows; i++) s += Math.log(l.data[i * l.rows + i]);
  return 2 * s;
}

/** Solves L Lᵀ X = B given the Cholesky factor L; B is n × m (or a vector). */
export function choleskySolve(l: Matrix, b: Matrix): Matrix<Float64Array> {
  const n = l.rows;
  if (b.rows !== n) {
    throw new InvalidInputError(`right-hand side has ${b.rows} rows, expected ${n}`, { details: { field: 'b' } });
  }
  const m = b.cols;
  const x = new Matrix(Float64Array.from(b.data), n, m);
  const L = l.data;
  const X = x.data;
  for (let c = 0; c < m; c++) {
    for (let i = 0; i < n; i++) {
      let s = X[i * m + c];
      for (let k = 0; k < i; k++) s -= L[i * n + k] * X[k * m + c];
      X[i * m + c] = s / L[i * n + i];
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = X[i * m + c];
      for (let k = i + 1; k < n; k++) s -= L[k * n + i] * X[k * m + c];
      X[i * m + c] = s / L[i * n + i];
    }
  }
  return x;
}

/** Solves A X = B for symmetric positive-definite A. */
export function solveSpd(a: Matrix, b: Matrix): Matrix<Float64Array> {
  return choleskySolve(cholesky(a), b);
}

/** Solves A x = b for symmetric positive-definite A and a vector b. */
export function solveSpdVector(a: Matrix, b: ArrayLike<number>): Float64Array {
  return solveSpd(a, Matrix.column(b)).data;
}

/** The inverse of a symmetric positive-definite matrix. */
export function invertSpd(a: Matrix): Matrix<Float64Array> {
  const n = a.rows;
  const eye = Matrix.zeros(n, n);
  for (let i = 0; i < n; i++) eye.data[i * n + i] = 1;
  return solveSpd(a, eye);
}

/** The n × n identity. */
export function identity(n: number): Matrix<Float64Array> {
  const out = Matrix.zeros(n, n);
  for (let i = 0; i < n; i++) out.data[i * n + i] = 1;
  return out;
}

/** A square sub-block or rectangular block: rows r0..r1−1, columns c0..c1−1 (a copy). */
export function block(a: Matrix, r0: number, r1: number, c0: number, c1: number): Matrix<Float64Array> {
  const out = Matrix.zeros(r1 - r0, c1 - c0);
  for (let i = r0; i < r1; i++) {
    for (let j = c0; j < c1; j++) out.data[(i - r0) * (c1 - c0) + (j - c0)] = a.data[i * a.cols + j];
  }
  return out;
}
