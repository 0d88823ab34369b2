/**
 * Exact k nearest neighbours for high dimensions (16–200), where trees stop pruning and the
 * max-norm has no matrix-product shortcut: a tiled pairwise loop in which each pair (i < j) is
 * computed once and offered to both points, screened on extreme coordinates first
 * (screening.ts) and abandoned as soon as it is beyond both points' current k-th distances.
 * Each part returns full-size lists; merging keeps the k best by (distance, index), which does
 * not depend on how the work was cut — workers and in-thread chunks give identical bits.
 */
import { emptyNeighbourLists, offerNeighbour, type NeighbourLists } from './neighbour-list.js';
import type { PointSet } from './point-set.js';
import { extremeCoordinates, screenBeyond } from './screening.js';
import { tilePairs, tileRows } from './tiles.js';

// A module binding, not a global lookup: under jest's vm context every `Math.x` in a hot loop
// goes through the context's global interceptor and runs ~50× slower.
const abs = Math.abs;

/** The k nearest neighbours of every point among the pairs of one part (full-size lists). */
export function bruteKNearestPart(points: PointSet, k: number, part = 0, parts = 1): NeighbourLists {
  const { coords, n, dim } = points;
  const lists = emptyNeighbourLists(n, k);
  const { distances, indices } = lists;
  // Current k-th distance per point, mirrored here so the inner loop reads one array.
  const tau = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const { width, columns, values } = extremeCoordinates(points);
  const rows = tileRows(dim);
  const pairs = tilePairs(n, dim, part, parts);
  for (let p = 0; p < pairs.length; p += 2) {
    const a = pairs[p];
    const b = pairs[p + 1];
    const i0 = a * rows;
    const i1 = Math.min(n, i0 + rows);
    const j0 = b * rows;
    const j1 = Math.min(n, j0 + rows);
    for (let i = i0; i < i1; i++) {
      const ai = i * dim;
      const oi = i * k;
      let ti = tau[i];
      for (let j = a === b ? i + 1 : j0; j < j1; j++) {
        const tj = tau[j];
        const thr = ti > tj ? ti : tj;
        const aj = j * dim;
        if (screenBeyond(coords, aj, columns, values, width, i, thr) || screenBeyond(coords, ai, columns, values, width, j, thr)) continue;
        let m = 0;
        let c = 0;
        for (; c < dim; c++) {
          const v = abs(coords[ai + c] - coords[aj + c]);
          if (v > m) {
            m = v;
            if (m > thr) break;
          }
        }
        if (c < dim) continue;
        if (m <= ti) ti = tau[i] = offerNeighbour(distances, indices, oi, k, m, j);
        if (m <= tj) tau[j] = offerNeighbour(distances, indices, j * k, k, m, i);
      }
    }
  }
  return lists;
}

