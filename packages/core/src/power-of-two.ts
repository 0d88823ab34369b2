/**
 * Exact rescaling by powers of two, so that sums and squares of data at any float64 scale
 * (1e-300 … 1e300) neither overflow nor underflow. Multiplying by 2^e only changes the exponent:
 * whenever the result is a normal float64 it is exact, so a statistic computed on rescaled values
 * and scaled back is bit-identical to the direct computation wherever that one does not overflow
 * or underflow, and correct where it would.
 */
import type { Matrix } from './matrix.js';

/** Smallest positive normal float64, 2^−1022; below it a value keeps fewer than 53 significant bits. */
export const MIN_NORMAL = 2 ** -1022;

/**
 * e with 2^e ≤ m < 2^(e+1) (up to one either way, which is harmless: the callers only need m·2^−e
 * near 1), for finite m > 0; 0 for 0, NaN and ±Infinity.
 */
export function binaryExponent(m: number): number {
  if (!(m > 0) || !Number.isFinite(m)) return 0;
  return Math.floor(Math.log2(m));
}

/**
 * 2^e as two factors, each a representable power of two, for e in [−2148, 2046] (the range of sums
 * of two float64 exponents): v · f · g is v · 2^e, exact whenever the result is a normal float64.
 * A single factor cannot reach 2^1074 (subnormal up to 1) or 2^−2046 (a product of two scales).
 */
export function powerOfTwoFactors(e: number): [number, number] {
  const a = Math.trunc(e / 2);
  return [2 ** a, 2 ** (e - a)];
}

/** v · 2^e (see powerOfTwoFactors). */
export function scaleByPowerOfTwo(v: number, e: number): number {
  const [f, g] = powerOfTwoFactors(e);
  return v * f * g;
}

/** Largest |value| of an array (0 for an empty one); NaN propagates. */
export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]);
    if (a > m || Number.isNaN(a)) m = a;
  }
  return m;
}

/** Per-column largest |value| of a matrix. */
export function columnMaxAbs(x: Matrix): Float64Array {
  const out = new Float64Array(x.cols);
  for (let i = 0; i < x.rows; i++) {
    const base = i * x.cols;
    for (let j = 0; j < x.cols; j++) {
      const a = Math.abs(x.data[base + j]);
      if (a > out[j] || Number.isNaN(a)) out[j] = a;
    }
  }
  return out;
}

/**
 * Per-column rescaling to max |value| near 1: the exponents e_j (value_j ≈ 2^e_j at most) and the
 * two factors that multiply a value of column j by 2^−e_j.
 */
export interface ColumnScaling {
  exponents: Int32Array;
  f: Float64Array;
  g: Float64Array;
}

/** The rescaling of every column of x to max |value| in [1, 2) (a zero column keeps exponent 0). */
export function columnScaling(x: Matrix): ColumnScaling {
  const m = columnMaxAbs(x);
  const exponents = new Int32Array(x.cols);
  const f = new Float64Array(x.cols);
  const g = new Float64Array(x.cols);
  for (let j = 0; j < x.cols; j++) {
    exponents[j] = binaryExponent(m[j]);
    [f[j], g[j]] = powerOfTwoFactors(-exponents[j]);
  }
  return { exponents, f, g };
}
