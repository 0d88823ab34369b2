/**
 * Malformed MNIST (IDX) and MNIST-M (PNG folders, aligned .npy) inputs, one defect at a time: each
 * must fail with a typed error from @cch-lab/core whose message names the file (and the line,
 * byte offset or row where there is one), and whatever loads must hold finite values in [0, 1].
 * The readers' own tests cover the good paths; this file is the checklist of issue 14 item 8.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { CchError, DataNotFoundError, InvalidInputError } from '@cch-lab/core';
import { writeNpyAtomic } from '@cch-lab/data';
import { loadMnistIdx } from './digits/load-mnist-idx.js';
import { mnistMPairs } from './mnist-m/mnist-m-pairs.js';
import { loadMnistMNpy } from './readers/load-mnist-m-npy.js';
import { loadMnistMPngs } from './readers/load-mnist-m-pngs.js';
import { idxBytes, makeTempDir, removeDir, writeBackgroundPngs, writeIdxFolder, writeMnistMPngFolder } from './testing-fixtures/index.js';
import { verifyMnist } from './verify/verify-mnist.js';

let root: string;
let count = 0;
beforeAll(() => {
  root = makeTempDir();
});
afterAll(() => removeDir(root));

function folder(): string {
  count += 1;
  return path.join(root, String(count));
}

interface Expected {
  file: string;
  line?: number;
  message?: RegExp;
}

/** The error `fn` throws or rejects with: one of ours, never a bare TypeError / RangeError. */
async function failure(fn: () => unknown): Promise<CchError> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CchError);
    return error as CchError;
  }
  throw new Error('expected a throw');
}

/** An InvalidInputError (code EINVALID, exit 2) whose details and message name `file` (and `line`). */
async function expectInvalid(fn: () => unknown, expected: Expected): Promise<InvalidInputError> {
  const e = await failure(fn);
  expect(e).toBeInstanceOf(InvalidInputError);
  expect(e.code).toBe('EINVALID');
  expect(e.details.file).toBe(expected.file);
  expect(e.message).toContain(expected.line === undefined ? expected.file : `${expected.file}:${expected.line}`);
  if (expected.line !== undefined) expect(e.details.line).toBe(expected.line);
  if (expected.message !== undefined) expect(e.message).toMatch(expected.message);
  return e as InvalidInputError;
}

function expectUnitInterval(values: Float32Array): void {
  const bad = values.findIndex((v) => !(v >= 0 && v <= 1));
  expect(bad).toBe(-1);
}

/** Rewrites the labels of an IDX labels file (header kept). */
function setIdxLabels(file: string, labels: number[]): void {
  fs.writeFileSync(file, idxBytes([labels.length], Uint8Array.from(labels)));
}

