/** Seeded train/val/test split that keeps each class's share in every part. */
import { InvalidInputError } from '@cch-lab/core';
import type { Splits } from '../types.js';
import { checkSplitFractions, splitCounts, toSplits } from './split-fractions.js';
import type { SplitOptions } from './split-fractions.js';

/**
 * A stratified split of class labels: within each class (in ascending label order) the rows are
 * shuffled with `rng` and cut into test, val and train counts (see `splitCounts`: cumulative
 * rounding per class; every class with ≥ 2 rows gets at least one train and one test row when both
 * fractions are positive). Counts depend only on the labels and fractions; which rows land where
 * depends on the seed. Each returned index array is sorted ascending; `val` is present only when
 * the val fraction is positive. Rows left over when the fractions sum to less than 1 are in no split.
 *
 * @param labels Class labels, any integers (n values).
 * @throws InvalidInputError for non-integer labels or invalid fractions.
 */
export function stratifiedSplit(labels: ArrayLike<number>, options: SplitOptions): Splits {
  const fractions = checkSplitFractions(options, 'stratifiedSplit');
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (!Number.isInteger(y)) {
      throw new InvalidInputError(`stratifiedSplit: label at row ${i + 1} is not an integer class`, {
        details: { field: 'labels', received: String(y), row: i + 1 },
        hint: 'use randomSplit for regression targets',
      });
    }
    let rows = byClass.get(y);
    if (rows === undefined) byClass.set(y, (rows = []));
    rows.push(i);
  }

  const train: number[] = [];
  const val: number[] = [];
  const test: number[] = [];
  for (const y of [...byClass.keys()].sort((a, b) => a - b)) {
    const rows = byClass.get(y) as number[];
    options.rng.shuffleInPlace(rows);
    const c = splitCounts(rows.length, fractions);
    for (let p = 0; p < c.test + c.val + c.train; p++) {
      if (p < c.test) test.push(rows[p]);
      else if (p < c.test + c.val) val.push(rows[p]);
      else train.push(rows[p]);
    }
  }
  return toSplits(train, val, test, fractions.val > 0);
}

