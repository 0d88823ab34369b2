import { InvalidInputError, Rng } from '@cch-lab/core';
import { checkSplitFractions, splitCounts } from './split-fractions.js';

describe('data/split-fractions', () => {
  const rng = new Rng(1);

  it('accepts fractions that sum to 1 up to rounding, and defaults val to 0', () => {
    expect(checkSplitFractions({ train: 0.7, val: 0.2, test: 0.1, rng }, 'f')).toEqual({ train: 0.7, val: 0.2, test: 0.1 });
    expect(checkSplitFractions({ train: 0.5, test: 0.25, rng }, 'f')).toEqual({ train: 0.5, val: 0, test: 0.25 });
  });

  it('rejects a sum above 1, fractions outside [0, 1], and a missing rng, with the numbers in the message', () => {
    expect(() => checkSplitFractions({ train: 0.8, val: 0.2, test: 0.2, rng }, 'f')).toThrow(/sum to 1\.2.*train 0\.8 \+ val 0\.2 \+ test 0\.2/);
    expect(() => checkSplitFractions({ train: -0.1, test: 0.2, rng }, 'f')).toThrow(/train fraction must be a number in \[0, 1\]/);
    expect(() => checkSplitFractions({ train: 0.5, test: Number.NaN, rng }, 'f')).toThrow(InvalidInputError);
    expect(() => checkSplitFractions({ train: 0.5, test: 0.5 } as never, 'f')).toThrow(/explicit rng/);
  });

  it('rounds cumulatively so counts fill n exactly when the fractions sum to 1', () => {
    expect(splitCounts(10, { train: 0.7, val: 0.15, test: 0.15 })).toEqual({ test: 2, val: 1, train: 7 });
    expect(splitCounts(100, { train: 0.7, val: 0.15, test: 0.15 })).toEqual({ test: 15, val: 15, train: 70 });
    expect(splitCounts(7, { train: 0.5, val: 0, test: 0.25 })).toEqual({ test: 2, val: 0, train: 3 });
  });

  it('gives a 2-row group one train and one test row', () => {
    expect(splitCounts(2, { train: 0.9, val: 0, test: 0.1 })).toEqual({ test: 1, val: 0, train: 1 });
    expect(splitCounts(2, { train: 0.1, val: 0, test: 0.9 })).toEqual({ test: 1, val: 0, train: 1 });
    expect(splitCounts(3, { train: 0.1, val: 0.8, test: 0.1 })).toEqual({ test: 1, val: 1, train: 1 });
    expect(splitCounts(1, { train: 0.8, val: 0, test: 0.2 })).toEqual({ test: 0, val: 0, train: 1 });
  });
});
