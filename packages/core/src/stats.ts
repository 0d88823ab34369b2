/** Descriptive statistics on columns of a Matrix and on plain arrays, accumulated in float64. */
import { InvalidInputError } from './errors.js';
import { Matrix } from './matrix.js';

export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s / values.length;
}

/** Sample variance (denominator n − 1; 0 for fewer than two values). */
export function variance(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return 0;
  const m = mean(values);
  let s = 0;
  for (let i = 0; i < n; i++) s += (values[i] - m) ** 2;
  return s / (n - 1);
}

/** Sample standard deviation (denominator n − 1). */
export function standardDeviation(values: ArrayLike<number>): number {
  return Math.sqrt(variance(values));
}

/** Pearson correlation of two equal-length arrays (NaN when either is constant). */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) {
    throw new InvalidInputError(`arrays differ in length: ${a.length} vs ${b.length}`, { details: { field: 'b' } });
  }
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    const da = a[i] - ma;
    const db = b[i] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** Linear-interpolated quantile (q in [0, 1]) of a copy of `values`. */
export function quantile(values: ArrayLike<number>, q: number): number {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Per-column means. */
export function columnMeans(x: Matrix): Float64Array {
  const out = new Float64Array(x.cols);
  for (let i = 0; i < x.rows; i++) {
    const base = i * x.cols;
    for (let j = 0; j < x.cols; j++) out[j] += x.data[base + j];
  }
  for (let j = 0; j < x.cols; j++) out[j] /= x.rows;
  return out;
}

/** Per-column sample standard deviations (denominator n − 1). */
export function columnStandardDeviations(x: Matrix, means: Float64Array = columnMeans(x)): Float64Array {
  const out = new Float64Array(x.cols);
  for (let i = 0; i < x.rows; i++) {
    const base = i * x.cols;
    for (let j = 0; j < x.cols; j++) out[j] += (x.data[base + j] - means[j]) ** 2;
  }
  for (let j = 0; j < x.cols; j++) out[j] = x.rows > 1 ? Math.sqrt(out[j] / (x.rows - 1)) : 0;
  return out;
}

/** Sample cross-covariance of the columns of x (n × p) and y (n × q): p × q, denominator n − 1. */
export function crossCovariance(x: Matrix, y: Matrix): Matrix<Float64Array> {
  if (x.rows !== y.rows) {
    throw new InvalidInputError(`x has ${x.rows} rows but y has ${y.rows}`, { details: { field: 'y' } });
  }
  const n = x.rows;
  const p = x.cols;
  const q = y.cols;
  const mx = columnMeans(x);
  const my = columnMeans(y);
  const out = Matrix.zeros(p, q);
  const dx = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < p; a++) dx[a] = x.data[i * p + a] - mx[a];
    const yb = i * q;
    for (let a = 0; a < p; a++) {
      const va = dx[a];
      if (va === 0) continue;
      const row = a * q;
      for (let b = 0; b < q; b++) out.data[row + b] += va * (y.data[yb + b] - my[b]);
    }
  }
  const denom = n > 1 ? n - 1 : 1;
  for (let k = 0; k < out.data.length; k++) out.data[k] /= denom;
  return out;
}

/** Sample covariance of the columns of x: p × p, denominator n − 1. */
export function covariance(x: Matrix): Matrix<Float64Array> {
  return crossCovariance(x, x);
}

export interface Standardized {
  /** The standardised data, float64. */
  matrix: Matrix<Float64Array>;
  means: Float64Array;
  /** Per-column standard deviations used (1 for constant columns). */
  scales: Float64Array;
  /** Columns whose standard deviation was 0; they are set to 0. */
  constantColumns: number[];
}

/**
 * Z-scores each column (mean 0, sample sd 1). Constant columns become 0 and are listed, never
 * silently divided by zero.
 */
export function standardize(x: Matrix, options: { center?: boolean } = {}): Standardized {
  const center = options.center ?? true;
  const means = columnMeans(x);
  const sds = columnStandardDeviations(x, means);
  const constantColumns: number[] = [];
  const scales = new Float64Array(x.cols);
  for (let j = 0; j < x.cols; j++) {
    if (!(sds[j] > 0)) {
      constantColumns.push(j);
      scales[j] = 1;
    } else {
      scales[j] = sds[j];
    }
  }
  const out = Matrix.zeros(x.rows, x.cols);
  for (let i = 0; i < x.rows; i++) {
    const base = i * x.cols;
    for (let j = 0; j < x.cols; j++) {
      out.data[base + j] = sds[j] > 0 ? (x.data[base + j] - (center ? means[j] : 0)) / scales[j] : 0;
    }
  }
  return { matrix: out, means, scales, constantColumns };
}
