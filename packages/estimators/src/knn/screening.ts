/**
 * Screening for the brute force. Before its full distance, a pair (i, j) is tested on i's four
 * most extreme coordinates (largest |standardised value|) against j, then on j's four against i.
 * A point far out in some coordinate is far from most others there, so the first test alone
 * rejects about half of all pairs, and few survive both — versus ~7 coordinates on average in
 * natural order. The four comparisons of a test are combined without branches: one
 * well-predicted branch per test instead of an unpredictable one per coordinate. Survivors get
 * their exact distance over all coordinates; screening changes speed only, never a result.
 */
import type { PointSet } from './point-set.js';

// A module binding, not a global lookup: under jest's vm context every `Math.x` in a hot loop
// goes through the context's global interceptor and runs ~50× slower.
const abs = Math.abs;

/** Extreme coordinates per point (one branch-free block). */
const WIDTH = 4;

/** Every point's most extreme coordinates, most extreme first. */
export interface Screen {
  /** min(dim, 4). */
  width: number;
  /** n × width column indices. */
  columns: Int32Array;
  /** n × width values at those columns. */
  values: Float64Array;
}

/** The screen of a point set: per point, its min(dim, 4) largest |x − mean| / sd coordinates. */
export function extremeCoordinates(points: PointSet): Screen {
  const { coords, n, dim } = points;
  const width = Math.min(dim, WIDTH);
  const mean = new Float64Array(dim);
  const inv = new Float64Array(dim);
  for (let i = 0; i < n; i++) for (let c = 0; c < dim; c++) mean[c] += coords[i * dim + c];
  for (let c = 0; c < dim; c++) mean[c] /= n;
  for (let i = 0; i < n; i++) for (let c = 0; c < dim; c++) inv[c] += (coords[i * dim + c] - mean[c]) ** 2;
  for (let c = 0; c < dim; c++) inv[c] = inv[c] > 0 ? 1 / Math.sqrt(inv[c] / n) : 0;
  const columns = new Int32Array(n * width);
  const values = new Float64Array(n * width);
  const key = new Float64Array(dim);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < dim; c++) key[c] = abs(coords[i * dim + c] - mean[c]) * inv[c];
    for (let t = 0; t < width; t++) {
      let best = -1;
      let bc = 0;
      for (let c = 0; c < dim; c++) {
        if (key[c] > best) {
          best = key[c];
          bc = c;
        }
      }
      columns[i * width + t] = bc;
      values[i * width + t] = coords[i * dim + bc];
      key[bc] = -2;
    }
  }
  return { width, columns, values };
}

/**
 * Whether point p's screened coordinates put the point whose row starts at `base` at distance
 * ≥ thr (for strict tests: such a pair fails both radii).
 */
export function screenAtOrBeyond(
  coords: Float64Array,
  base: number,
  columns: Int32Array,
  values: Float64Array,
  width: number,
  p: number,
  thr: number,
): boolean {
  const o = p * width;
  if (width === WIDTH) {
    const a0 = abs(values[o] - coords[base + columns[o]]);
    const a1 = abs(values[o + 1] - coords[base + columns[o + 1]]);
    const a2 = abs(values[o + 2] - coords[base + columns[o + 2]]);
    const a3 = abs(values[o + 3] - coords[base + columns[o + 3]]);
    return (+(a0 >= thr) | +(a1 >= thr) | +(a2 >= thr) | +(a3 >= thr)) !== 0;
  }
  for (let t = o; t < o + width; t++) if (abs(values[t] - coords[base + columns[t]]) >= thr) return true;
  return false;
}

/** Whether point p's screened coordinates put the other point at distance > thr (k-NN, non-strict tests). */
export function screenBeyond(
  coords: Float64Array,
  base: number,
  columns: Int32Array,
  values: Float64Array,
  width: number,
  p: number,
  thr: number,
): boolean {
  const o = p * width;
  if (width === WIDTH) {
    const a0 = abs(values[o] - coords[base + columns[o]]);
    const a1 = abs(values[o + 1] - coords[base + columns[o + 1]]);
    const a2 = abs(values[o + 2] - coords[base + columns[o + 2]]);
    const a3 = abs(values[o + 3] - coords[base + columns[o + 3]]);
    return (+(a0 > thr) | +(a1 > thr) | +(a2 > thr) | +(a3 > thr)) !== 0;
  }
  for (let t = o; t < o + width; t++) if (abs(values[t] - coords[base + columns[t]]) > thr) return true;
  return false;
}
