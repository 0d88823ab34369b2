/** Confusion counts: rows are true classes, columns predicted classes. */
import { checkLabelPairs } from './check-labels.js';

/** counts[t][p] = rows with true class t predicted as p. @throws InvalidInputError for bad labels. */
export function confusionMatrix(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, classes: number): number[][] {
  checkLabelPairs(yTrue, yPred, classes, 'confusionMatrix');
  const counts = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < yTrue.length; i++) counts[yTrue[i]][yPred[i]] += 1;
  return counts;
}

export interface ClassCounts {
  /** Class index. */
  class: number;
  /** Rows whose true class it is. */
  support: number;
  /** Rows predicted as it. */
  predicted: number;
  /** Rows of it predicted correctly. */
  correct: number;
}

/** Per-class support, predictions and hits, from a confusion matrix. */
export function classCounts(confusion: number[][]): ClassCounts[] {
  return confusion.map((row, c) => ({
    class: c,
    support: row.reduce((a, b) => a + b, 0),
    predicted: confusion.reduce((s, r) => s + r[c], 0),
    correct: row[c],
  }));
}
