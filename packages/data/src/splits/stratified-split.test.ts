import { InvalidInputError, Rng } from '@cch-lab/core';
import { stratifiedSplit } from './stratified-split.js';

/** Labels with 500 / 300 / 200 rows of classes 0 / 1 / 2, interleaved. */
function threeClasses(): Int32Array {
  const labels: number[] = [];
  for (let i = 0; i < 500; i++) labels.push(0);
  for (let i = 0; i < 300; i++) labels.push(1);
  for (let i = 0; i < 200; i++) labels.push(2);
  return new Rng('labels').shuffleInPlace(Int32Array.from(labels));
}

function perClass(labels: Int32Array, indices: Int32Array | undefined): number[] {
  const counts = [0, 0, 0];
  for (const i of indices ?? []) counts[labels[i]] += 1;
  return counts;
}

describe('data/stratified-split', () => {
  it('keeps each class at its share in every split, with exact counts', () => {
    const labels = threeClasses();
    const s = stratifiedSplit(labels, { train: 0.7, val: 0.1, test: 0.2, rng: new Rng(7) });
    expect(perClass(labels, s.train)).toEqual([350, 210, 140]);
    expect(perClass(labels, s.val)).toEqual([50, 30, 20]);
    expect(perClass(labels, s.test)).toEqual([100, 60, 40]);
  });

  it('returns sorted, disjoint splits covering every row when the fractions sum to 1', () => {
    const labels = threeClasses();
    const s = stratifiedSplit(labels, { train: 0.7, val: 0.1, test: 0.2, rng: new Rng(7) });
    const all = [...s.train, ...(s.val ?? []), ...s.test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    for (const part of [s.train, s.val, s.test]) expect(Array.from(part ?? [])).toEqual([...(part ?? [])].sort((a, b) => a - b));
  });

  it('is deterministic for a seed and changes with it (same counts)', () => {
    const labels = threeClasses();
    const a = stratifiedSplit(labels, { train: 0.8, test: 0.2, rng: new Rng(3) });
    const b = stratifiedSplit(labels, { train: 0.8, test: 0.2, rng: new Rng(3) });
    const c = stratifiedSplit(labels, { train: 0.8, test: 0.2, rng: new Rng(4) });
    expect(Array.from(a.test)).toEqual(Array.from(b.test));
    expect(Array.from(a.test)).not.toEqual(Array.from(c.test));
    expect(perClass(labels, a.test)).toEqual(perClass(labels, c.test));
    expect(a.val).toBeUndefined();
  });

  it('puts every class with at least 2 rows in both train and test', () => {
    // Class 1 has 2 rows, class 2 one row; a 5 % test share would round both to 0.
    const labels = Int32Array.from([...new Array(40).fill(0), 1, 1, 2]);
    const s = stratifiedSplit(labels, { train: 0.95, test: 0.05, rng: new Rng(11) });
    expect(perClass(labels, s.train)).toEqual([38, 1, 1]);
    expect(perClass(labels, s.test)).toEqual([2, 1, 0]);
  });

  it('leaves rows out when the fractions sum below 1', () => {
    const labels = threeClasses();
    const s = stratifiedSplit(labels, { train: 0.5, test: 0.1, rng: new Rng(1) });
    expect(s.train.length + s.test.length).toBe(600);
  });

  it('rejects non-integer labels and bad fractions', () => {
    expect(() => stratifiedSplit([0, 1.5], { train: 0.5, test: 0.5, rng: new Rng(1) })).toThrow(/row 2 is not an integer/);
    expect(() => stratifiedSplit([0, 1], { train: 0.9, test: 0.2, rng: new Rng(1) })).toThrow(InvalidInputError);
  });
});