describe('data-mnist-m/bad-input: MNIST IDX folders', () => {
  it('a missing file is a DataNotFoundError naming it (exit 3)', async () => {
    const fx = writeIdxFolder(folder(), { train: 10, test: 10 });
    fs.rmSync(fx.files[1]);
    const e = await failure(() => loadMnistIdx({ path: fx.dir }));
    expect(e).toBeInstanceOf(DataNotFoundError);
    expect(e.code).toBe('ENODATA');
    expect((e as DataNotFoundError).expectedPaths).toContain(fx.files[1]);
  });

  it.each([0, 1])('an empty file (%i of images, labels) names it', async (k) => {
    const fx = writeIdxFolder(folder(), { train: 10 });
    fs.writeFileSync(fx.files[k], '');
    await expectInvalid(() => loadMnistIdx({ path: fx.dir }), { file: fx.files[k], message: /truncated IDX file: the 4-byte magic number needs 4 bytes but the file has 0/ });
  });

  it('a header that promises more items than the file holds names the file and both sizes', async () => {
    const fx = writeIdxFolder(folder(), { train: 10 });
    fs.writeFileSync(fx.files[1], fs.readFileSync(fx.files[1]).subarray(0, 8 + 6));
    await expectInvalid(() => loadMnistIdx({ path: fx.dir }), { file: fx.files[1], message: /truncated IDX file: shape \[10\] needs 18 bytes but the file has 14/ });
  });

  it('a file longer than its header says is named', async () => {
    const fx = writeIdxFolder(folder(), { train: 10 });
    fs.appendFileSync(fx.files[0], Buffer.alloc(5));
    await expectInvalid(() => loadMnistIdx({ path: fx.dir }), { file: fx.files[0], message: /longer than its header says/ });
  });

  it('a wrong magic number, or the two files swapped, names the file and the magic', async () => {
    const fx = writeIdxFolder(folder(), { train: 10 });
    const bytes = fs.readFileSync(fx.files[0]);
    bytes.writeUInt32BE(0x12345678, 0);
    fs.writeFileSync(fx.files[0], bytes);
    await expectInvalid(() => loadMnistIdx({ path: fx.dir }), { file: fx.files[0], message: /not an IDX file: magic number 305419896/ });

    const swapped = writeIdxFolder(folder(), { train: 10 });
    const labels = fs.readFileSync(swapped.files[1]);
    fs.copyFileSync(swapped.files[0], swapped.files[1]);
    fs.writeFileSync(swapped.files[0], labels);
    await expectInvalid(() => loadMnistIdx({ path: swapped.dir }), { file: swapped.files[0], message: /expected an image IDX file \(magic 2051\) but found magic 2049/ });
  });

  it('image and label files of different lengths name the labels file and both counts', async () => {
    const fx = writeIdxFolder(folder(), { train: 10 });
    setIdxLabels(fx.files[1], [0, 1, 2, 3, 4, 5, 6, 7, 8]);
    await expectInvalid(() => loadMnistIdx({ path: fx.dir }), { file: fx.files[1], message: /10 images but 9 labels/ });
  });

  it('a label outside 0..9 names its byte offset and its 1-based row', async () => {
    const fx = writeIdxFolder(folder(), { train: 10 });
    setIdxLabels(fx.files[1], [0, 1, 2, 3, 200, 5, 6, 7, 8, 9]);
    const e = await expectInvalid(() => loadMnistIdx({ path: fx.dir }), { file: fx.files[1], message: /label 200 of row 5 at byte offset 12 is outside 0\.\.9/ });
    expect(e.details.offset).toBe(12);
  });

  it('a labels file holding a single class is refused', async () => {
    const fx = writeIdxFolder(folder(), { train: 10 });
    setIdxLabels(fx.files[1], Array.from({ length: 10 }, () => 4));
    await expectInvalid(() => loadMnistIdx({ path: fx.dir }), { file: fx.files[1], message: /every one of the 10 labels read is 4/ });
    expect(verifyMnist({ path: fx.dir }).problems).toContainEqual(expect.objectContaining({ file: fx.files[1], message: expect.stringMatching(/every one of the 10 labels is 4/) }));
  });

  it('files whose header says 0 items are refused, naming the images file', async () => {
    const fx = writeIdxFolder(folder(), { train: 0 });
    await expectInvalid(() => loadMnistIdx({ path: fx.dir }), { file: fx.files[0], message: /holds no images/ });
    expect(verifyMnist({ path: fx.dir }).problems).toContainEqual(expect.objectContaining({ file: fx.files[0], message: expect.stringMatching(/no items/) }));
  });

  it('a corrupt gzip stream names the file', async () => {
    const fx = writeIdxFolder(folder(), { train: 10, gzip: true });
    const gz = fs.readFileSync(fx.files[0]);
    fs.writeFileSync(fx.files[0], gz.subarray(0, gz.length - 20));
    await expectInvalid(() => loadMnistIdx({ path: fx.dir }), { file: fx.files[0], message: /corrupt or truncated gzip stream/ });
  });

  it('a folder in place of a file is named by the loader and reported, not thrown, by verifyMnist', async () => {
    const fx = writeIdxFolder(folder(), { train: 10 });
    fs.rmSync(fx.files[2]);
    fs.mkdirSync(fx.files[2]);
    await expectInvalid(() => loadMnistIdx({ path: fx.dir, split: 'test' }), { file: fx.files[2], message: /cannot read IDX file \(EISDIR\)/ });
    const r = verifyMnist({ path: fx.dir });
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual(expect.objectContaining({ file: fx.files[2], message: expect.stringMatching(/cannot read/) }));
  });

  it('a good folder loads finite values in [0, 1]', () => {
    const fx = writeIdxFolder(folder(), { train: 10, test: 10 });
    expectUnitInterval(loadMnistIdx({ path: fx.dir, split: 'all' }).images);
  });
});

