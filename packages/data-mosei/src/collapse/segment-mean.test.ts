import { segmentMean } from './segment-mean.js';

describe('segmentMean', () => {
  // 3 frames × 2 dims
  const frames = Float64Array.from([1, 10, 3, Number.NEGATIVE_INFINITY, 5, Number.NaN]);
  it('averages all frames, counting non-finite values as 0', () => {
    const out = new Float32Array(4);
    expect(segmentMean(frames, null, 3, 2, out, 2)).toBe(2);
    expect(Array.from(out)).toEqual([0, 0, 3, 10 / 3].map((v) => Math.fround(v)));
  });
  it('averages only the chosen rows', () => {
    const out = new Float32Array(2);
    expect(segmentMean(frames, [0, 2], 3, 2, out, 0)).toBe(1);
    expect(Array.from(out)).toEqual([3, 5]);
  });
  it('gives zeros for no frames', () => {
    const out = Float32Array.from([7, 7]);
    segmentMean(frames, [], 3, 2, out, 0);
    expect(Array.from(out)).toEqual([0, 0]);
  });
});
