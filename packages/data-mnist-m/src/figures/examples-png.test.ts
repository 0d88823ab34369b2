import sharp from 'sharp';
import { InvalidInputError } from '@cch-lab/core';
import { examplesPng } from './examples-png.js';

describe('data-mnist-m/examples-png', () => {
  const a = new Float32Array(784);
  a[0] = 1; // top-left pixel white
  const b = new Float32Array(2352);
  b[0] = 1; // top-left pixel red
  b[1] = 0;
  b[2] = 0;

  it('lays out pairs (grey digit, colour partner) ×3 as a PNG, wrapping after perRow', async () => {
    const png = await examplesPng([{ a, b }, { a, b }, { a, b }], { perRow: 2, gap: 2 });
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    const side = 84;
    const cellWidth = 2 * side + 3 * 2;
    expect([info.width, info.height]).toEqual([2 * cellWidth, 2 * (side + 4)]);
    const px = (x: number, y: number): number[] => Array.from(data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3));
    expect(px(2, 2)).toEqual([255, 255, 255]); // digit's white stroke, enlarged ×3
    expect(px(4, 4)).toEqual([255, 255, 255]);
    expect(px(5, 5)).toEqual([0, 0, 0]); // digit background
    expect(px(0, 0)).toEqual([255, 255, 255]); // the white margin
    expect(px(2 + side + 2, 2)).toEqual([255, 0, 0]); // partner's red pixel
    expect(px(2 + side + 2 + 3, 2)).toEqual([0, 0, 0]);
  });

  it('rejects wrong lengths and an empty list', async () => {
    await expect(examplesPng([])).rejects.toThrow(InvalidInputError);
    await expect(examplesPng([{ a, b: new Float32Array(100) }])).rejects.toThrow(/2352/);
  });
});
