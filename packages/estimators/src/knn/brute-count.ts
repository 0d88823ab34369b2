/**
 * Exact radius counts for high dimensions with the same tiled, SIMD-screened pairwise loop as
 * brute-k-nearest.ts: each pair is tested once against both points' radii. Each part returns
 * full-size counts; merging sums them, so any cut of the work gives identical counts.
 */
import { columnLayout } from './column-layout.js';
import type { PointSet } from './point-set.js';
import { tilePairs, tileRows } from './tiles.js';
import { wasmCount } from './wasm-kernel.js';

/** Radius counts (j ≠ i, strict or not) among the pairs of one part (full-size counts). */
export function bruteCountPart(points: PointSet, radii: Float64Array, strict: boolean, part = 0, parts = 1): Int32Array {
  const { n, dim } = points;
  return wasmCount(columnLayout(points), radii, strict, tilePairs(n, dim, part, parts), tileRows(dim));
}

/**
 * Radius counts in two marginal spaces x and y of the same n points (KSG's n_x and n_y), over
 * the same tile pairs of one part. Returns full-size counts [n_x, n_y].
 */
export function bruteCountPairPart(
  x: PointSet,
  y: PointSet,
  radiiX: Float64Array,
  radiiY: Float64Array,
  strict: boolean,
  part = 0,
  parts = 1,
): [Int32Array, Int32Array] {
  const dim = x.dim + y.dim;
  const pairs = tilePairs(x.n, dim, part, parts);
  const rows = tileRows(dim);
  return [wasmCount(columnLayout(x), radiiX, strict, pairs, rows), wasmCount(columnLayout(y), radiiY, strict, pairs, rows)];
}
