/**
 * The brute force's memory layout (wasm/kernel.wat reads it). Coordinates are stored
 * column-major (`columns[c·n + j]`), so the screen over j for a fixed point i reads each column
 * sequentially, two j at a time; and every point carries its four most extreme coordinates
 * (largest |x − mean| / sd) with its values there. A point far out in some coordinate is far from
 * most others there, so a pair (i, j) screened on i's four fails about 9 times in 10 (20-d
 * Gaussian, KSG radii) — versus ~7 coordinates on average in natural order. The few survivors get
 * their exact distance from a row-major copy (`rows`). Screening changes speed only: the max-norm
 * is the same maximum in any order, so every distance keeps its bits.
 */
import type { PointSet } from './point-set.js';

// A module binding, not a global lookup: under jest's vm context every `Math.x` in a hot loop
// goes through the context's global interceptor and runs ~50× slower.
const abs = Math.abs;
const sqrt = Math.sqrt;

/** Screened coordinates per point; a point with fewer repeats its first (a maximum does not change). */
export const SCREEN_WIDTH = 4;

export interface ColumnLayout {
  n: number;
  dim: number;
  /** dim × n coordinates, column-major. */
  columns: Float64Array;
  /** n × 4: for point i, the byte offsets c·n·8 into `columns` of its most extreme coordinates, most extreme first. */
  screen: Int32Array;
  /** n × 4: point i's values at those coordinates. */
  screenValues: Float64Array;
  /** Pairs of coordinates per row of `rows`: ⌈dim / 2⌉. */
  vecs: number;
  /** n × 2·vecs: the coordinates row-major in natural order, an odd dim padded with a zero column. */
  rows: Float64Array;
}

/** The column-major layout of a point set with every point's screen. */
export function columnLayout(points: PointSet): ColumnLayout {
  const { coords, n, dim } = points;
  const columns = new Float64Array(n * dim);
  for (let i = 0; i < n; i++) for (let c = 0; c < dim; c++) columns[c * n + i] = coords[i * dim + c];
  const { screen, screenValues } = screenOf(points);
  const vecs = Math.ceil(dim / 2);
  let rows = coords;
  if (2 * vecs !== dim) {
    rows = new Float64Array(n * 2 * vecs);
    for (let i = 0; i < n; i++) rows.set(coords.subarray(i * dim, i * dim + dim), i * 2 * vecs);
  }
  return { n, dim, columns, screen, screenValues, vecs, rows };
}

/** Every point's four most extreme coordinates (ties: the lower column first), in one pass per point. */
function screenOf(points: PointSet): { screen: Int32Array; screenValues: Float64Array } {
  const { coords, n, dim } = points;
  const mean = new Float64Array(dim);
  const inv = new Float64Array(dim);
  for (let i = 0; i < n; i++) for (let c = 0; c < dim; c++) mean[c] += coords[i * dim + c];
  for (let c = 0; c < dim; c++) mean[c] /= n;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < dim; c++) {
      const d = coords[i * dim + c] - mean[c];
      inv[c] += d * d;
    }
  }
  for (let c = 0; c < dim; c++) inv[c] = inv[c] > 0 ? 1 / sqrt(inv[c] / n) : 0;
  const W = SCREEN_WIDTH;
  const screen = new Int32Array(n * W);
  const screenValues = new Float64Array(n * W);
  const topKey = new Float64Array(W);
  const topCol = new Int32Array(W);
  for (let i = 0; i < n; i++) {
    const o = i * dim;
    topKey.fill(-1);
    topCol.fill(0);
    // Insertion into a sorted top-4: most coordinates fail the first comparison.
    for (let c = 0; c < dim; c++) {
      const key = abs(coords[o + c] - mean[c]) * inv[c];
      if (key <= topKey[W - 1]) continue;
      let p = W - 1;
      while (p > 0 && topKey[p - 1] < key) {
        topKey[p] = topKey[p - 1];
        topCol[p] = topCol[p - 1];
        p--;
      }
      topKey[p] = key;
      topCol[p] = c;
    }
    for (let s = 0; s < W; s++) {
      // Fewer than four coordinates: repeat the first.
      const c = s < dim ? topCol[s] : topCol[0];
      screen[i * W + s] = c * n * 8;
      screenValues[i * W + s] = coords[o + c];
    }
  }
  return { screen, screenValues };
}
