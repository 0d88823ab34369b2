import { Matrix, createRng, pearson, testing } from '@cch-lab/core';
import type { MiTarget } from '../types.js';
import { shuffleNull, shuffleNullValues, type NatsFunction } from './shuffle-null.js';

/** A cheap stand-in estimator: −½ ln(1 − r²) of the first columns (Gaussian MI of two scalars). */
const gaussianScalar: NatsFunction = async (x, y) => {
  const yy = y instanceof Int32Array ? Float64Array.from(y) : (y as Matrix).columnValues(0);
  const r = pearson(x.columnValues(0), yy);
  return -0.5 * Math.log(1 - r * r);
};

describe('estimators/nulls/shuffle-null', () => {
  const rng = createRng('null-data');
  const n = 400;
  const x = Matrix.column(rng.normals(n));
  const dependent = Matrix.column(Float64Array.from(x.data, (v) => 0.5 * v + rng.normal()));

  it('permutes rows of y: same marginal, dependence destroyed, reproducible with a seed', async () => {
    const a = await shuffleNullValues(gaussianScalar, x, dependent, { shuffles: 30, rng: createRng(9) });
    const b = await shuffleNullValues(gaussianScalar, x, dependent, { shuffles: 30, rng: createRng(9) });
    expect(Array.from(a)).toEqual(Array.from(b));
    // Under the null n·2·I ≈ χ²₁, so the null mean is ≈ 1/(2n).
    testing.expectClose(a.reduce((s, v) => s + v, 0) / a.length, 1 / (2 * n), { atol: 0.003 });
  });

  it('reports p = (1 + #{null ≥ observed}) / (N + 1)', async () => {
    const observed = await gaussianScalar(x, dependent, rng);
    const summary = await shuffleNull(gaussianScalar, x, dependent, observed, { shuffles: 49, rng: createRng(1) });
    expect(summary).toMatchObject({ shuffles: 49, p: 1 / 50 });
    // Observed 0: every null value counts.
    const always = await shuffleNull(gaussianScalar, x, dependent, 0, { shuffles: 9, rng: createRng(1) });
    expect(always.p).toBe(1);
  });

  it('shuffles class labels too', async () => {
    const labels = Int32Array.from({ length: n }, (_, i) => (x.data[i] > 0 ? 1 : 0));
    const values = await shuffleNullValues(gaussianScalar, x, labels as MiTarget, { shuffles: 10, rng: createRng(2) });
    for (const v of values) expect(v).toBeLessThan(0.05);
  });
});