describe('data-mnist-m/bad-input: MNIST-M PNG folders', () => {
  it('a missing labels file or PNG is a DataNotFoundError naming it', async () => {
    const fx = await writeMnistMPngFolder(folder(), 'test', 3);
    fs.rmSync(path.join(fx.dir, 'mnist_m_test', '00000001.png'));
    const e = await failure(() => loadMnistMPngs({ path: fx.dir, split: 'test' }));
    expect(e).toBeInstanceOf(DataNotFoundError);
    expect((e as DataNotFoundError).expectedPaths).toEqual([path.join(fx.dir, 'mnist_m_test', '00000001.png')]);
    fs.rmSync(fx.labelsFile);
    const gone = await failure(() => loadMnistMPngs({ path: fx.dir, split: 'test' }));
    expect((gone as DataNotFoundError).expectedPaths).toContain(fx.labelsFile);
  });

  it('an empty labels file names it', async () => {
    const fx = await writeMnistMPngFolder(folder(), 'train', 2);
    fs.writeFileSync(fx.labelsFile, '\n\n');
    await expectInvalid(() => loadMnistMPngs({ path: fx.dir, split: 'train' }), { file: fx.labelsFile, message: /no lines/ });
  });

  it('a labels file that is a folder is an InvalidInputError naming it, not a raw EISDIR', async () => {
    const fx = await writeMnistMPngFolder(folder(), 'train', 2);
    fs.rmSync(fx.labelsFile);
    fs.mkdirSync(fx.labelsFile);
    await expectInvalid(() => loadMnistMPngs({ path: fx.dir, split: 'train' }), { file: fx.labelsFile, message: /EISDIR/ });
  });

  it.each([
    ['a digit outside 0..9', '00000001.png 12', /the digit must be an integer 0\.\.9/],
    ['a line cut short', '00000001.png', /expected "<file.png> <digit>"/],
    ['a path instead of a name', 'sub/00000001.png 3', /expected "<file.png> <digit>"/],
  ])('%s names file and line', async (_, line, message) => {
    const fx = await writeMnistMPngFolder(folder(), 'train', 3);
    const lines = fs.readFileSync(fx.labelsFile, 'utf8').split('\n');
    lines[1] = line;
    fs.writeFileSync(fx.labelsFile, lines.join('\n'));
    await expectInvalid(() => loadMnistMPngs({ path: fx.dir, split: 'train' }), { file: fx.labelsFile, line: 2, message });
  });

  it('a PNG named on two lines names both lines', async () => {
    const fx = await writeMnistMPngFolder(folder(), 'train', 4);
    const lines = fs.readFileSync(fx.labelsFile, 'utf8').split('\n');
    lines[3] = lines[0];
    fs.writeFileSync(fx.labelsFile, lines.join('\n'));
    await expectInvalid(() => loadMnistMPngs({ path: fx.dir, split: 'train' }), { file: fx.labelsFile, line: 4, message: /00000000\.png is named twice \(also on line 1\)/ });
  });

  it('a single class is refused, naming the labels file', async () => {
    const fx = await writeMnistMPngFolder(folder(), 'train', 3);
    fs.writeFileSync(fx.labelsFile, fs.readFileSync(fx.labelsFile, 'utf8').replace(/ \d$/gm, ' 6'));
    await expectInvalid(() => loadMnistMPngs({ path: fx.dir, split: 'train' }), { file: fx.labelsFile, message: /every one of the 3 labels read is 6/ });
  });

  it.each([
    ['random bytes', () => Buffer.from('not a png at all')],
    ['a PNG cut in half', (png: Buffer) => png.subarray(0, Math.floor(png.length / 2))],
  ])('an undecodable PNG (%s) names the file', async (_, damage) => {
    const fx = await writeMnistMPngFolder(folder(), 'train', 3);
    const png = path.join(fx.dir, 'mnist_m_train', '00000002.png');
    fs.writeFileSync(png, damage(fs.readFileSync(png)));
    await expectInvalid(() => loadMnistMPngs({ path: fx.dir, split: 'train' }), { file: png, message: /cannot decode PNG/ });
  });

  it('a PNG of the wrong size names the file and its size', async () => {
    const fx = await writeMnistMPngFolder(folder(), 'train', 3);
    const png = path.join(fx.dir, 'mnist_m_train', '00000001.png');
    await sharp(Buffer.alloc(28 * 28 * 3, 100), { raw: { width: 28, height: 28, channels: 3 } }).png().toFile(png);
    const e = await expectInvalid(() => loadMnistMPngs({ path: fx.dir, split: 'train' }), { file: png, message: /32 × 32 RGB/ });
    expect(e.details.received).toBe('28 × 28 × 3');
  });

  it('a good folder loads finite values in [0, 1]', async () => {
    const fx = await writeMnistMPngFolder(folder(), 'test', 4);
    expectUnitInterval((await loadMnistMPngs({ path: fx.dir, split: 'test' })).images);
  });
});

