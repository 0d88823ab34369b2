import { compositeDifference } from './composite-difference.js';
import type { Background } from './background.js';

describe('data-mnist-m/composite-difference', () => {
  // A 30 × 31 background whose bytes encode (channel, row, column), so each output byte says where it came from.
  const width = 31;
  const height = 30;
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) for (let c = 0; c < 3; c++) rgb[(y * width + x) * 3 + c] = (c * 80 + y * 3 + x * 2) % 256;
  const bg: Background = { width, height, rgb, name: 'hand-made' };
  const digit = new Float32Array(784);
  digit[0] = 1; // full stroke
  digit[28 * 5 + 7] = 0.5; // half stroke at (5, 7)
  digit[28 * 27 + 27] = 0.2;

  it('is |patch − 255·digit| per channel over the crop at (top, left), rounded to bytes', () => {
    const out = new Uint8Array(2 + 2352);
    compositeDifference(digit, bg, 2, 3, false, out, 2);
    const at = (r: number, c: number, ch: number): number => out[2 + (r * 28 + c) * 3 + ch];
    const patch = (r: number, c: number, ch: number): number => rgb[((r + 2) * width + c + 3) * 3 + ch];
    for (const ch of [0, 1, 2]) {
      expect(at(0, 0, ch)).toBe(Math.abs(patch(0, 0, ch) - 255));
      expect(at(5, 7, ch)).toBe(Math.round(Math.abs(patch(5, 7, ch) - 127.5)));
      expect(at(27, 27, ch)).toBe(Math.round(Math.abs(patch(27, 27, ch) - 51)));
      expect(at(10, 10, ch)).toBe(patch(10, 10, ch)); // no stroke: the patch itself
    }
    // The concrete numbers for (0, 0): patch bytes (c·80 + 2·3 + 3·2) = 12, 92, 172 → 243, 163, 83.
    expect([at(0, 0, 0), at(0, 0, 1), at(0, 0, 2)]).toEqual([243, 163, 83]);
    expect(out[0]).toBe(0);
    expect(out[1]).toBe(0);
  });

  it('with binarize every stroke pixel > 0 counts as 255', () => {
    const out = new Uint8Array(2352);
    compositeDifference(digit, bg, 0, 0, true, out, 0);
    const i = (5 * 28 + 7) * 3;
    expect(out[i]).toBe(Math.abs(rgb[(5 * width + 7) * 3] - 255));
    const j = (27 * 28 + 27) * 3 + 1;
    expect(out[j]).toBe(Math.abs(rgb[(27 * width + 27) * 3 + 1] - 255));
  });
});
