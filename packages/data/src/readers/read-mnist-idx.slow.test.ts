/**
 * Reads the real Fashion-MNIST IDX files when Debian's `dataset-fashion-mnist` is installed (or
 * CCH_FASHION_MNIST_DIR points to a directory holding them); skipped otherwise.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readMnistIdx } from './read-mnist-idx.js';

const DEBIAN_DIR = '/usr/share/datasets/fashion-mnist';

function fashionMnistDir(): string | undefined {
  const fromEnv = process.env.CCH_FASHION_MNIST_DIR;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  // Where the Debian package puts them (dataset-fashion-mnist 0.0~git20200523).
  if (fs.existsSync(path.join(DEBIAN_DIR, 'train-images-idx3-ubyte.gz'))) return DEBIAN_DIR;
  let listing: string;
  try {
    listing = execFileSync('dpkg', ['-L', 'dataset-fashion-mnist'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
  const images = listing.split('\n').find((p) => /train-images-idx3-ubyte(\.gz)?$/.test(p) && fs.existsSync(p));
  return images === undefined ? undefined : path.dirname(images);
}

const dir = fashionMnistDir();
/** Published Fashion-MNIST training-set pixel mean, 0.2860 of 255; a reading error would move it far more. */
const TRAIN_PIXEL_MEAN = 0.286 * 255;
const MEAN_TOL = 0.5;

(dir === undefined ? describe.skip : describe)('data/read-mnist-idx (real Fashion-MNIST)', () => {
  it('reads 60 000 training and 10 000 test images of 28×28 with balanced labels 0..9', () => {
    const train = readMnistIdx(dir as string, 'train');
    const test = readMnistIdx(dir as string, 'test');
    expect([train.count, train.rows, train.cols]).toEqual([60000, 28, 28]);
    expect([test.count, test.rows, test.cols]).toEqual([10000, 28, 28]);
    const perClass = new Array(10).fill(0);
    for (const y of train.labels) perClass[y] += 1;
    expect(perClass).toEqual(new Array(10).fill(6000));
    let sum = 0;
    for (const v of train.images) sum += v;
    expect(Math.abs(sum / train.images.length - TRAIN_PIXEL_MEAN)).toBeLessThan(MEAN_TOL);
  });
});
