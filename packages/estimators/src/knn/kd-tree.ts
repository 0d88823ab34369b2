/**
 * A kd-tree under the max-norm for low dimensions: exact k nearest neighbours and exact radius
 * counts. Points are stored in tree order for locality; every node keeps its bounding box.
 *
 * Exactness: pruning compares fl(bound − p) with the radius, where the bound is itself a point's
 * coordinate; floating-point subtraction is monotone, so a pruned node can never hold a point
 * whose computed distance |fl(q − p)| would pass the test. Results therefore equal the naive
 * brute force bit for bit, ties and duplicates included.
 */
import { emptyNeighbourLists, offerNeighbour, type NeighbourLists } from './neighbour-list.js';
import type { PointSet } from './point-set.js';

// A module binding, not a global lookup: under jest's vm context every `Math.x` in a hot loop
// goes through the context's global interceptor and runs ~50× slower.
const abs = Math.abs;
const INF = Number.POSITIVE_INFINITY;

/** Points per leaf; small leaves prune better, larger ones scan faster. */
const LEAF_SIZE = 12;

export interface KdTree {
  n: number;
  dim: number;
  /** n × dim coordinates in tree order. */
  coords: Float64Array;
  /** Tree position → original index. */
  order: Int32Array;
  /** Per node: first and one-past-last tree position, children (−1 for a leaf). */
  start: Int32Array;
  end: Int32Array;
  left: Int32Array;
  right: Int32Array;
  /** Per node: bounding box, nNodes × dim. */
  lo: Float64Array;
  hi: Float64Array;
}

/** Builds the tree (median splits on the widest dimension). */
export function buildKdTree(points: PointSet): KdTree {
  const { n, dim, coords } = points;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const start: number[] = [];
  const end: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const lo: number[] = [];
  const hi: number[] = [];

  const build = (s: number, e: number): number => {
    const node = start.length;
    start.push(s);
    end.push(e);
    left.push(-1);
    right.push(-1);
    let widest = 0;
    let spread = -1;
    for (let c = 0; c < dim; c++) {
      let mn = Number.POSITIVE_INFINITY;
      let mx = Number.NEGATIVE_INFINITY;
      for (let t = s; t < e; t++) {
        const v = coords[order[t] * dim + c];
        if (v < mn) mn = v;
        if (v > mx) mx = v;
      }
      lo.push(mn);
      hi.push(mx);
      if (mx - mn > spread) {
        spread = mx - mn;
        widest = c;
      }
    }
    // All-identical points cannot be split; keep them in one (possibly large) leaf.
    if (e - s <= LEAF_SIZE || spread <= 0) return node;
    const mid = (s + e) >> 1;
    selectNth(order, coords, dim, widest, s, e - 1, mid);
    const l = build(s, mid);
    const r = build(mid, e);
    left[node] = l;
    right[node] = r;
    return node;
  };
  if (n > 0) build(0, n);

  const tc = new Float64Array(n * dim);
  for (let t = 0; t < n; t++) tc.set(coords.subarray(order[t] * dim, order[t] * dim + dim), t * dim);
  return {
    n,
    dim,
    coords: tc,
    order,
    start: Int32Array.from(start),
    end: Int32Array.from(end),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    lo: Float64Array.from(lo),
    hi: Float64Array.from(hi),
  };
}

/**
 * k nearest neighbours (excluding the point itself) of the points with original index in
 * [rowStart, rowEnd); lists are indexed by original index − rowStart.
 */
export function treeKNearest(tree: KdTree, k: number, rowStart = 0, rowEnd = tree.n): NeighbourLists {
  const { dim, coords, order, start, end, left, right, lo, hi } = tree;
  const lists = emptyNeighbourLists(rowEnd - rowStart, k);
  const { distances, indices } = lists;
  const stack = new Int32Array(128);
  const bounds = new Float64Array(128);
  // Queries in tree order keep consecutive searches in the same part of the tree.
  for (let p = 0; p < tree.n; p++) {
    const i = order[p];
    if (i < rowStart || i >= rowEnd) continue;
    const o = (i - rowStart) * k;
    const base = p * dim;
    let tau = INF;
    let top = 0;
    stack[0] = 0;
    bounds[0] = 0;
    top = 1;
    while (top > 0) {
      top--;
      const node = stack[top];
      if (bounds[top] > tau) continue;
      const l = left[node];
      if (l < 0) {
        for (let q = start[node]; q < end[node]; q++) {
          if (q === p) continue;
          const qb = q * dim;
          let m = 0;
          for (let c = 0; c < dim; c++) {
            const v = abs(coords[base + c] - coords[qb + c]);
            if (v > m) {
              m = v;
              if (m > tau) break;
            }
          }
          if (m <= tau) tau = offerNeighbour(distances, indices, o, k, m, order[q]);
        }
        continue;
      }
      const r = right[node];
      const bl = boxDistance(coords, base, lo, hi, l * dim, dim);
      const br = boxDistance(coords, base, lo, hi, r * dim, dim);
      // Push the farther child first so the nearer one is searched first.
      if (bl <= br) {
        if (br <= tau) {
          stack[top] = r;
          bounds[top++] = br;
        }
        if (bl <= tau) {
          stack[top] = l;
          bounds[top++] = bl;
        }
      } else {
        if (bl <= tau) {
          stack[top] = l;
          bounds[top++] = bl;
        }
        if (br <= tau) {
          stack[top] = r;
          bounds[top++] = br;
        }
      }
    }
  }
  return lists;
}

