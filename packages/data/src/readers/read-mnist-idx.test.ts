import path from 'node:path';
import zlib from 'node:zlib';
import { DataNotFoundError, InvalidInputError } from '@cch-lab/core';
import { makeTempDir, removeDir, writeFixture } from '../testing-fixtures/fixtures.js';
import { mnistLike } from '../testing-fixtures/idx-bytes.js';
import { readMnistIdx } from './read-mnist-idx.js';

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
  const train = mnistLike(12, 4, 4);
  writeFixture(dir, 'train-images-idx3-ubyte.gz', zlib.gzipSync(train.images));
  writeFixture(dir, 'train-labels-idx1-ubyte.gz', zlib.gzipSync(train.labels));
  const test = mnistLike(5, 4, 4);
  writeFixture(dir, 't10k-images-idx3-ubyte', test.images);
  writeFixture(dir, 't10k-labels-idx1-ubyte', test.labels);
});
afterAll(() => removeDir(dir));

describe('data/read-mnist-idx', () => {
  it('reads the gzipped train split and the plain test split', () => {
    const train = readMnistIdx(dir, 'train');
    expect([train.count, train.rows, train.cols]).toEqual([12, 4, 4]);
    expect(train.images.length).toBe(12 * 16);
    expect(Array.from(train.labels.subarray(0, 12))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
    expect(train.paths.images).toBe(path.join(dir, 'train-images-idx3-ubyte.gz'));
    const test = readMnistIdx(dir, 'test');
    expect(test.count).toBe(5);
    expect(test.paths.labels).toBe(path.join(dir, 't10k-labels-idx1-ubyte'));
  });

  it('lists the expected paths when files are missing', () => {
    const empty = makeTempDir();
    try {
      readMnistIdx(empty, 'test');
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(DataNotFoundError);
      const paths = (error as DataNotFoundError).expectedPaths;
      expect(paths).toContain(path.join(empty, 't10k-images-idx3-ubyte.gz'));
      expect(paths).toContain(path.join(empty, 't10k-labels-idx1-ubyte'));
      expect((error as Error).message).toMatch(/t10k-images-idx3-ubyte/);
    } finally {
      removeDir(empty);
    }
  });

  it('rejects swapped files and mismatched counts', () => {
    const bad = makeTempDir();
    try {
      const a = mnistLike(3, 2, 2);
      const b = mnistLike(4, 2, 2);
      writeFixture(bad, 'train-images-idx3-ubyte', a.labels);
      writeFixture(bad, 'train-labels-idx1-ubyte', a.labels);
      expect(() => readMnistIdx(bad, 'train')).toThrow(/expected an image IDX file \(magic 2051\)/);
      writeFixture(bad, 'train-images-idx3-ubyte', a.images);
      writeFixture(bad, 'train-labels-idx1-ubyte', b.labels);
      expect(() => readMnistIdx(bad, 'train')).toThrow(/3 images but 4 labels/);
      expect(() => readMnistIdx(bad, 'valid' as 'train')).toThrow(InvalidInputError);
    } finally {
      removeDir(bad);
    }
  });
});
