import { MOSEI_EPSILON, intersectFrames, isZeroLength } from './intersect-frames.js';

const rows = (intervals: number[][], start: number, end: number): number[] =>
  Array.from(intersectFrames(intervals.flat(), intervals.length, start, end, new Int32Array(intervals.length)));

describe('align/intersect-frames', () => {
  test('takes the frames overlapping the segment, partial overlaps included', () => {
    expect(rows([[0, 0.5], [0.5, 1.5], [1.5, 2.5], [2.5, 4]], 0, 2)).toEqual([0, 1, 2]);
    expect(rows([[0, 0.5], [0.5, 1.5], [1.5, 2.5], [2.5, 4]], 2, 4)).toEqual([2, 3]);
  });

  test('a frame that only touches a bound is not taken (its clip has zero length)', () => {
    expect(rows([[0, 1], [1, 2], [2, 3]], 1, 2)).toEqual([1]);
    expect(rows([[2, 3]], 0, 2)).toEqual([]);
    expect(rows([[0, 2]], 2, 4)).toEqual([]);
  });

  test('overlaps within ε count as touching; longer ones count', () => {
    expect(rows([[0, 2 + MOSEI_EPSILON / 2]], 2, 4)).toEqual([]);
    expect(rows([[0, 2 + 3 * MOSEI_EPSILON]], 2, 4)).toEqual([0]);
  });

  test('a frame covering the whole segment is taken; frames outside are not', () => {
    expect(rows([[0, 6]], 3, 4)).toEqual([0]);
    expect(rows([[7, 8], [-2, -1]], 0, 5)).toEqual([]);
  });

  test('zero-length segments are those shorter than ε', () => {
    expect(isZeroLength(4, 4)).toBe(true);
    expect(isZeroLength(4, 4 + MOSEI_EPSILON / 2)).toBe(true);
    expect(isZeroLength(4, 4.001)).toBe(false);
  });
});
