import fs from 'node:fs';
import path from 'node:path';
import { DataNotFoundError, InvalidInputError } from '@cch-lab/core';
import { makeTempDir, removeDir, writeMnistMPngFolder } from '../testing-fixtures/index.js';
import { loadMnistMPngs } from './load-mnist-m-pngs.js';

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeDir(dir));

describe('data-mnist-m/load-mnist-m-pngs', () => {
  it('reads the PNGs in labels-file order: n × 3072 bytes / 255, labels, files, source real', async () => {
    const fx = await writeMnistMPngFolder(path.join(dir, 'ok', 'mnist_m'), 'train', 6);
    const m = await loadMnistMPngs({ path: fx.dir, split: 'train' });
    expect(m.n).toBe(6);
    expect(m.source).toBe('real');
    expect(m.featureShape).toEqual([32, 32, 3]);
    expect(Array.from(m.labels)).toEqual(fx.labels);
    expect(m.files[2]).toBe(path.join(fx.dir, 'mnist_m_train', '00000002.png'));
    expect(Array.from(m.images.subarray(3072, 6144))).toEqual(Array.from(fx.images[1], (b) => Math.fround(b / 255)));
    // The parent of mnist_m/ works too; count reads the first lines only.
    const some = await loadMnistMPngs({ path: path.join(dir, 'ok'), split: 'train', count: 2 });
    expect(some.n).toBe(2);
    expect(Array.from(some.labels)).toEqual(fx.labels.slice(0, 2));
  });

  it('a malformed labels line is an InvalidInputError with file and line', async () => {
    const fx = await writeMnistMPngFolder(path.join(dir, 'bad'), 'test', 3);
    fs.appendFileSync(fx.labelsFile, '00000003.png seven\n');
    await expect(loadMnistMPngs({ path: fx.dir, split: 'test' })).rejects.toThrow(`${fx.labelsFile}:4:14: the digit must be an integer 0..9`);
    fs.writeFileSync(fx.labelsFile, '00000000.png 1\nno-digit-here\n');
    await expect(loadMnistMPngs({ path: fx.dir, split: 'test' })).rejects.toThrow(new RegExp(`${fx.labelsFile}:2: expected "<file.png> <digit>"`));
  });

  it('a missing PNG is a DataNotFoundError naming it and its labels line', async () => {
    const fx = await writeMnistMPngFolder(path.join(dir, 'missing'), 'train', 4);
    const gone = path.join(fx.dir, 'mnist_m_train', '00000002.png');
    fs.rmSync(gone);
    try {
      await loadMnistMPngs({ path: fx.dir, split: 'train' });
      throw new Error('expected a DataNotFoundError');
    } catch (error) {
      expect(error).toBeInstanceOf(DataNotFoundError);
      expect((error as DataNotFoundError).expectedPaths).toEqual([gone]);
      expect((error as Error).message).toContain('00000002.png (line 3)');
    }
  });

  it('a missing labels file or a bad split is reported', async () => {
    await expect(loadMnistMPngs({ path: path.join(dir, 'none'), split: 'train' })).rejects.toThrow(DataNotFoundError);
    await expect(loadMnistMPngs({ path: dir, split: 'valid' as never })).rejects.toThrow(InvalidInputError);
  });
});
