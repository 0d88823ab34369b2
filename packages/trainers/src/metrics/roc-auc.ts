/**
 * Area under the ROC curve by the rank statistic (Mann–Whitney U): AUC = (R⁺ − n⁺(n⁺+1)/2) / (n⁺·n⁻),
 * R⁺ the sum of the positives' ranks among all scores, tied scores sharing their average rank (so a
 * tie counts one half, as sklearn's trapezoidal roc_auc_score). Macro one-vs-rest: the mean of the
 * per-class AUCs of score column c against "class c or not" (sklearn multi_class='ovr',
 * average='macro'); with two classes, the AUC of the class-1 column (sklearn's binary rule).
 */
import { InvalidInputError, type Matrix } from '@cch-lab/core';
import { checkLabels } from './check-labels.js';

/** AUC of `scores` for the binary labels `positive`; NaN when either class is empty. */
export function binaryRocAuc(positive: ArrayLike<boolean>, scores: ArrayLike<number>): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && scores[order[end]] === scores[order[start]]) end += 1;
    const averageRank = (start + 1 + end) / 2; // ranks start+1..end share their mean
    for (let k = start; k < end; k++) {
      if (positive[order[k]]) {
        positives += 1;
        rankSum += averageRank;
      }
    }
    start = end;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Macro one-vs-rest AUC from class scores (n × C, e.g. softmax probabilities). Classes with no
 * positive or no negative row are skipped (sklearn raises instead); null when none is left.
 * @throws InvalidInputError for misaligned inputs or labels outside 0..C−1.
 */
export function macroRocAuc(yTrue: ArrayLike<number>, scores: Matrix): number | null {
  if (scores.rows !== yTrue.length) {
    throw new InvalidInputError(`macroRocAuc: ${yTrue.length} labels but ${scores.rows} score rows`, {
      details: { field: 'scores', received: String(scores.rows) },
    });
  }
  const classes = scores.cols;
  checkLabels(yTrue, classes, 'macroRocAuc', 'yTrue');
  const columns = classes === 2 ? [1] : Array.from({ length: classes }, (_, c) => c);
  const aucs: number[] = [];
  for (const c of columns) {
    const positive = Array.from(yTrue, (y) => y === c);
    const auc = binaryRocAuc(positive, scores.columnValues(c));
    if (!Number.isNaN(auc)) aucs.push(auc);
  }
  return aucs.length === 0 ? null : aucs.reduce((a, b) => a + b, 0) / aucs.length;
}
