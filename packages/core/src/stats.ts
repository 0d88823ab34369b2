/** Descriptive statistics on columns of a Matrix and on plain arrays, accumulated in float64. */
import { InvalidInputError } from './errors.js';
import { Matrix } from './matrix.js';
import { binaryExponent, columnScaling, maxAbs, powerOfTwoFactors, scaleByPowerOfTwo, type ColumnScaling } from './power-of-two.js';

export function mean(values: ArrayLike<number>): number {
  // Summed at max |value| ≈ 1 (exact powers of two): n values near 1e308 do not overflow the sum.
  const e = binaryExponent(maxAbs(values));
  const [f, g] = powerOfTwoFactors(-e);
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] * f * g;
  return scaleByPowerOfTwo(s / values.length, e);
}

/** Sample variance (denominator n − 1; 0 for fewer than two values). May be Infinity when sd² is not representable. */
export function variance(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return 0;
  const e = binaryExponent(maxAbs(values));
  return scaleByPowerOfTwo(scaledSumOfSquares(values, e) / (n - 1), 2 * e);
}

/** Sample standard deviation (denominator n − 1). */
export function standardDeviation(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return 0;
  const e = binaryExponent(maxAbs(values));
  return scaleByPowerOfTwo(Math.sqrt(scaledSumOfSquares(values, e) / (n - 1)), e);
}

/** Σ (v·2^−e − mean(v·2^−e))²: squares of values near 1, never overflowing nor underflowing. */
function scaledSumOfSquares(values: ArrayLike<number>, e: number): number {
  const [f, g] = powerOfTwoFactors(-e);
  const n = values.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += values[i] * f * g;
  m /= n;
  let s = 0;
  for (let i = 0; i < n; i++) s += (values[i] * f * g - m) ** 2;
  return s;
}

/** Pearson correlation of two equal-length arrays (NaN when either is constant); scale-free at any float64 magnitude. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) {
    throw new InvalidInputError(`arrays differ in length: ${a.length} vs ${b.length}`, { details: { field: 'b' } });
  }
  // The correlation does not change when a and b are rescaled; at max |value| ≈ 1 the products
  // cannot overflow (1e160²) or underflow (1e-200²).
  const [fa, ga] = powerOfTwoFactors(-binaryExponent(maxAbs(a)));
  const [fb, gb] = powerOfTwoFactors(-binaryExponent(maxAbs(b)));
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] * fa * ga;
    mb += b[i] * fb * gb;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] * fa * ga - ma;
    const db = b[i] * fb * gb - mb;
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

/** Per-column means (summed at max |value| ≈ 1, so no sum overflows). */
export function columnMeans(x: Matrix): Float64Array {
  const scaling = columnScaling(x);
  return unscaleColumns(scaledColumnMeans(x, scaling), scaling.exponents);
}

/**
 * Per-column sample standard deviations (denominator n − 1), accumulated at max |value| ≈ 1: a
 * column at 1e160 or 1e-200 gets its sd, not Infinity or 0. An sd beyond float64's range
 * (values near ±1.8e308) is Infinity.
 */
export function columnStandardDeviations(x: Matrix, means: Float64Array = columnMeans(x)): Float64Array {
  const scaling = columnScaling(x);
  return unscaleColumns(scaledColumnDeviations(x, scaling, scaledMeans(means, scaling)), scaling.exponents);
}

/**
 * Sample cross-covariance of the columns of x (n × p) and y (n × q): p × q, denominator n − 1.
 * Products are formed at max |value| ≈ 1 per column and scaled back, so they neither overflow nor
 * underflow; an entry beyond float64's range (|cov| > 1.8e308) is ±Infinity, honestly.
 */
