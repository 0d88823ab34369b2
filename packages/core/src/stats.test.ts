import { Matrix } from './matrix.js';
import { Rng } from './rng.js';
import { covariance, crossCovariance, mean, pearson, quantile, standardDeviation, standardize, variance } from './stats.js';
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

describe('core/stats at extreme scales', () => {
  // Rescaling by a non-power of two rounds every value once: relative differences of a few ulps.
  const SCALED = { rtol: 1e-13 };
  const rng = new Rng(14);
  const base = Array.from({ length: 40 }, () => [rng.normal(), rng.normal() * 2 + 3]);
  const x = Matrix.fromRows(base);
  const reference = standardize(x);

  it('gives the z-scores, correlation and sd of the data at scale 1 for scales 1e-300 … 1e300', () => {
    for (const a of [1e-300, 1e-200, 1e-100, 1e100, 1e160, 1e200, 1e300]) {
      const scaled = Matrix.fromRows(base.map((r) => r.map((v) => v * a)));
      const s = standardize(scaled);
      expect(s.constantColumns).toEqual([]);
      expectArraysClose(s.matrix.data, reference.matrix.data, { atol: 1e-12 });
      expectArraysClose(Array.from(s.scales, (v) => v / a), reference.scales, SCALED);
      const c0 = scaled.columnValues(0);
      const c1 = scaled.columnValues(1);
      expectClose(pearson(c0, c1), pearson(x.columnValues(0), x.columnValues(1)), { atol: 1e-12 });
      expectClose(standardDeviation(c1) / a, standardDeviation(x.columnValues(1)), SCALED);
      expectClose(mean(c1) / a, mean(x.columnValues(1)), SCALED);
      // The covariance itself scales with a²: only representable for |log10 a| < 154.
      if (a > 1e-150 && a < 1e150) expectArraysClose(Array.from(covariance(scaled).data, (v) => v / a / a), covariance(x).data, SCALED);
      const cross = crossCovariance(Matrix.fromRows(base.map((r) => [r[0] * a])), Matrix.fromRows(base.map((r) => [r[1] / a])));
      expectClose(cross.data[0], covariance(x).data[1], SCALED);
    }
  });

  it('is bit-identical to the direct formulas for data at ordinary scales (power-of-two rescaling is exact)', () => {
    const col = x.columnValues(1);
    let m = 0;
    for (const v of col) m += v;
    m /= col.length;
    let ss = 0;
    for (const v of col) ss += (v - m) ** 2;
    const sd = Math.sqrt(ss / (col.length - 1));
    expect(reference.means[1]).toBe(m);
    expect(reference.scales[1]).toBe(sd);
    expect(reference.matrix.data[1]).toBe((col[0] - m) / sd);
  });

  it('reports the covariance of data near 1e300 as Infinity rather than a wrong finite number', () => {
    const big = Matrix.fromRows([[1e300], [-1e300], [1e300]]);
    expect(covariance(big).data[0]).toBe(Number.POSITIVE_INFINITY);
    expect(standardize(big).constantColumns).toEqual([]);
  });
});
