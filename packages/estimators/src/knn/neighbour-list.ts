/**
 * Per-point lists of the k best neighbours, kept sorted by (distance, index) ascending in flat
 * arrays (point i owns slots i·k … i·k+k−1). Ordering ties by index makes "the k nearest" a
 * well-defined set, so every algorithm (tree, tiled, naive, any number of parts) returns the same
 * neighbours even when distances tie. For small k an insertion into a sorted run is cheaper than
 * a binary heap and it is the same bounded priority queue.
 */

/** Flat (distance, index) lists for n points, k slots each, filled with (+∞, n) sentinels. */
const INF = Number.POSITIVE_INFINITY;

export interface NeighbourLists {
  k: number;
  /** n × k distances, ascending per point. */
  distances: Float64Array;
  /** n × k neighbour indices, matching `distances`. */
  indices: Int32Array;
}

export function emptyNeighbourLists(n: number, k: number): NeighbourLists {
  const distances = new Float64Array(n * k).fill(Number.POSITIVE_INFINITY);
  const indices = new Int32Array(n * k).fill(n);
  return { k, distances, indices };
}

/**
 * Inserts (d, j) into the list starting at `offset` if it beats the current k-th entry; returns
 * the (possibly new) k-th distance.
 */
export function offerNeighbour(
  distances: Float64Array,
  indices: Int32Array,
  offset: number,
  k: number,
  d: number,
  j: number,
): number {
  const last = offset + k - 1;
  const worst = distances[last];
  if (d > worst || (d === worst && j >= indices[last])) return worst;
  let p = last;
  while (p > offset) {
    const dp = distances[p - 1];
    if (dp < d || (dp === d && indices[p - 1] < j)) break;
    distances[p] = dp;
    indices[p] = indices[p - 1];
    p--;
  }
  distances[p] = d;
  indices[p] = j;
  return distances[last];
}

/** Merges several full-size lists (one per part) into `into`, keeping the k best per point. */
export function mergeNeighbourLists(into: NeighbourLists, other: NeighbourLists): void {
  const { k } = into;
  const n = into.distances.length / k;
  for (let i = 0; i < n; i++) {
    const o = i * k;
    for (let s = 0; s < k; s++) {
      const d = other.distances[o + s];
      if (d === INF) break;
      offerNeighbour(into.distances, into.indices, o, k, d, other.indices[o + s]);
    }
  }
}
