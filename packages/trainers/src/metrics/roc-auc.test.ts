import { Matrix, testing } from '@cch-lab/core';
import { binaryRocAuc, macroRocAuc } from './roc-auc.js';

/** Hand-computed fractions. */
const EXACT = { atol: 1e-12 };

describe('trainers/metrics/roc-auc', () => {
  test('hand-computed binary AUC with a tie counted one half', () => {
    // positives score {0.8, 0.4}, negatives {0.4, 0.1}: pairs (0.8>0.4, 0.8>0.1, 0.4=0.4 → ½, 0.4>0.1) = 3.5/4
    const auc = binaryRocAuc([true, true, false, false], [0.8, 0.4, 0.4, 0.1]);
    testing.expectClose(auc, 3.5 / 4, EXACT);
  });
  test('perfect, reversed and constant scores', () => {
    testing.expectClose(binaryRocAuc([false, true, true], [0.1, 0.5, 0.9]), 1, EXACT);
    testing.expectClose(binaryRocAuc([false, true, true], [0.9, 0.5, 0.1]), 0, EXACT);
    testing.expectClose(binaryRocAuc([false, true, true], [0.3, 0.3, 0.3]), 0.5, EXACT);
    expect(binaryRocAuc([true, true], [0.1, 0.2])).toBeNaN();
  });
  test('macro one-vs-rest averages per-class AUCs; binary uses the class-1 column', () => {
    const y = [0, 1, 2, 2];
    const scores = Matrix.fromRows([
      [0.7, 0.2, 0.1], // class 0 column: pos 0.7 vs neg {0.3, 0.2, 0.5} → 1
      [0.3, 0.6, 0.1], // class 1 column: pos 0.6 vs neg {0.2, 0.65, 0.1} → 2/3
      [0.2, 0.65, 0.3], // class 2 column: pos {0.3, 0.6} vs neg {0.1, 0.1} → 1
      [0.5, 0.1, 0.6],
    ]);
    testing.expectClose(macroRocAuc(y, scores) as number, (1 + 2 / 3 + 1) / 3, EXACT);
    const flipped = Matrix.fromRows([
      [0.2, 0.8],
      [0.6, 0.4],
      [0.7, 0.3],
    ]);
    // y = [0, 1, 1]; class-1 scores: pos {0.4, 0.3} vs neg {0.8} → 0
    testing.expectClose(macroRocAuc([0, 1, 1], flipped) as number, 0, EXACT);
  });
  test('classes without positives are skipped; none left gives null', () => {
    const scores = Matrix.fromRows([
      [0.9, 0.05, 0.05],
      [0.2, 0.7, 0.1],
    ]);
    // class 2 has no positive row: mean of classes 0 and 1, both 1
    testing.expectClose(macroRocAuc([0, 1], scores) as number, 1, EXACT);
    expect(macroRocAuc([0, 0], Matrix.fromRows([[0.5, 0.5], [0.4, 0.6]]))).toBeNull();
  });
});
