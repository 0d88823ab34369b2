import { Matrix } from './matrix.js';
import { Rng } from './rng.js';
import { covariance, pearson, quantile, standardize, variance } from './stats.js';
import { expectArraysClose, expectClose } from './testing.js';

const EXACT = { atol: 1e-12 };

describe('core/stats', () => {
  it('computes sample variance and covariance with denominator n − 1', () => {
    expectClose(variance([1, 2, 3, 4]), 5 / 3, EXACT);
    const x = Matrix.fromRows([
      [1, 2],
      [2, 4],
      [3, 7],
    ]);
    const c = covariance(x);
    expectArraysClose(c.data, [1, 2.5, 2.5, 6.333333333333333], { atol: 1e-12 });
  });

  it('standardises columns and reports constant ones instead of dividing by zero', () => {
    const rng = new Rng(3);
    const rows = Array.from({ length: 50 }, () => [rng.normal() * 3 + 1, 5]);
    const s = standardize(Matrix.fromRows(rows));
    expect(s.constantColumns).toEqual([1]);
    const col = s.matrix.columnValues(0);
    expectClose(variance(col), 1, { atol: 1e-12 });
    expect(Array.from(s.matrix.columnValues(1)).every((v) => v === 0)).toBe(true);
  });

  it('computes correlation and quantiles', () => {
    expectClose(pearson([1, 2, 3], [2, 4, 6]), 1, EXACT);
    expectClose(pearson([1, 2, 3], [3, 2, 1]), -1, EXACT);
    expectClose(quantile([4, 1, 3, 2], 0.5), 2.5, EXACT);
  });
});
