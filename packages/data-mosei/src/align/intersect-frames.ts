/**
 * Which frames of a sequence a labelled segment takes, exactly as the SDK's
 * `mmdataset.__intersect_and_copy` (dataset.py): frame [s0, s1] intersects segment [r0, r1] when
 * s0 < r1 + ε and s1 > r0 − ε; it is clipped to [max(s0, r0), min(s1, r1)] and kept when the clip
 * is longer than ε. So a frame that only touches a segment's bound is not taken.
 */

/** The SDK's `epsilon = 10e-6` (dataset.py): interval comparisons within it are equal. */
export const MOSEI_EPSILON = 1e-5;

/**
 * Rows of `intervals` (frames × 2, row-major, seconds) that intersect [start, end], ascending.
 *
 * @param out Scratch space of at least `frames` entries; the result is a view of it.
 */
export function intersectFrames(intervals: ArrayLike<number>, frames: number, start: number, end: number, out: Int32Array): Int32Array {
  let n = 0;
  for (let t = 0; t < frames; t++) {
    const s0 = intervals[2 * t];
    const s1 = intervals[2 * t + 1];
    if (!(s0 < end + MOSEI_EPSILON && s1 > start - MOSEI_EPSILON)) continue;
    const c0 = Math.max(s0, start);
    const c1 = Math.min(s1, end);
    if (Math.abs(c1 - c0) > MOSEI_EPSILON) out[n++] = t;
  }
  return out.subarray(0, n);
}

/** True for a labelled segment the SDK skips: |end − start| < ε. */
export function isZeroLength(start: number, end: number): boolean {
  return Math.abs(start - end) < MOSEI_EPSILON;
}
