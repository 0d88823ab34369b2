/** Mean squared error, accumulated in float64 (NaN for no rows). */
import { InvalidInputError } from '@cch-lab/core';

export function meanSquaredError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  if (yTrue.length !== yPred.length) {
    throw new InvalidInputError(`meanSquaredError: ${yTrue.length} targets but ${yPred.length} predictions`, {
      details: { field: 'yPred', received: String(yPred.length) },
    });
  }
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const d = yTrue[i] - yPred[i];
    sum += d * d;
  }
  return yTrue.length === 0 ? Number.NaN : sum / yTrue.length;
}
