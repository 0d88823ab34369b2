/**
 * The Gaussian closed form I(X;Y) = ½ ln(det S_XX · det S_YY / det S) from the sample covariance,
 * with Cholesky log-determinants (REFERENCE.md §2). Exact for jointly Gaussian data; a linear
 * baseline otherwise (it measures only the dependence a covariance can see).
 */
import { InvalidInputError, digamma, hstack, logDetSpd, Matrix, block, covariance, standardize, cholesky } from '@cch-lab/core';
import { oneHot } from './one-hot.js';
import type { ResolvedOptions } from './options.js';
import type { MethodResult, MiTarget } from './types.js';

/** Above this (lower bound on the) condition number, 'auto' shrinks the correlation matrix. */
const CONDITION_LIMIT = 1e8;
/**
 * Without shrinkage, above this condition number the smallest Cholesky pivot is within rounding of
 * 0 (entries carry errors of order n·2^−52 relative): the log-determinant, and so the MI, would be
 * rounding noise (collinear columns give ~17 "nats"), so the matrix is refused as singular.
 */
const SINGULAR_LIMIT = 1e13;

export interface GaussianMiResult {
  nats: number;
  /** The plug-in value before the bias correction. */
  rawNats: number;
  /** Ledoit–Wolf (or given) shrinkage intensity λ toward the identity; 0 when none was used. */
  shrinkage: number;
  /** Why shrinkage was (not) used. */
  shrinkageReason: string;
  /** A lower bound on the condition number of the joint correlation matrix, (max L_ii / min L_ii)². */
  conditionNumber: number;
  /** Whether the Wishart bias correction was applied (never together with shrinkage). */
  biasCorrected: boolean;
}

/**
 * Gaussian MI in nats of x (n × dx) and y (n × dy), computed on the correlation scale (MI is
 * invariant to per-column scaling, and conditioning is better there).
 *
 * Bias: for Gaussian data the plug-in log-determinant has E[ln det S] = ln det Σ + c(p) with
 * c(p) = p ln(2/ν) + Σ_{i=1..p} ψ((ν − i + 1)/2), ν = n − 1 (Wishart moments), so the plug-in MI
 * is biased upward by ½[c(dx) + c(dy) − c(dx + dy)] ≈ dx·dy/(2n) for independent data, growing
 * with the MI itself. `biasCorrection` subtracts it exactly (unbiased for Gaussian data); with
 * shrinkage no exact correction exists and none is applied.
 * @throws InvalidInputError, without shrinkage, for fewer than dx + dy + 1 rows (saying how many
 * are needed) or a (numerically) singular correlation matrix.
 */
export function gaussianMi(
  x: Matrix,
  y: Matrix,
  options: { shrinkage?: ResolvedOptions['shrinkage']; biasCorrection?: boolean } = {},
): GaussianMiResult {
  const n = x.rows;
  const dx = x.cols;
  const p = dx + y.cols;
  const z = standardize(hstack([x, y])).matrix;
  const r = covariance(z);
  const mode = options.shrinkage ?? 'auto';
  let lambda = 0;
  let reason = 'not needed';
  let condition = conditionLowerBound(r);
  if (typeof mode === 'number') {
    lambda = mode;
    reason = 'given';
  } else if (mode === 'ledoit-wolf') {
    lambda = ledoitWolfIntensity(z);
    reason = 'requested';
  } else if (mode === 'auto' && (n - 1 < p || !(condition < CONDITION_LIMIT))) {
    lambda = ledoitWolfIntensity(z);
    reason = n - 1 < p ? `n − 1 = ${n - 1} < ${p} dimensions (singular covariance)` : `ill-conditioned (condition ≥ ${condition.toExponential(2)})`;
  } else if (mode === 'none') {
    reason = 'disabled';
  }
  if (lambda === 0 && n < p + 1) throw tooFewRows(n, dx, y.cols, mode);
  if (lambda === 0 && !(condition < SINGULAR_LIMIT)) throw singular(dx, y.cols, condition);
  const s = lambda > 0 ? shrinkToIdentity(r, lambda) : r;
  if (lambda > 0) condition = conditionLowerBound(s);
  const ldX = logDetSpd(block(s, 0, dx, 0, dx));
  const ldY = logDetSpd(block(s, dx, p, dx, p));
  const ld = logDetSpd(s);
  const rawNats = 0.5 * (ldX + ldY - ld);
  const biasCorrected = (options.biasCorrection ?? true) && lambda === 0;
  const nats = biasCorrected ? rawNats - 0.5 * (wishartLogDetBias(dx, n) + wishartLogDetBias(y.cols, n) - wishartLogDetBias(p, n)) : rawNats;
  return { nats, rawNats, shrinkage: lambda, shrinkageReason: reason, conditionNumber: condition, biasCorrected };
}

