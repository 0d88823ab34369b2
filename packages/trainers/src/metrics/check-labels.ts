/** Shared boundary check of the metric functions: aligned, integer labels in 0..classes−1. */
import { InvalidInputError } from '@cch-lab/core';

export function checkLabelPairs(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, classes: number, where: string): void {
  if (yTrue.length !== yPred.length) {
    throw new InvalidInputError(`${where}: ${yTrue.length} true labels but ${yPred.length} predictions`, {
      details: { field: 'yPred', received: String(yPred.length) },
    });
  }
  checkLabels(yTrue, classes, where, 'yTrue');
  checkLabels(yPred, classes, where, 'yPred');
}

export function checkLabels(labels: ArrayLike<number>, classes: number, where: string, field: string): void {
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (!Number.isInteger(y) || y < 0 || y >= classes) {
      throw new InvalidInputError(`${where}: ${field}[${i}] = ${y} is not a class index in 0..${classes - 1}`, {
        details: { field, row: i + 1, received: String(y) },
      });
    }
  }
}
