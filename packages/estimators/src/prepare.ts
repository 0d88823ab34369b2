/**
 * Turns a validated matrix into the k-NN engine's PointSet: optional per-column standardisation
 * and seeded tie-breaking noise, both independent of the data's scale.
 */
import { binaryExponent, maxAbs, powerOfTwoFactors, standardDeviation, standardize as zScore, type Matrix, type Rng } from '@cch-lab/core';
import type { PointSet } from './knn/point-set.js';

/**
 * Without standardisation, coordinates whose max |value| lies beyond 2^±RESCALE_BEYOND are rescaled
 * by a power of two (exact: the max-norm geometry is kept), so that differences cannot overflow
 * (values near ±1e308) nor lose bits as subnormals (values near 1e-308). Within the range nothing
 * changes, not even the last bit.
 */
const RESCALE_BEYOND = 500;

export interface PrepareOptions {
  /** Z-score each column (mean 0, sd 1). */
  standardize: boolean;
  /**
   * Noise sd as a multiple of the column's sample sd (1 after standardisation, where this is
   * sklearn's max(1, mean |column|): the mean |z| of a z-scored column is below 1); 0 for none.
   */
  jitter: number;
  /** Source of the noise. */
  rng: Rng;
  /**
   * Without standardisation: divide every coordinate by 2^exponent (exact). For a joint space pass
   * the same exponent to both sides (see preparePair). Default: from this matrix's max |value|,
   * 0 when it lies within 2^±500.
   */
  exponent?: number;
}

/**
 * Standardises (when asked) and adds N(0, (jitter · sd_column)²) noise per entry, as sklearn's
 * mutual_info_* do: duplicated values (rounded data, one-hot features) would otherwise make
 * k-th-neighbour distances tie and the strict KSG-1 counts jump. The noise is relative to the
 * column's spread, never an absolute amount, so data at 1e-200 is not drowned by it.
 */
export function prepareContinuous(x: Matrix, options: PrepareOptions): PointSet {
  const { rows: n, cols: d } = x;
  const coords = options.standardize ? zScore(x).matrix.data : rescaled(x, options.exponent ?? rescaleExponent(maxAbs(x.data)));
  if (options.jitter > 0) {
    const scale = new Float64Array(d);
    // After standardisation every column's sd is 1 (a constant column never gets here: validation refuses or drops it).
    if (options.standardize) scale.fill(options.jitter);
    else for (let j = 0; j < d; j++) scale[j] = options.jitter * columnSd(coords, n, d, j);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) coords[i * d + j] += scale[j] * options.rng.normal();
  }
  return { coords, n, dim: d };
}

/**
 * Both sides of a joint space z = (x, y): without standardisation x and y share one power-of-two
 * rescaling, so that the joint max-norm compares them as given.
 */
export function preparePair(x: Matrix, y: Matrix, options: Omit<PrepareOptions, 'exponent' | 'rng'> & { rng: Rng }): [PointSet, PointSet] {
  const exponent = options.standardize ? 0 : rescaleExponent(Math.max(maxAbs(x.data), maxAbs(y.data)));
  return [
    prepareContinuous(x, { ...options, rng: options.rng.derive('x'), exponent }),
    prepareContinuous(y, { ...options, rng: options.rng.derive('y'), exponent }),
  ];
}

/** The exponent that brings a max |value| beyond 2^±500 near 1; 0 inside that range. */
function rescaleExponent(m: number): number {
  const e = binaryExponent(m);
  return Math.abs(e) > RESCALE_BEYOND ? e : 0;
}

function rescaled(x: Matrix, exponent: number): Float64Array {
  if (exponent === 0) return Float64Array.from(x.data);
  const [f, g] = powerOfTwoFactors(-exponent);
  return Float64Array.from(x.data, (v) => v * f * g);
}

/** Sample sd of column j of row-major coordinates (core's, which cannot overflow or underflow). */
function columnSd(coords: Float64Array, n: number, d: number, j: number): number {
  const column = new Float64Array(n);
  for (let i = 0; i < n; i++) column[i] = coords[i * d + j];
  return standardDeviation(column);
}
