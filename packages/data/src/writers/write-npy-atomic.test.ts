import fs from 'node:fs';
import path from 'node:path';
import { InvalidInputError } from '@cch-lab/core';
import { readNpy } from '../readers/read-npy.js';
import { makeTempDir, removeDir } from '../testing-fixtures/fixtures.js';
import { numpySaved } from '../testing-fixtures/npy-bytes.js';
import { writeNpyAtomic } from './write-npy-atomic.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeDir(dir));

describe('data/write-npy-atomic', () => {
  it('writes byte-for-byte what numpy.save writes', () => {
    const file = path.join(dir, 'f4.npy');
    writeNpyAtomic(file, Float32Array.from([0, 0.25, 0.5, 0.75, 1, 1.25]), [2, 3]);
    expect(fs.readFileSync(file).equals(numpySaved('f4_2x3'))).toBe(true);
  });

  it('round-trips every supported type and shape', () => {
    const cases = [
      { data: Float64Array.from([1.5, -2, 1e-300]), shape: [3] },
      { data: Int32Array.from([-7, 0, 2147483647, 5]), shape: [2, 1, 2] },
      { data: Uint8Array.from([0, 255]), shape: [2, 1] },
      { data: Float32Array.from([3]), shape: [] },
      { data: new Float32Array(0), shape: [0, 4] },
    ];
    for (const [k, c] of cases.entries()) {
      const file = path.join(dir, `case${k}.npy`);
      writeNpyAtomic(file, c.data, c.shape);
      const back = readNpy(file);
      expect(back.shape).toEqual(c.shape);
      expect(back.data.constructor).toBe(c.data.constructor);
      expect(Array.from(back.data)).toEqual(Array.from(c.data));
      // numpy aligns the data block to 64 bytes.
      expect((fs.statSync(file).size - c.data.byteLength) % 64).toBe(0);
    }
  });

  it('writes a view of a larger buffer correctly', () => {
    const whole = Float64Array.from([9, 1, 2, 9]);
    const file = path.join(dir, 'view.npy');
    writeNpyAtomic(file, whole.subarray(1, 3), [2]);
    expect(Array.from(readNpy(file).data)).toEqual([1, 2]);
  });

  it('rejects a shape that does not match and unsupported arrays, leaving nothing behind', () => {
    const file = path.join(dir, 'bad.npy');
    expect(() => writeNpyAtomic(file, Float32Array.from([1, 2, 3]), [2, 2])).toThrow(/holds 4 values but data has 3/);
    expect(() => writeNpyAtomic(file, Int16Array.from([1]) as never, [1])).toThrow(InvalidInputError);
    expect(() => writeNpyAtomic(file, Float32Array.from([1]), [1.5])).toThrow(/non-negative integers/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
