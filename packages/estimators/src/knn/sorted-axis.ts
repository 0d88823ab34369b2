/**
 * Radius counts in one dimension by sorting and binary search: O(n log n) instead of a tree.
 *
 * Exactness: the brute force tests |fl(x_j − x_i)| < r. g(t) = fl(s_t − x_i) is monotone in the
 * sorted values s_t, and |g| < r ⟺ −r < g < r (negation is exact), so the passing j form one run
 * of the sorted array whose ends the binary searches find with that same predicate — never with
 * x_i ± r, which rounds differently.
 */
import type { PointSet } from './point-set.js';

/** For every i in [rowStart, rowEnd): #{j ≠ i : |x_i − x_j| < r_i} (strict) or ≤ r_i, for a 1-d point set. */
export function sortedAxisCountWithinRadius(
  points: PointSet,
  radii: Float64Array,
  strict: boolean,
  rowStart = 0,
  rowEnd = points.n,
): Int32Array {
  const values = points.coords;
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const counts = new Int32Array(rowEnd - rowStart);
  for (let i = rowStart; i < rowEnd; i++) {
    const x = values[i];
    const r = radii[i];
    // First t with g(t) inside the lower bound, first t with g(t) past the upper bound.
    let a = 0;
    let b = n;
    while (a < b) {
      const m = (a + b) >>> 1;
      const g = sorted[m] - x;
      if (strict ? g > -r : g >= -r) b = m;
      else a = m + 1;
    }
    const first = a;
    b = n;
    while (a < b) {
      const m = (a + b) >>> 1;
      const g = sorted[m] - x;
      if (strict ? g >= r : g > r) b = m;
      else a = m + 1;
    }
    const selfPasses = strict ? r > 0 : true;
    counts[i - rowStart] = a - first - (selfPasses ? 1 : 0);
  }
  return counts;
}
