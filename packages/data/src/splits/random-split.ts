/** Seeded train/val/test split of n rows, for regression or unlabelled data. */
import { checkInteger } from '@cch-lab/core';
import type { Splits } from '../types.js';
import { checkSplitFractions, splitCounts, toSplits } from './split-fractions.js';
import type { SplitOptions } from './split-fractions.js';

/**
 * A random split of rows 0..n−1: one permutation from `rng`, cut into test, val and train counts
 * by cumulative rounding (see `splitCounts`; with n ≥ 2 and positive train and test fractions both
 * get at least one row). Index arrays are sorted ascending; `val` only when its fraction is positive.
 *
 * @throws InvalidInputError for a bad n or invalid fractions.
 */
export function randomSplit(n: number, options: SplitOptions): Splits {
  checkInteger(n, 'n', { min: 0, max: 2 ** 31 - 1 }, { where: 'randomSplit' });
  const fractions = checkSplitFractions(options, 'randomSplit');
  const perm = Array.from(options.rng.permutation(n));
  const c = splitCounts(n, fractions);
  return toSplits(
    perm.slice(c.test + c.val, c.test + c.val + c.train),
    perm.slice(c.test, c.test + c.val),
    perm.slice(0, c.test),
    fractions.val > 0,
  );
}
