import { InvalidInputError, Matrix, testing } from '@cch-lab/core';
import { gaussianBlur, gaussianKernel } from './gaussian-blur.js';

/** float64 sums of a few dozen terms. */
const F64_TOL = { atol: 1e-12 };
/** The same sums stored in float32. */
const F32_TOL = { atol: 1e-6 };

describe('data/gaussian-blur', () => {
  it('uses a normalised kernel of radius ceil(3σ)', () => {
    expect(gaussianKernel(1).length).toBe(7);
    expect(gaussianKernel(0.5).length).toBe(5);
    expect(gaussianKernel(1.2).length).toBe(2 * 4 + 1);
    testing.expectClose(gaussianKernel(2).reduce((a, b) => a + b, 0), 1, F64_TOL, 'kernel sum');
  });

  it('spreads an impulse into the outer product of the 1-d kernel', () => {
    const sigma = 1;
    const k = gaussianKernel(sigma);
    const img = Matrix.zeros(1, 11 * 11);
    img.set(0, 5 * 11 + 5, 1);
    const out = gaussianBlur(img, [11, 11, 1], sigma);
    const expected = new Float64Array(121);
    for (let dy = -3; dy <= 3; dy++) for (let dx = -3; dx <= 3; dx++) expected[(5 + dy) * 11 + 5 + dx] = k[dy + 3] * k[dx + 3];
    testing.expectArraysClose(out.data, expected, F64_TOL, 'blurred impulse');
  });

  it('blurs channels independently and keeps flat images flat (edges clamp)', () => {
    // 4×5 HWC image with 2 channels: channel 0 flat 0.7, channel 1 zero.
    const img = Matrix.zeros(2, 4 * 5 * 2, 'float32');
    for (let p = 0; p < 20; p++) {
      img.data[2 * p] = 0.7;
      img.data[40 + 2 * p] = 0.7;
    }
    const out = gaussianBlur(img, [4, 5, 2], 1.5);
    expect(out.dtype).toBe('float32');
    for (let p = 0; p < 40; p++) {
      testing.expectClose(out.data[2 * p], 0.7, F32_TOL, `channel 0, pixel ${p}`);
      expect(out.data[2 * p + 1]).toBe(0);
    }
  });

  it('replicates the edge pixel beyond the border', () => {
    // One row of width 6: [1, 0, 0, 0, 0, 0]. At x = 0 the taps left of the border read x = 0 too.
    const sigma = 0.8;
    const k = gaussianKernel(sigma);
    const r = (k.length - 1) / 2;
    const out = gaussianBlur(Matrix.fromRows([[1, 0, 0, 0, 0, 0]]), [1, 6, 1], sigma);
    // Pixel x sums the taps t with x + t ≤ 0, all of which read the edge pixel.
    const tapsUpTo = (last: number): number => k.slice(0, last + r + 1).reduce((a, b) => a + b, 0);
    testing.expectClose(out.data[0], tapsUpTo(0), F64_TOL, 'pixel 0');
    testing.expectClose(out.data[1], tapsUpTo(-1), F64_TOL, 'pixel 1');
    testing.expectClose(out.data[5], 0, F64_TOL, 'pixel 5 (beyond the kernel radius)');
  });

  it('returns a copy for σ = 0 and rejects bad shapes and σ', () => {
    const img = Matrix.fromRows([[1, 2, 3, 4]]);
    const same = gaussianBlur(img, [2, 2, 1], 0);
    expect(same).not.toBe(img);
    expect(Array.from(same.data)).toEqual([1, 2, 3, 4]);
    expect(() => gaussianBlur(img, [2, 3, 1], 1)).toThrow(/h·w·c = 4/);
    expect(() => gaussianBlur(img, [4, 1], 1)).toThrow(InvalidInputError);
    expect(() => gaussianBlur(img, [2, 2, 1], -1)).toThrow(InvalidInputError);
  });
});
