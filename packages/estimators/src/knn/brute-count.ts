/**
 * Exact radius counts for high dimensions with the same tiled, screened pairwise loop as
 * brute-k-nearest.ts: each pair is tested once against both points' radii. Each part returns
 * full-size counts; merging sums them, so any cut of the work gives identical counts.
 */
import type { PointSet } from './point-set.js';
import { extremeCoordinates, screenAtOrBeyond, screenBeyond } from './screening.js';
import { tilePairs, tileRows } from './tiles.js';

// A module binding, not a global lookup: under jest's vm context every `Math.x` in a hot loop
// goes through the context's global interceptor and runs ~50× slower.
const abs = Math.abs;
const INF = Number.POSITIVE_INFINITY;

/** Radius counts (j ≠ i, strict or not) among the pairs of one part (full-size counts). */
export function bruteCountPart(points: PointSet, radii: Float64Array, strict: boolean, part = 0, parts = 1): Int32Array {
  const { coords, n, dim } = points;
  const counts = new Int32Array(n);
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
      const ri = radii[i];
      let ci = 0;
      for (let j = a === b ? i + 1 : j0; j < j1; j++) {
        const rj = radii[j];
        const thr = ri > rj ? ri : rj;
        const aj = j * dim;
        let c = 0;
        let m = 0;
        if (strict) {
          // Strict: a coordinate at distance ≥ both radii already fails both tests.
          if (screenAtOrBeyond(coords, aj, columns, values, width, i, thr) || screenAtOrBeyond(coords, ai, columns, values, width, j, thr)) continue;
          for (; c < dim; c++) {
            const v = abs(coords[ai + c] - coords[aj + c]);
            if (v > m) {
              m = v;
              if (m >= thr) break;
            }
          }
          if (c < dim) continue;
          if (m < ri) ci++;
          if (m < rj) counts[j]++;
        } else {
          if (screenBeyond(coords, aj, columns, values, width, i, thr) || screenBeyond(coords, ai, columns, values, width, j, thr)) continue;
          for (; c < dim; c++) {
            const v = abs(coords[ai + c] - coords[aj + c]);
            if (v > m) {
              m = v;
              if (m > thr) break;
            }
          }
          if (c < dim) continue;
          if (m <= ri) ci++;
          if (m <= rj) counts[j]++;
        }
      }
      counts[i] += ci;
    }
  }
  return counts;
}


/**
 * Radius counts in two marginal spaces x and y of the same n points in one pass over the pairs
 * (KSG's n_x and n_y): the loop, the tiles and the radii loads are shared. Returns full-size
 * counts [n_x, n_y] for the pairs of one part.
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
  const { n } = x;
  const cx = new Int32Array(n);
  const cy = new Int32Array(n);
  const X = x.coords;
  const Y = y.coords;
  const dx = x.dim;
  const dy = y.dim;
  const { width: wx, columns: colX, values: valX } = extremeCoordinates(x);
  const { width: wy, columns: colY, values: valY } = extremeCoordinates(y);
  const rows = tileRows(dx + dy);
  const pairs = tilePairs(n, dx + dy, part, parts);
  for (let p = 0; p < pairs.length; p += 2) {
    const a = pairs[p];
    const b = pairs[p + 1];
    const i0 = a * rows;
    const i1 = Math.min(n, i0 + rows);
    const j0 = b * rows;
    const j1 = Math.min(n, j0 + rows);
    for (let i = i0; i < i1; i++) {
      const axi = i * dx;
      const ayi = i * dy;
      const rxi = radiiX[i];
      const ryi = radiiY[i];
      let cxi = 0;
      let cyi = 0;
      for (let j = a === b ? i + 1 : j0; j < j1; j++) {
        const rxj = radiiX[j];
        const ryj = radiiY[j];
        const tx = rxi > rxj ? rxi : rxj;
        const ty = ryi > ryj ? ryi : ryj;
        const axj = j * dx;
        const ayj = j * dy;
        if (strict) {
          if (!(screenAtOrBeyond(X, axj, colX, valX, wx, i, tx) || screenAtOrBeyond(X, axi, colX, valX, wx, j, tx))) {
            const m = distanceBelow(X, axi, axj, dx, tx);
            if (m < rxi) cxi++;
            if (m < rxj) cx[j]++;
          }
          if (!(screenAtOrBeyond(Y, ayj, colY, valY, wy, i, ty) || screenAtOrBeyond(Y, ayi, colY, valY, wy, j, ty))) {
            const m = distanceBelow(Y, ayi, ayj, dy, ty);
            if (m < ryi) cyi++;
            if (m < ryj) cy[j]++;
          }
        } else {
          if (!(screenBeyond(X, axj, colX, valX, wx, i, tx) || screenBeyond(X, axi, colX, valX, wx, j, tx))) {
            const m = distanceUpTo(X, axi, axj, dx, tx);
            if (m <= rxi) cxi++;
            if (m <= rxj) cx[j]++;
          }
          if (!(screenBeyond(Y, ayj, colY, valY, wy, i, ty) || screenBeyond(Y, ayi, colY, valY, wy, j, ty))) {
            const m = distanceUpTo(Y, ayi, ayj, dy, ty);
            if (m <= ryi) cyi++;
            if (m <= ryj) cy[j]++;
          }
        }
      }
      cx[i] += cxi;
      cy[i] += cyi;
    }
  }
  return [cx, cy];
}

/** The max-norm distance, or +∞ as soon as it reaches `thr` (enough for strict tests against radii ≤ thr). */
function distanceBelow(coords: Float64Array, ai: number, aj: number, dim: number, thr: number): number {
  let m = 0;
  for (let c = 0; c < dim; c++) {
    const v = abs(coords[ai + c] - coords[aj + c]);
    if (v > m) {
      m = v;
      if (m >= thr) return INF;
    }
  }
  return m;
}

/** The max-norm distance, or +∞ as soon as it exceeds `thr` (enough for non-strict tests against radii ≤ thr). */
function distanceUpTo(coords: Float64Array, ai: number, aj: number, dim: number, thr: number): number {
  let m = 0;
  for (let c = 0; c < dim; c++) {
    const v = abs(coords[ai + c] - coords[aj + c]);
    if (v > m) {
      m = v;
      if (m > thr) return INF;
    }
  }
  return m;
}
