/** Fraction of rows whose predicted class equals the true class (NaN for no rows). */
import { InvalidInputError } from '@cch-lab/core';

export function accuracy(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  if (yTrue.length !== yPred.length) {
    throw new InvalidInputError(`accuracy: ${yTrue.length} true labels but ${yPred.length} predictions`, {
      details: { field: 'yPred', received: String(yPred.length) },
    });
  }
  let hits = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) hits += 1;
  return yTrue.length === 0 ? Number.NaN : hits / yTrue.length;
}