describe('data-mnist-m/bad-input: aligned MNIST-M .npy', () => {
  function writeSplit(dir: string, images: Uint8Array | Float32Array, labels: Int32Array | Uint8Array | Float32Array): { images: string; labels: string } {
    fs.mkdirSync(dir, { recursive: true });
    const files = { images: path.join(dir, 'mnistm_test.npy'), labels: path.join(dir, 'mnistm_test_labels.npy') };
    writeNpyAtomic(files.images, images, [images.length / 2352, 28, 28, 3]);
    writeNpyAtomic(files.labels, labels, [labels.length]);
    return files;
  }
  const three = (): Uint8Array => Uint8Array.from({ length: 3 * 2352 }, (_, j) => j % 256);

  it('an empty or truncated file names it', async () => {
    const dir = folder();
    const files = writeSplit(dir, three(), Int32Array.from([0, 1, 2]));
    fs.writeFileSync(files.labels, '');
    await expectInvalid(() => loadMnistMNpy({ path: dir, split: 'test' }), { file: files.labels, message: /not an \.npy file/ });
    writeSplit(dir, three(), Int32Array.from([0, 1, 2]));
    fs.writeFileSync(files.images, fs.readFileSync(files.images).subarray(0, 4000));
    await expectInvalid(() => loadMnistMNpy({ path: dir, split: 'test' }), { file: files.images, message: /truncated \.npy file/ });
  });

  it.each([
    ['NaN', Number.NaN, /non-finite value NaN at row 2 \(flat index 2400\)/],
    ['Infinity', Number.POSITIVE_INFINITY, /non-finite value Infinity at row 2/],
    ['a value above 1', 1.5, /value 1\.5 at row 2 \(flat index 2400\) is outside \[0, 1\]/],
  ])('float32 images holding %s name the row and flat index', async (_, v, message) => {
    const dir = folder();
    const images = Float32Array.from(three(), (b) => b / 255);
    images[2400] = v;
    const files = writeSplit(dir, images, Int32Array.from([0, 1, 2]));
    await expectInvalid(() => loadMnistMNpy({ path: dir, split: 'test' }), { file: files.images, message });
  });

  it('labels that are floats, out of range, or a single class name the labels file', async () => {
    const dir = folder();
    const files = writeSplit(dir, three(), Float32Array.from([0, 1, 2]));
    await expectInvalid(() => loadMnistMNpy({ path: dir, split: 'test' }), { file: files.labels, message: /1-d integer array/ });
    writeSplit(dir, three(), Int32Array.from([0, -1, 2]));
    await expectInvalid(() => loadMnistMNpy({ path: dir, split: 'test' }), { file: files.labels, message: /label -1 of row 2 is outside 0\.\.9/ });
    writeSplit(dir, three(), Int32Array.from([5, 5, 5]));
    await expectInvalid(() => loadMnistMNpy({ path: dir, split: 'test' }), { file: files.labels, message: /every one of the 3 labels read is 5/ });
  });

  it('a good split loads finite values in [0, 1]', () => {
    const dir = folder();
    writeSplit(dir, three(), Int32Array.from([0, 1, 2]));
    expectUnitInterval(loadMnistMNpy({ path: dir, split: 'test' }).images);
  });
});

describe('data-mnist-m/bad-input: background photos', () => {
  const digits = { images: new Float32Array(2 * 784), labels: Int32Array.from([0, 1]), n: 2, source: 'real' as const, meta: {} };

  it('an undecodable photo names the file', async () => {
    const dir = folder();
    await writeBackgroundPngs(dir, 2);
    fs.writeFileSync(path.join(dir, 'bg-1.png'), zlib.gzipSync(Buffer.from('no image')));
    await expectInvalid(() => mnistMPairs(digits, { seed: 1, backgrounds: dir }), { file: path.join(dir, 'bg-1.png'), message: /cannot decode background photo/ });
  });

  it('a broken link among the photos is a DataNotFoundError naming it, not a raw ENOENT', async () => {
    const dir = folder();
    await writeBackgroundPngs(dir, 1);
    fs.symlinkSync(path.join(dir, 'gone.png'), path.join(dir, 'bg-9.png'));
    const e = await failure(() => mnistMPairs(digits, { seed: 1, backgrounds: dir }));
    expect(e).toBeInstanceOf(DataNotFoundError);
    expect((e as DataNotFoundError).expectedPaths).toEqual([path.join(dir, 'bg-9.png')]);
  });

  it('a file passed as the backgrounds folder is an InvalidInputError naming it', async () => {
    const dir = folder();
    const [file] = await writeBackgroundPngs(dir, 1);
    const e = await failure(() => mnistMPairs(digits, { seed: 1, backgrounds: file }));
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e.message).toContain(file);
    expect(e.message).toMatch(/not a folder/);
  });
});
