import { Matrix, createRng, mean, testing } from '@cch-lab/core';
import type { NatsFunction } from '../nulls/shuffle-null.js';
import { subsampleIndices, subsampleInterval, summarizeSubsamples } from './subsample-interval.js';

/** The sample mean of x's first column as a stand-in "estimate": its sd is exactly σ/√n. */
const sampleMean: NatsFunction = async (x) => mean(x.columnValues(0));

describe('estimators/intervals/subsample-interval', () => {
  it('draws distinct sorted indices, reproducibly', () => {
    const a = subsampleIndices(100, 50, 3, createRng(1));
    expect(Array.from(a)).toEqual(Array.from(subsampleIndices(100, 50, 3, createRng(1))));
    expect(new Set(a).size).toBe(50);
    expect(Array.from(a)).toEqual(Array.from(a).sort((p, q) => p - q));
  });

  it('centres on the estimate and rescales the subsample spread by √(m/(n−m))', () => {
    const values = Float64Array.from([1, 2, 3, 4, 5]);
    const iv = summarizeSubsamples(10, values, 100, 20, 0.5);
    // Centred deviations −2..2; 25 % / 75 % quantiles ±1; scale √(20/80) = 0.5.
    testing.expectClose(iv.low, 9.5, { atol: 1e-12 });
    testing.expectClose(iv.high, 10.5, { atol: 1e-12 });
    expect(iv.subsampleMean).toBe(3);
  });

  it('has about the right width for a statistic with known sd (half-samples)', async () => {
    const rng = createRng('interval-width');
    const n = 2000;
    const x = Matrix.column(rng.normals(n));
    const observed = mean(x.columnValues(0));
    const iv = await subsampleInterval(sampleMean, x, x, observed, { reps: 200, fraction: 0.5, level: 0.95, rng: createRng(3) });
    // 95 % width of the mean is 2 · 1.96 / √n; 200 reps estimate it to ~10 %.
    testing.expectClose(iv.high - iv.low, (2 * 1.96) / Math.sqrt(n), { rtol: 0.2 }, 'interval width');
  });
});
