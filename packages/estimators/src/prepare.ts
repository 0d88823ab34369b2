/**
 * Turns a validated matrix into the k-NN engine's PointSet: optional per-column standardisation
 * and seeded tie-breaking noise.
 */
import { standardize as zScore, type Matrix, type Rng } from '@cch-lab/core';
import type { PointSet } from './knn/point-set.js';

export interface PrepareOptions {
  /** Z-score each column (mean 0, sd 1). */
  standardize: boolean;
  /** Noise sd as a multiple of max(1, mean |column|); 0 for none. */
  jitter: number;
  /** Source of the noise. */
  rng: Rng;
}

/**
 * Standardises (when asked) and adds N(0, (jitter · max(1, mean|col|))²) noise per entry, as
 * sklearn's mutual_info_* do: duplicated values (rounded data, one-hot features) would otherwise
 * make k-th-neighbour distances tie and the strict KSG-1 counts jump.
 */
export function prepareContinuous(x: Matrix, options: PrepareOptions): PointSet {
  const { rows: n, cols: d } = x;
  const coords = options.standardize ? zScore(x).matrix.data : Float64Array.from(x.data);
  if (options.jitter > 0) {
    const scale = new Float64Array(d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) scale[j] += Math.abs(coords[i * d + j]);
    for (let j = 0; j < d; j++) scale[j] = options.jitter * Math.max(1, scale[j] / n);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) coords[i * d + j] += scale[j] * options.rng.normal();
  }
  return { coords, n, dim: d };
}
