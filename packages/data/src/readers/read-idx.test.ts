import zlib from 'node:zlib';
import { DataNotFoundError, InvalidInputError } from '@cch-lab/core';
import { makeTempDir, removeDir, writeFixture } from '../testing-fixtures/fixtures.js';
import { idxBytes, mnistLike } from '../testing-fixtures/idx-bytes.js';
import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, readIdx } from './read-idx.js';

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeDir(dir));

describe('data/read-idx', () => {
  it('reads image (2051) and label (2049) files with their shapes', () => {
    const { images, labels } = mnistLike(3, 2, 4);
    const im = readIdx(writeFixture(dir, 'images-idx3-ubyte', images));
    expect(im.magic).toBe(IDX_IMAGES_MAGIC);
    expect(im.shape).toEqual([3, 2, 4]);
    expect(im.data.length).toBe(24);
    expect(im.data[1 * 8 + 1 * 4 + 2]).toBe(1 + 1 + 2);
    const lb = readIdx(labels);
    expect(lb.magic).toBe(IDX_LABELS_MAGIC);
    expect(Array.from(lb.data)).toEqual([0, 1, 2]);
  });

  it('detects gzip by its magic bytes, not the file name', () => {
    const { images } = mnistLike(5, 3, 3);
    const gz = zlib.gzipSync(images);
    const a = readIdx(writeFixture(dir, 'no-extension', gz));
    expect(a.shape).toEqual([5, 3, 3]);
    expect(Buffer.from(a.data).equals(images.subarray(16))).toBe(true);
    expect(readIdx(writeFixture(dir, 'plain-but-named.gz', images)).shape).toEqual([5, 3, 3]);
  });

  it('reads the generic header form (e.g. 2-d unsigned bytes)', () => {
    const r = readIdx(idxBytes([2, 3], Uint8Array.from([1, 2, 3, 4, 5, 6])));
    expect(r.shape).toEqual([2, 3]);
    expect(r.magic).toBe(0x0802);
  });

  it('reports truncation with the expected and actual sizes', () => {
    const { images } = mnistLike(4, 2, 2);
    const cut = images.subarray(0, images.length - 3);
    expect(() => readIdx(cut)).toThrow(/truncated IDX file: shape \[4, 2, 2\] needs 32 bytes but the file has 29/);
    expect(() => readIdx(images.subarray(0, 10))).toThrow(/truncated IDX file: a header of 3 dimensions/);
    expect(() => readIdx(images.subarray(0, 2))).toThrow(/truncated/);
    const gzCut = zlib.gzipSync(images).subarray(0, 20);
    expect(() => readIdx(gzCut)).toThrow(/corrupt or truncated gzip/);
  });

  it('rejects a bad magic, another element type, and trailing bytes', () => {
    expect(() => readIdx(Buffer.from('hello world, not idx'))).toThrow(/not an IDX file/);
    const floats = idxBytes([1], new Uint8Array(4), 0x0d);
    expect(() => readIdx(floats)).toThrow(/0xd \(float32\) is not supported/);
    const { labels } = mnistLike(3, 1, 1);
    expect(() => readIdx(Buffer.concat([labels, Buffer.from([9])]))).toThrow(InvalidInputError);
    expect(() => readIdx(`${dir}/missing-idx`)).toThrow(DataNotFoundError);
  });
});
