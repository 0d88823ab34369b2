import fs from 'node:fs';
import path from 'node:path';
import { DataNotFoundError, InvalidInputError } from '@cch-lab/core';
import { makeTempDir, removeDir, writeIdxFolder } from '../testing-fixtures/index.js';
import { loadMnistIdx } from './load-mnist-idx.js';
import { mnistIdxFiles } from './mnist-idx-files.js';

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeDir(dir));

describe('data-mnist-m/load-mnist-idx', () => {
  it.each([false, true])('round-trips a generated IDX folder (gzip %s): bytes / 255, labels, source real', (gzip) => {
    const fx = writeIdxFolder(path.join(dir, `rt-${gzip}`), { train: 30, test: 10, gzip });
    const train = loadMnistIdx({ path: fx.dir });
    expect(train.source).toBe('real');
    expect(train.n).toBe(30);
    expect(Array.from(train.labels)).toEqual(Array.from(fx.labels.train));
    expect(Array.from(train.images)).toEqual(Array.from(fx.images.train, (b) => Math.fround(b / 255)));
    expect(train.meta.files).toEqual(mnistIdxFiles(fx.dir, 'train'));
    const test = loadMnistIdx({ path: fx.dir, split: 'test' });
    expect(Array.from(test.labels)).toEqual(Array.from(fx.labels.test));
  });

  it("'all' is train rows then test rows; count keeps the first rows", () => {
    const fx = writeIdxFolder(path.join(dir, 'all'), { train: 12, test: 8 });
    const all = loadMnistIdx({ path: fx.dir, split: 'all' });
    expect(all.n).toBe(20);
    expect(Array.from(all.labels)).toEqual([...fx.labels.train, ...fx.labels.test]);
    const some = loadMnistIdx({ path: fx.dir, split: 'all', count: 15 });
    expect(Array.from(some.labels)).toEqual([...fx.labels.train, ...fx.labels.test].slice(0, 15));
    expect(some.meta.countRead).toBe(20);
    expect(() => loadMnistIdx({ path: fx.dir, count: 13 })).toThrow(InvalidInputError);
  });

  it('mnistIdxFiles lists the four files; a missing one is a DataNotFoundError naming it and the data-script', () => {
    const fx = writeIdxFolder(path.join(dir, 'missing'), { gzip: true });
    expect(mnistIdxFiles(fx.dir)).toEqual(fx.files.map((f) => path.resolve(f)));
    fs.rmSync(fx.files[3]);
    try {
      mnistIdxFiles(fx.dir);
      throw new Error('expected a DataNotFoundError');
    } catch (error) {
      expect(error).toBeInstanceOf(DataNotFoundError);
      const e = error as DataNotFoundError;
      expect(e.expectedPaths).toEqual([path.join(fx.dir, 't10k-labels-idx1-ubyte.gz'), path.join(fx.dir, 't10k-labels-idx1-ubyte')]);
      expect(e.hint).toContain('data-scripts/mnist-m/README.md');
    }
    expect(loadMnistIdx({ path: fx.dir }).n).toBe(30);
    expect(() => loadMnistIdx({ path: fx.dir, split: 'test' })).toThrow(DataNotFoundError);
  });

  it('a truncated copy fails with an InvalidInputError naming the file and where it ends', () => {
    const fx = writeIdxFolder(path.join(dir, 'trunc'), { train: 5, test: 2 });
    const bytes = fs.readFileSync(fx.files[0]);
    fs.writeFileSync(fx.files[0], bytes.subarray(0, 1000));
    expect(() => loadMnistIdx({ path: fx.dir })).toThrow(InvalidInputError);
    expect(() => loadMnistIdx({ path: fx.dir })).toThrow(new RegExp(`${fx.files[0]}.*truncated IDX file.*needs ${bytes.length} bytes but the file has 1000`));
  });

  it('rejects images that are not 28 × 28 and labels outside 0..9 (with the byte offset)', () => {
    const small = writeIdxFolder(path.join(dir, 'small'), { rows: 8, cols: 8 });
    expect(() => loadMnistIdx({ path: small.dir })).toThrow(/8 × 8, not 28 × 28/);
    const bad = writeIdxFolder(path.join(dir, 'label'), { train: 4 });
    const lab = fs.readFileSync(bad.files[1]);
    lab[8 + 2] = 12;
    fs.writeFileSync(bad.files[1], lab);
    expect(() => loadMnistIdx({ path: bad.dir })).toThrow(/label 12 of row 3 at byte offset 10/);
  });

  it('rejects an unknown split', () => {
    expect(() => loadMnistIdx({ path: dir, split: 'valid' as never })).toThrow(InvalidInputError);
  });
});
