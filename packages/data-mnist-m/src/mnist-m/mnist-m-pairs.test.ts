import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { DataNotFoundError, InvalidInputError } from '@cch-lab/core';
import { embeddedMnist } from '../digits/embedded-mnist.js';
import { loadMnistIdx } from '../digits/load-mnist-idx.js';
import { gradientRgb, makeTempDir, removeDir, writeBackgroundPngs, writeIdxFolder } from '../testing-fixtures/index.js';
import { MNIST_M_PROCEDURAL_KIND, mnistMPairs } from './mnist-m-pairs.js';

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeDir(dir));

const digits = embeddedMnist({ count: 300 });
const bits = (a: Float32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('data-mnist-m/mnist-m-pairs', () => {
  it('procedural textures: source simulated, n × 2352 values on the k/255 grid in [0, 1]', async () => {
    const p = await mnistMPairs(digits, { seed: 7 });
    expect(p.source).toBe('simulated');
    expect(p.meta.kind).toBe(MNIST_M_PROCEDURAL_KIND);
    expect(p.images.length).toBe(300 * 2352);
    for (let j = 0; j < p.images.length; j += 97) {
      const v = p.images[j];
      expect(v >= 0 && v <= 1).toBe(true);
      expect(Math.fround(Math.round(v * 255) / 255)).toBe(v);
    }
  });

  it('same seed → the same bits; another seed differs; the first k pairs do not depend on n', async () => {
    const a = await mnistMPairs(digits, { seed: 7 });
    const b = await mnistMPairs(digits, { seed: 7 });
    const c = await mnistMPairs(digits, { seed: 8 });
    expect(bits(a.images).equals(bits(b.images))).toBe(true);
    expect(bits(a.images).equals(bits(c.images))).toBe(false);
    const prefix = await mnistMPairs(embeddedMnist({ count: 50 }), { seed: 7 });
    expect(bits(prefix.images).equals(bits(a.images.subarray(0, 50 * 2352)))).toBe(true);
  });

  it('the textures are colourful and varied, not flat colours', async () => {
    const blank = { ...digits, images: new Float32Array(digits.images.length) };
    const p = await mnistMPairs(blank, { seed: 3 });
    // With an empty digit each image is the crop itself: most crops have visible spatial variation
    // and the set spans many colours.
    let varied = 0;
    const means = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const img = p.images.subarray(i * 2352, (i + 1) * 2352);
      let sum = 0;
      let sq = 0;
      for (let j = 0; j < 2352; j += 3) {
        sum += img[j + 1];
        sq += img[j + 1] ** 2;
      }
      const m = sum / 784;
      if (Math.sqrt(sq / 784 - m * m) > 0.02) varied++;
      means.add([0, 1, 2].map((ch) => Math.round((img[ch] + img[1200 + ch]) * 2)).join(','));
    }
    expect(varied).toBeGreaterThan(250);
    expect(means.size).toBeGreaterThan(40);
  });

  it('user photos: source is the digits source, kind names the folder, each row is |crop − digit| of one photo', async () => {
    const bgDir = path.join(dir, 'photos');
    await writeBackgroundPngs(bgDir, 2, 64, 48);
    const p = await mnistMPairs(digits, { seed: 1, backgrounds: bgDir });
    expect(p.source).toBe('embedded');
    expect(p.meta.kind).toBe(`MNIST-M (recipe of Ganin & Lempitsky, backgrounds from ${path.resolve(bgDir)})`);
    const idx = writeIdxFolder(path.join(dir, 'idx'), { train: 5 });
    expect((await mnistMPairs(loadMnistIdx({ path: idx.dir }), { seed: 1, backgrounds: bgDir })).source).toBe('real');

    // Brute force: row 0 matches exactly one (photo, top, left).
    const photos = [0, 1].map((k) => gradientRgb(64, 48, k));
    const row = p.images.subarray(0, 2352);
    const digit = digits.images.subarray(0, 784);
    let matches = 0;
    for (const rgb of photos) {
      for (let top = 0; top <= 48 - 28; top++) {
        for (let left = 0; left <= 64 - 28; left++) {
          let same = true;
          for (let j = 0; j < 2352 && same; j++) {
            const r = Math.floor(j / 84);
            const c = Math.floor((j % 84) / 3);
            const expected = Math.round(Math.abs(rgb[((top + r) * 64 + left + c) * 3 + (j % 3)] - 255 * digit[r * 28 + c])) / 255;
            same = Math.fround(expected) === row[j];
          }
          if (same) matches++;
        }
      }
    }
    expect(matches).toBe(1);
  });

  it('caches to .npy: the second call reads the file; changing a background file changes the key', async () => {
    const bgDir = path.join(dir, 'photos-cache');
    const files = await writeBackgroundPngs(bgDir, 2);
    const cacheDir = path.join(dir, 'cache');
    const first = await mnistMPairs(digits, { seed: 5, backgrounds: bgDir, cacheDir });
    const cache = first.meta.cache as { file: string; hit: boolean };
    expect(cache.hit).toBe(false);
    expect(fs.existsSync(cache.file)).toBe(true);
    expect(fs.existsSync(cache.file.replace(/\.npy$/, '.json'))).toBe(true);

    const second = await mnistMPairs(digits, { seed: 5, backgrounds: bgDir, cacheDir });
    expect(second.meta.cache).toEqual({ file: cache.file, hit: true });
    expect(bits(second.images).equals(bits(first.images))).toBe(true);
    expect(second.source).toBe(first.source);

    await sharp(Buffer.from(gradientRgb(64, 48, 9)), { raw: { width: 64, height: 48, channels: 3 } }).png().toFile(files[1]);
    const third = await mnistMPairs(digits, { seed: 5, backgrounds: bgDir, cacheDir });
    expect(third.meta.cacheKey).not.toBe(first.meta.cacheKey);
    expect((third.meta.cache as { hit: boolean }).hit).toBe(false);

    const otherSeed = await mnistMPairs(digits, { seed: 6, backgrounds: bgDir, cacheDir });
    expect(otherSeed.meta.cacheKey).not.toBe(third.meta.cacheKey);
    const otherDigits = await mnistMPairs(embeddedMnist({ count: 299 }), { seed: 5, backgrounds: bgDir, cacheDir });
    expect(otherDigits.meta.cacheKey).not.toBe(third.meta.cacheKey);
  });

  it('a corrupt cache file is rebuilt, not trusted', async () => {
    const cacheDir = path.join(dir, 'cache-corrupt');
    const first = await mnistMPairs(digits, { seed: 2, cacheDir });
    const file = (first.meta.cache as { file: string }).file;
    fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 500));
    const again = await mnistMPairs(digits, { seed: 2, cacheDir });
    expect((again.meta.cache as { hit: boolean }).hit).toBe(false);
    expect(bits(again.images).equals(bits(first.images))).toBe(true);
  });

  it('rejects bad input', async () => {
    await expect(mnistMPairs(digits, { seed: -1 })).rejects.toThrow(InvalidInputError);
    await expect(mnistMPairs({ ...digits, n: 5 }, { seed: 1 })).rejects.toThrow(/n × 784/);
    const bright = { ...digits, images: digits.images.slice() };
    bright.images[10] = 2;
    await expect(mnistMPairs(bright, { seed: 1 })).rejects.toThrow(/outside \[0, 1\]/);
    await expect(mnistMPairs(digits, { seed: 1, backgrounds: path.join(dir, 'nope') })).rejects.toThrow(DataNotFoundError);
    fs.mkdirSync(path.join(dir, 'empty'));
    await expect(mnistMPairs(digits, { seed: 1, backgrounds: path.join(dir, 'empty') })).rejects.toThrow(/no .* photos/);
  });
});