/**
 * For original indices in [rowStart, rowEnd): #{j ≠ i : ‖p_i − p_j‖∞ < r_i} (strict) or ≤ r_i.
 * Returns counts indexed by original index − rowStart.
 */
export function treeCountWithinRadius(
  tree: KdTree,
  radii: Float64Array,
  strict: boolean,
  rowStart = 0,
  rowEnd = tree.n,
): Int32Array {
  const { dim, coords, order, start, end, left, right, lo, hi } = tree;
  const counts = new Int32Array(rowEnd - rowStart);
  const stack = new Int32Array(128);
  for (let p = 0; p < tree.n; p++) {
    const i = order[p];
    if (i < rowStart || i >= rowEnd) continue;
    const r = radii[i];
    const base = p * dim;
    let count = 0;
    let top = 1;
    stack[0] = 0;
    while (top > 0) {
      const node = stack[--top];
      const nb = node * dim;
      // Nearest and farthest max-norm distance from the query to the node's box.
      let near = 0;
      let far = 0;
      for (let c = 0; c < dim; c++) {
        const x = coords[base + c];
        const a = lo[nb + c];
        const b = hi[nb + c];
        const below = a - x;
        const above = x - b;
        const gap = below > 0 ? below : above > 0 ? above : 0;
        if (gap > near) near = gap;
        const spanHi = b - x;
        const spanLo = x - a;
        const reach = spanHi > spanLo ? spanHi : spanLo;
        if (reach > far) far = reach;
      }
      if (strict ? near >= r : near > r) continue;
      if (strict ? far < r : far <= r) {
        count += end[node] - start[node];
        continue;
      }
      const l = left[node];
      if (l >= 0) {
        stack[top++] = l;
        stack[top++] = right[node];
        continue;
      }
      for (let q = start[node]; q < end[node]; q++) {
        const qb = q * dim;
        let m = 0;
        for (let c = 0; c < dim; c++) {
          const v = abs(coords[base + c] - coords[qb + c]);
          if (v > m) m = v;
        }
        if (strict ? m < r : m <= r) count++;
      }
    }
    // The point itself (distance 0) was counted exactly when 0 passes the test.
    counts[i - rowStart] = count - (strict ? (r > 0 ? 1 : 0) : 1);
  }
  return counts;
}

/** Max-norm distance from the point at `base` to the box at `nb` (0 inside). */
function boxDistance(coords: Float64Array, base: number, lo: Float64Array, hi: Float64Array, nb: number, dim: number): number {
  let m = 0;
  for (let c = 0; c < dim; c++) {
    const x = coords[base + c];
    const below = lo[nb + c] - x;
    if (below > m) {
      m = below;
      continue;
    }
    const above = x - hi[nb + c];
    if (above > m) m = above;
  }
  return m;
}

/** Partial sort of order[lo..hi] so that position `nth` holds the value it would hold when sorted by coordinate `c`. */
function selectNth(order: Int32Array, coords: Float64Array, dim: number, c: number, lo: number, hi: number, nth: number): void {
  while (hi > lo) {
    // Median of three as the pivot guards against sorted input.
    const mid = (lo + hi) >> 1;
    const a = coords[order[lo] * dim + c];
    const b = coords[order[mid] * dim + c];
    const d = coords[order[hi] * dim + c];
    const pivot = a < b ? (b < d ? b : a < d ? d : a) : a < d ? a : b < d ? d : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (coords[order[i] * dim + c] < pivot) i++;
      while (coords[order[j] * dim + c] > pivot) j--;
      if (i <= j) {
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
        i++;
        j--;
      }
    }
    if (nth <= j) hi = j;
    else if (nth >= i) lo = i;
    else return;
  }
}
