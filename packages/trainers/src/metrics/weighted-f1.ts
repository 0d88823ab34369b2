/**
 * F1 per class averaged with weights equal to each class's support (sklearn's
 * f1_score(average='weighted')). A class with no predicted and no true rows has F1 0 (sklearn's
 * zero_division=0); classes absent from yTrue weigh nothing.
 */
import { classCounts, confusionMatrix } from './confusion-matrix.js';

export function weightedF1(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, classes: number): number {
  const counts = classCounts(confusionMatrix(yTrue, yPred, classes));
  if (yTrue.length === 0) return Number.NaN;
  let total = 0;
  for (const c of counts) {
    const denominator = c.support + c.predicted; // 2·TP / (2·TP + FP + FN)
    const f1 = denominator === 0 ? 0 : (2 * c.correct) / denominator;
    total += c.support * f1;
  }
  return total / yTrue.length;
}