/** The registry body of 'gaussian'. Class labels enter as C − 1 indicator columns (a linear baseline). */
export function gaussianMethod(x: Matrix, y: MiTarget, o: ResolvedOptions): MethodResult {
  const labels = y instanceof Int32Array;
  const ym = labels ? oneHot(y, { dropLast: true }).matrix : y;
  const r = gaussianMi(x, ym, { shrinkage: o.shrinkage, biasCorrection: o.biasCorrection });
  return {
    nats: r.nats,
    n: x.rows,
    dims: [x.cols, labels ? 1 : ym.cols],
    standardized: true,
    details: {
      rawNats: r.rawNats,
      biasCorrected: r.biasCorrected,
      shrinkage: r.shrinkage,
      shrinkageUsed: r.shrinkage > 0,
      shrinkageReason: r.shrinkageReason,
      conditionNumber: r.conditionNumber,
      ...(labels ? { labelsAs: `${ym.cols} indicator columns (one class implied)` } : {}),
    },
  };
}

/**
 * Without shrinkage a p × p sample covariance of n rows has rank at most n − 1: it is singular
 * (and the Wishart correction undefined) unless n ≥ p + 1. Says how many rows there are and are
 * needed instead of the Cholesky pivot that would fail.
 */
function tooFewRows(n: number, dx: number, dy: number, mode: ResolvedOptions['shrinkage']): InvalidInputError {
  const p = dx + dy;
  // 'auto' and 'ledoit-wolf' get here only when Ledoit–Wolf found no intensity (two rows are mirror images after centring).
  const shrinkable = mode === 'none' || typeof mode === 'number';
  return new InvalidInputError(
    `gaussian: ${n} rows for ${dx} + ${dy} dimensions; needs at least ${p + 1} rows (n ≥ dx + dy + 1)${shrinkable ? ' without shrinkage' : `, and with ${n} rows Ledoit–Wolf shrinkage has nothing to estimate`} — pass more rows or fewer columns`,
    {
      details: { rows: n, dims: [dx, dy], neededRows: p + 1 },
      hint: shrinkable ? `pass at least ${p + 1} rows, fewer columns, or shrinkage ('auto' or 'ledoit-wolf')` : `pass at least ${p + 1} rows or fewer columns`,
    },
  );
}

/** Enough rows, but a column is (numerically) a linear combination of others. */
function singular(dx: number, dy: number, condition: number): InvalidInputError {
  return new InvalidInputError(
    `gaussian: the joint correlation matrix of x (${dx} column(s)) and y (${dy}) is singular${Number.isFinite(condition) ? ` to rounding (condition ≥ ${condition.toExponential(1)})` : ''}: some column is a linear combination of others (duplicated or collinear columns)`,
    {
      details: { dims: [dx, dy], conditionNumber: condition },
      hint: "remove duplicated or collinear columns, or use shrinkage ('auto' or 'ledoit-wolf')",
    },
  );
}

/** E[ln det S] − ln det Σ for a p × p sample covariance of n Gaussian rows (denominator n − 1). */
export function wishartLogDetBias(p: number, n: number): number {
  const nu = n - 1;
  let s = p * Math.log(2 / nu);
  for (let i = 1; i <= p; i++) s += digamma((nu - i + 1) / 2);
  return s;
}

/** Ledoit & Wolf (2004) optimal intensity toward μI for the rows of z (centred), in [0, 1]. */
function ledoitWolfIntensity(z: Matrix<Float64Array>): number {
  const { rows: n, cols: p } = z;
  const s = covariance(z);
  // LW uses the 1/n covariance.
  const f = (n - 1) / n;
  let trace = 0;
  for (let i = 0; i < p; i++) trace += s.data[i * p + i] * f;
  const mu = trace / p;
  let frob2 = 0;
  let delta2 = 0;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      const v = s.data[i * p + j] * f;
      frob2 += v * v;
      const d = v - (i === j ? mu : 0);
      delta2 += d * d;
    }
  }
  if (!(delta2 > 0)) return 0;
  // Σ_k ‖z_k z_kᵀ − S‖²_F = Σ_k ‖z_k‖⁴ − n ‖S‖²_F.
  let fourth = 0;
  for (let k = 0; k < n; k++) {
    let sq = 0;
    for (let j = 0; j < p; j++) sq += z.data[k * p + j] ** 2;
    fourth += sq * sq;
  }
  const beta2 = Math.min(delta2, Math.max(0, (fourth - n * frob2) / (n * n)));
  return beta2 / delta2;
}

function shrinkToIdentity(r: Matrix<Float64Array>, lambda: number): Matrix<Float64Array> {
  const p = r.rows;
  let trace = 0;
  for (let i = 0; i < p; i++) trace += r.data[i * p + i];
  const out = new Matrix(Float64Array.from(r.data, (v) => (1 - lambda) * v), p, p);
  for (let i = 0; i < p; i++) out.data[i * p + i] += lambda * (trace / p);
  return out;
}

function conditionLowerBound(r: Matrix<Float64Array>): number {
  try {
    const l = cholesky(r);
    let mn = Number.POSITIVE_INFINITY;
    let mx = 0;
    for (let i = 0; i < l.rows; i++) {
      const v = l.data[i * l.rows + i];
      if (v < mn) mn = v;
      if (v > mx) mx = v;
    }
    return (mx / mn) ** 2;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