export function crossCovariance(x: Matrix, y: Matrix): Matrix<Float64Array> {
  if (x.rows !== y.rows) {
    throw new InvalidInputError(`x has ${x.rows} rows but y has ${y.rows}`, { details: { field: 'y' } });
  }
  const n = x.rows;
  const p = x.cols;
  const q = y.cols;
  const sx = columnScaling(x);
  const sy = x === y ? sx : columnScaling(y);
  const mx = scaledColumnMeans(x, sx);
  const my = x === y ? mx : scaledColumnMeans(y, sy);
  const out = Matrix.zeros(p, q);
  const dx = new Float64Array(p);
  const dy = new Float64Array(q);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < p; a++) dx[a] = x.data[i * p + a] * sx.f[a] * sx.g[a] - mx[a];
    for (let b = 0; b < q; b++) dy[b] = y.data[i * q + b] * sy.f[b] * sy.g[b] - my[b];
    for (let a = 0; a < p; a++) {
      const va = dx[a];
      if (va === 0) continue;
      const row = a * q;
      for (let b = 0; b < q; b++) out.data[row + b] += va * dy[b];
    }
  }
  const denom = n > 1 ? n - 1 : 1;
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < q; b++) out.data[a * q + b] = scaleByPowerOfTwo(out.data[a * q + b] / denom, sx.exponents[a] + sy.exponents[b]);
  }
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
  /** Per-column standard deviations used (1 for constant columns; Infinity beyond float64's range, the z-scores are still right). */
  scales: Float64Array;
  /** Columns whose standard deviation was 0; they are set to 0. */
  constantColumns: number[];
}

/**
 * Z-scores each column (mean 0, sample sd 1). Constant columns become 0 and are listed, never
 * silently divided by zero. Computed at max |value| ≈ 1 per column (exact powers of two), so a
 * column at any float64 scale gets the same z-scores as the column at scale 1.
 */
export function standardize(x: Matrix, options: { center?: boolean } = {}): Standardized {
  const center = options.center ?? true;
  const scaling = columnScaling(x);
  const scaledMean = scaledColumnMeans(x, scaling);
  const scaledSd = scaledColumnDeviations(x, scaling, scaledMean);
  const means = unscaleColumns(Float64Array.from(scaledMean), scaling.exponents);
  const constantColumns: number[] = [];
  const scales = new Float64Array(x.cols);
  for (let j = 0; j < x.cols; j++) {
    if (!(scaledSd[j] > 0)) {
      constantColumns.push(j);
      scales[j] = 1;
      scaledSd[j] = 0;
    } else {
      scales[j] = scaleByPowerOfTwo(scaledSd[j], scaling.exponents[j]);
    }
  }
  const out = Matrix.zeros(x.rows, x.cols);
  const { f, g } = scaling;
  for (let i = 0; i < x.rows; i++) {
    const base = i * x.cols;
    for (let j = 0; j < x.cols; j++) {
      const sd = scaledSd[j];
      out.data[base + j] = sd > 0 ? (x.data[base + j] * f[j] * g[j] - (center ? scaledMean[j] : 0)) / sd : 0;
    }
  }
  return { matrix: out, means, scales, constantColumns };
}

/** Column means of x · 2^−e_j. */
function scaledColumnMeans(x: Matrix, s: ColumnScaling): Float64Array {
  const out = new Float64Array(x.cols);
  for (let i = 0; i < x.rows; i++) {
    const base = i * x.cols;
    for (let j = 0; j < x.cols; j++) out[j] += x.data[base + j] * s.f[j] * s.g[j];
  }
  for (let j = 0; j < x.cols; j++) out[j] /= x.rows;
  return out;
}

/** Means in the data's units, rescaled as the columns are. */
function scaledMeans(means: Float64Array, s: ColumnScaling): Float64Array {
  return Float64Array.from(means, (m, j) => m * s.f[j] * s.g[j]);
}

/** Column sample sds (n − 1) of x · 2^−e_j around the given scaled means. */
function scaledColumnDeviations(x: Matrix, s: ColumnScaling, means: Float64Array): Float64Array {
  const out = new Float64Array(x.cols);
  for (let i = 0; i < x.rows; i++) {
    const base = i * x.cols;
    for (let j = 0; j < x.cols; j++) out[j] += (x.data[base + j] * s.f[j] * s.g[j] - means[j]) ** 2;
  }
  for (let j = 0; j < x.cols; j++) out[j] = x.rows > 1 ? Math.sqrt(out[j] / (x.rows - 1)) : 0;
  return out;
}

/** values[j] · 2^e_j, in place. */
function unscaleColumns(values: Float64Array, exponents: Int32Array): Float64Array {
  for (let j = 0; j < values.length; j++) values[j] = scaleByPowerOfTwo(values[j], exponents[j]);
  return values;
}
