import fs from 'node:fs';
import path from 'node:path';
import { InvalidInputError } from '@cch-lab/core';
import { makeTempDir, removeDir, writeIdxFolder } from '../testing-fixtures/index.js';
import { formatMnistVerify } from './format-mnist-verify.js';
import { verifyMnist } from './verify-mnist.js';

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeDir(dir));

describe('data-mnist-m/verify-mnist', () => {
  it.each([false, true])('a good folder (gzip %s) is ok: magics, counts, shapes, classes, pairing', (gzip) => {
    const fx = writeIdxFolder(path.join(dir, `good-${gzip}`), { train: 20, test: 10, gzip });
    const r = verifyMnist({ path: fx.dir });
    expect(r.ok).toBe(true);
    expect(r.loadable).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.splits.train).toMatchObject({ count: 20, rows: 28, cols: 28, paired: true });
    expect(r.splits.test.labels?.classCounts).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(r.splits.train.images).toMatchObject({ magic: 2051, shape: [20, 28, 28], gzip, bytes: 16 + 20 * 784 });
    expect(r.splits.train.labels).toMatchObject({ magic: 2049, shape: [20], labelRange: [0, 9] });
    const text = formatMnistVerify(r);
    expect(text).toContain(': ok');
    expect(text).toContain('train 20 images of 28 × 28, 20 labels (0..9), paired');
  });

  it('any rows × cols is accepted and reported, but not loadable', () => {
    const fx = writeIdxFolder(path.join(dir, 'small'), { rows: 10, cols: 12 });
    const r = verifyMnist({ path: fx.dir });
    expect(r.ok).toBe(true);
    expect(r.loadable).toBe(false);
    expect(r.splits.test).toMatchObject({ rows: 10, cols: 12 });
    expect(r.notes[0]).toMatch(/10 × 12, not 28 × 28/);
  });

  it('a truncated copy: the file and the byte offset where it ends', () => {
    const fx = writeIdxFolder(path.join(dir, 'trunc'), { train: 20 });
    fs.writeFileSync(fx.files[0], fs.readFileSync(fx.files[0]).subarray(0, 5000));
    const r = verifyMnist({ path: fx.dir });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([
      { file: fx.files[0], offset: 5000, message: expect.stringMatching(/truncated IDX file: shape \[20, 28, 28\] needs 15696 bytes but the file ends at byte offset 5000/) },
    ]);
    expect(r.splits.train.paired).toBe(false);
    expect(formatMnistVerify(r)).toContain(`problem: ${fx.files[0]} @ byte 5000: truncated`);
  });

  it('a truncated gzip stream is reported for its file', () => {
    const fx = writeIdxFolder(path.join(dir, 'trunc-gz'), { gzip: true });
    const bytes = fs.readFileSync(fx.files[2]);
    fs.writeFileSync(fx.files[2], bytes.subarray(0, bytes.length - 30));
    const r = verifyMnist({ path: fx.dir });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ file: fx.files[2], message: expect.stringMatching(/corrupt or truncated gzip stream/) });
  });

  it('wrong magic (swapped files) at offset 0; a label outside 0..9 at its byte; unpaired counts', () => {
    const fx = writeIdxFolder(path.join(dir, 'magic'), { train: 20, test: 10 });
    const trainLabels = fs.readFileSync(fx.files[1]);
    fs.writeFileSync(fx.files[1], fs.readFileSync(fx.files[0]));
    fs.writeFileSync(fx.files[0], trainLabels);
    const testLabels = fs.readFileSync(fx.files[3]);
    testLabels[8 + 4] = 11;
    fs.writeFileSync(fx.files[3], testLabels);
    const r = verifyMnist({ path: fx.dir });
    expect(r.problems).toEqual([
      { file: fx.files[0], offset: 0, message: expect.stringMatching(/expected an image IDX file \(magic 2051\) but found magic 2049 .*swapped/) },
      { file: fx.files[1], offset: 0, message: expect.stringMatching(/expected a label IDX file \(magic 2049\) but found magic 2051/) },
      { file: fx.files[3], offset: 12, message: '1 label(s) outside 0..9, the first 11 (row 5)' },
    ]);

    const unpaired = writeIdxFolder(path.join(dir, 'unpaired'), { train: 20, test: 10 });
    const other = writeIdxFolder(path.join(dir, 'other'), { train: 21 });
    fs.copyFileSync(other.files[1], unpaired.files[1]);
    expect(verifyMnist({ path: unpaired.dir }).problems).toEqual([
      { file: unpaired.files[1], offset: 4, message: expect.stringMatching(/20 images in train-images-idx3-ubyte but 21 labels/) },
    ]);
  });

  it('missing files are listed; a bad path option throws', () => {
    const fx = writeIdxFolder(path.join(dir, 'missing'));
    fs.rmSync(fx.files[2]);
    const r = verifyMnist({ path: fx.dir });
    expect(r.missingFiles).toEqual([path.join(fx.dir, 't10k-images-idx3-ubyte')]);
    expect(r.ok).toBe(false);
    expect(r.splits.train.paired).toBe(true);
    expect(() => verifyMnist({ path: '' })).toThrow(InvalidInputError);
  });
});
