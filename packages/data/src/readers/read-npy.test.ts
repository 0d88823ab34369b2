import { DataNotFoundError, InvalidInputError } from '@cch-lab/core';
import { makeTempDir, removeDir, writeFixture } from '../testing-fixtures/fixtures.js';
import { npyBytes, numpySaved } from '../testing-fixtures/npy-bytes.js';
import { readNpy, readNpyMatrix } from './read-npy.js';

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeDir(dir));

function errorOf(fn: () => unknown): InvalidInputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return error as InvalidInputError;
  }
  throw new Error('expected a throw');
}

const bytesOf = (a: ArrayBufferView): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

describe('data/read-npy', () => {
  it('reads files written by numpy: <f4 2-d, <i8 labels, a v2 header, |u1 3-d', () => {
    const f4 = readNpy(writeFixture(dir, 'f4.npy', numpySaved('f4_2x3')));
    expect(f4.dtype).toBe('float32');
    expect(f4.shape).toEqual([2, 3]);
    expect(f4.data).toBeInstanceOf(Float32Array);
    expect(Array.from(f4.data)).toEqual([0, 0.25, 0.5, 0.75, 1, 1.25]);

    const i8 = readNpy(numpySaved('i8_labels'));
    expect(i8.dtype).toBe('int64');
    expect(i8.data).toBeInstanceOf(Int32Array);
    expect(Array.from(i8.data)).toEqual([2, 0, 1, 2]);

    const v2 = readNpy(numpySaved('f8_v2'));
    expect(v2.data).toBeInstanceOf(Float64Array);
    expect(v2.shape).toEqual([1, 2]);
    expect(Array.from(v2.data)).toEqual([1.5, -2.25]);

    const u1 = readNpy(numpySaved('u1_2x2x2'));
    expect(u1.data).toBeInstanceOf(Uint8Array);
    expect(Array.from(u1.data)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('reads <i4, |i1, |b1 and scalar shapes', () => {
    const i4 = readNpy(npyBytes({ descr: '<i4', shape: '(3,)' }, bytesOf(Int32Array.from([-1, 0, 7]))));
    expect(Array.from(i4.data)).toEqual([-1, 0, 7]);
    const i1 = readNpy(npyBytes({ descr: '|i1', shape: '(2,)' }, bytesOf(Int8Array.from([-5, 5]))));
    expect(i1.data).toBeInstanceOf(Int8Array);
    expect(Array.from(i1.data)).toEqual([-5, 5]);
    expect(readNpy(npyBytes({ descr: '|b1', shape: '(2,)' }, Uint8Array.from([1, 0]))).dtype).toBe('bool');
    expect(readNpy(npyBytes({ descr: '<f8', shape: '()' }, bytesOf(Float64Array.from([3])))).shape).toEqual([]);
  });

  it('flattens to a matrix: 1-d → n × 1, k-d → n × prod(rest) with the feature shape', () => {
    const m3 = readNpyMatrix(numpySaved('u1_2x2x2'));
    expect([m3.matrix.rows, m3.matrix.cols]).toEqual([2, 4]);
    expect(m3.featureShape).toEqual([2, 2]);
    expect(m3.matrix.dtype).toBe('float64');
    expect(m3.matrix.toArrays()).toEqual([[0, 1, 2, 3], [4, 5, 6, 7]]);
    const m1 = readNpyMatrix(numpySaved('i8_labels'), { dtype: 'float32' });
    expect([m1.matrix.rows, m1.matrix.cols, m1.matrix.dtype]).toEqual([4, 1, 'float32']);
    expect(m1.featureShape).toEqual([1]);
    expect(readNpyMatrix(numpySaved('f4_2x3'), { dtype: 'float32' }).featureShape).toEqual([3]);
    expect(() => readNpyMatrix(npyBytes({ descr: '<f8', shape: '()' }, new Uint8Array(8)))).toThrow(/scalar/);
  });

  it('rejects Fortran order, naming it', () => {
    const e = errorOf(() => readNpy(npyBytes({ descr: '<f4', shape: '(2, 2)', fortran: true }, new Uint8Array(16))));
    expect(e.message).toMatch(/Fortran/);
    expect(e.hint).toMatch(/ascontiguousarray/);
  });

  it('rejects big-endian and unsupported dtypes, naming the dtype', () => {
    const be = errorOf(() => readNpy(npyBytes({ descr: '>f4', shape: '(1,)' }, new Uint8Array(4))));
    expect(be.message).toMatch(/big-endian dtype '>f4'/);
    expect(be.details.received).toBe('>f4');
    for (const descr of ['<f2', '<U5', '<c8', '<u4']) {
      expect(errorOf(() => readNpy(npyBytes({ descr, shape: '(1,)' }, new Uint8Array(16)))).message).toContain(`'${descr}'`);
    }
  });

  it('rejects truncated and over-long data, a bad magic, and int64 values beyond int32', () => {
    const truncated = numpySaved('f4_2x3').subarray(0, 128 + 20);
    expect(errorOf(() => readNpy(truncated)).message).toMatch(/truncated .npy file: shape \(2, 3\) of <f4 needs 24 data bytes but there are 20/);
    expect(() => readNpy(numpySaved('f4_2x3').subarray(0, 50))).toThrow(/truncated/);
    expect(() => readNpy(Buffer.concat([numpySaved('f4_2x3'), Buffer.alloc(4)]))).toThrow(/longer than its shape/);
    expect(() => readNpy(Buffer.from('PK\x03\x04 not npy at all'))).toThrow(/not an .npy file/);
    const big = bytesOf(BigInt64Array.from([1n, 2n ** 40n]));
    expect(() => readNpy(npyBytes({ descr: '<i8', shape: '(2,)' }, big))).toThrow(/does not fit in int32/);
  });

  it('reports a missing file as DataNotFoundError', () => {
    expect(() => readNpy(`${dir}/absent.npy`)).toThrow(DataNotFoundError);
  });
});
