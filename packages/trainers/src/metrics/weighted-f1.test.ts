import { testing } from '@cch-lab/core';
import { weightedF1 } from './weighted-f1.js';

/** Hand-computed fractions, exact in float64 up to rounding. */
const EXACT = { atol: 1e-12 };

describe('trainers/metrics/weighted-f1', () => {
  test('hand-computed: support-weighted mean of per-class F1', () => {
    // y = [0,0,1,2,2,2], p = [0,1,1,2,0,2]
    // class 0: tp 1, fp 1, fn 1 → F1 = 2/4 = 0.5, support 2
    // class 1: tp 1, fp 1, fn 0 → F1 = 2/3,        support 1
    // class 2: tp 2, fp 0, fn 1 → F1 = 4/5,        support 3
    const expected = (2 * 0.5 + 1 * (2 / 3) + 3 * 0.8) / 6;
    testing.expectClose(weightedF1([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], 3), expected, EXACT);
  });
  test('perfect predictions give 1; a never-true, never-predicted class weighs nothing', () => {
    testing.expectClose(weightedF1([0, 1, 1], [0, 1, 1], 3), 1, EXACT);
  });
});
