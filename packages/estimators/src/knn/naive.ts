/**
 * The naive O(n²·dim) reference: every pair, no pruning, no tiling. The engine must agree with it
 * exactly (tests), and the k-NN benchmark times KSG against it.
 */
import { emptyNeighbourLists, offerNeighbour, type NeighbourLists } from './neighbour-list.js';
import type { PointSet } from './point-set.js';

// A module binding, not a global lookup: under jest's vm context every `Math.x` in a hot loop
// goes through the context's global interceptor and runs ~50× slower.
const abs = Math.abs;

/** The k nearest neighbours (max-norm, excluding the point itself) of every point. */
export function naiveKNearest(points: PointSet, k: number): NeighbourLists {
  const { coords, n, dim } = points;
  const lists = emptyNeighbourLists(n, k);
  for (let i = 0; i < n; i++) {
    const ai = i * dim;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const aj = j * dim;
      let m = 0;
      for (let c = 0; c < dim; c++) {
        const v = abs(coords[ai + c] - coords[aj + c]);
        if (v > m) m = v;
      }
      offerNeighbour(lists.distances, lists.indices, i * k, k, m, j);
    }
  }
  return lists;
}

/** For every i, #{j ≠ i : ‖p_i − p_j‖∞ < r_i} (strict) or ≤ r_i. */
export function naiveCountWithinRadius(points: PointSet, radii: Float64Array, strict: boolean): Int32Array {
  const { coords, n, dim } = points;
  const counts = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const ai = i * dim;
    const r = radii[i];
    let count = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const aj = j * dim;
      let m = 0;
      for (let c = 0; c < dim; c++) {
        const v = abs(coords[ai + c] - coords[aj + c]);
        if (v > m) m = v;
      }
      if (strict ? m < r : m <= r) count++;
    }
    counts[i] = count;
  }
  return counts;
}
