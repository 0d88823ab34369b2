import path from 'node:path';
import { DataNotFoundError, InvalidInputError } from '@cch-lab/core';
import { writeNpyAtomic } from '@cch-lab/data';
import { makeTempDir, removeDir } from '../testing-fixtures/index.js';
import { loadMnistMNpy } from './load-mnist-m-npy.js';

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeDir(dir));

describe('data-mnist-m/load-mnist-m-npy', () => {
  it('reads (N, 28, 28, 3) uint8 and int labels: bytes / 255, source real', () => {
    const n = 4;
    const bytes = Uint8Array.from({ length: n * 2352 }, (_, j) => (j * 7) % 256);
    writeNpyAtomic(path.join(dir, 'mnistm_valid.npy'), bytes, [n, 28, 28, 3]);
    writeNpyAtomic(path.join(dir, 'mnistm_valid_labels.npy'), Int32Array.from([3, 1, 4, 1]), [n]);
    const m = loadMnistMNpy({ path: dir, split: 'valid' });
    expect(m.n).toBe(4);
    expect(m.source).toBe('real');
    expect(Array.from(m.labels)).toEqual([3, 1, 4, 1]);
    expect(m.images[2352 + 5]).toBe(Math.fround(bytes[2352 + 5] / 255));
    expect(loadMnistMNpy({ path: dir, split: 'valid', count: 2 }).n).toBe(2);
  });

  it('names missing files, and rejects wrong shapes, counts and labels', () => {
    expect(() => loadMnistMNpy({ path: dir, split: 'test' })).toThrow(DataNotFoundError);
    writeNpyAtomic(path.join(dir, 'mnistm_train.npy'), new Uint8Array(2 * 784), [2, 28, 28, 1]);
    writeNpyAtomic(path.join(dir, 'mnistm_train_labels.npy'), Int32Array.from([1, 2]), [2]);
    expect(() => loadMnistMNpy({ path: dir, split: 'train' })).toThrow(/shape \(N, 28, 28, 3\)/);
    writeNpyAtomic(path.join(dir, 'mnistm_train.npy'), new Uint8Array(2 * 2352), [2, 28, 28, 3]);
    writeNpyAtomic(path.join(dir, 'mnistm_train_labels.npy'), Int32Array.from([1, 2, 3]), [3]);
    expect(() => loadMnistMNpy({ path: dir, split: 'train' })).toThrow(/2 images but 3 labels/);
    writeNpyAtomic(path.join(dir, 'mnistm_train_labels.npy'), Int32Array.from([1, 10]), [2]);
    expect(() => loadMnistMNpy({ path: dir, split: 'train' })).toThrow(InvalidInputError);
  });
});
