import { testing } from '@cch-lab/core';
import { meanSquaredError } from './mean-squared-error.js';

describe('trainers/metrics/mean-squared-error', () => {
  test('hand-computed', () => {
    // errors 1, −2, 0.5 → (1 + 4 + 0.25)/3
    testing.expectClose(meanSquaredError([1, 2, 3], [2, 0, 3.5]), 5.25 / 3, { atol: 1e-12 });
  });
  test('misaligned inputs throw', () => {
    expect(() => meanSquaredError([1], [1, 2])).toThrow(/1 targets but 2 predictions/);
  });
});
