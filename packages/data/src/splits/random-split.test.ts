import { InvalidInputError, Rng } from '@cch-lab/core';
import { randomSplit } from './random-split.js';

describe('data/random-split', () => {
  it('splits n rows into disjoint sorted parts of the rounded sizes', () => {
    const s = randomSplit(101, { train: 0.6, val: 0.2, test: 0.2, rng: new Rng(5) });
    // Cumulative rounding: test round(20.2) = 20, test+val round(40.4) = 40, all 101.
    expect([s.train.length, s.val?.length, s.test.length]).toEqual([61, 20, 20]);
    const all = [...s.train, ...(s.val ?? []), ...s.test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 101 }, (_, i) => i));
    expect(Array.from(s.test)).toEqual([...s.test].sort((a, b) => a - b));
  });

  it('is deterministic for a seed', () => {
    const a = randomSplit(50, { train: 0.8, test: 0.2, rng: new Rng('x') });
    const b = randomSplit(50, { train: 0.8, test: 0.2, rng: new Rng('x') });
    const c = randomSplit(50, { train: 0.8, test: 0.2, rng: new Rng('y') });
    expect(Array.from(a.train)).toEqual(Array.from(b.train));
    expect(Array.from(a.train)).not.toEqual(Array.from(c.train));
  });

  it('gives tiny inputs one train and one test row, and validates n', () => {
    const s = randomSplit(2, { train: 0.99, test: 0.01, rng: new Rng(1) });
    expect([s.train.length, s.test.length]).toEqual([1, 1]);
    expect(() => randomSplit(-1, { train: 0.5, test: 0.5, rng: new Rng(1) })).toThrow(InvalidInputError);
    expect(() => randomSplit(10, { train: 1.5, test: 0, rng: new Rng(1) })).toThrow(/train fraction/);
  });
});
