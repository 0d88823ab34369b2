/**
 * Exact k nearest neighbours for high dimensions (16–200), where trees stop pruning and the
 * max-norm has no matrix-product shortcut: a tiled pairwise loop in which each pair (i < j) is
 * computed once and offered to both points, screened on i's most extreme coordinates with SIMD
 * and abandoned as soon as it is beyond both points' current k-th distances (the wasm kernel,
 * wasm-kernel.ts, on the column layout of column-layout.ts). Each part returns full-size lists;
 * merging keeps the k best by (distance, index), which does not depend on how the work was cut
 * — workers and in-thread chunks give identical bits.
 */
import { columnLayout } from './column-layout.js';
import type { NeighbourLists } from './neighbour-list.js';
import type { PointSet } from './point-set.js';
import { tilePairs, tileRows } from './tiles.js';
import { wasmKNearest } from './wasm-kernel.js';

/**
 * The k nearest neighbours of every point among the pairs of one part (full-size lists). Every
 * part first bounds each point's k-th distance by its k nearest within its own tile, so even a
 * part's first tiles skip far pairs.
 */
export function bruteKNearestPart(points: PointSet, k: number, part = 0, parts = 1): NeighbourLists {
  const { n, dim } = points;
  const rows = tileRows(dim);
  // The diagonal tile pairs (a, a); a point whose tile holds k or fewer others keeps τ = +∞.
  const seedPairs = Int32Array.from({ length: 2 * Math.ceil(n / rows) }, (_, q) => q >> 1);
  const lists = wasmKNearest(columnLayout(points), k, tilePairs(n, dim, part, parts), rows, seedPairs);
  return { k, ...lists };
}
