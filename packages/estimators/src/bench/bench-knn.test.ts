import { createRng, recordingReporter } from '@cch-lab/core';
import { benchKnn } from './bench-knn.js';

describe('estimators/bench/bench-knn', () => {
  it('times the engine against the naive baseline, with identical estimates', async () => {
    const reporter = recordingReporter();
    const rows = await benchKnn({ sizes: [300], dims: [2, 20], rng: createRng(1), reporter });
    expect(rows.map((r) => [r.n, r.dims])).toEqual([
      [300, 2],
      [300, 20],
    ]);
    for (const r of rows) {
      expect(r.seconds).toBeGreaterThan(0);
      expect(r.baseline_seconds).toBeGreaterThan(0);
      expect(r.ratio).toBeCloseTo(r.baseline_seconds / r.seconds, 10);
      expect(r.same_result).toBe(true);
      expect(r.baseline_extrapolated).toBe(false);
    }
    expect(reporter.messages.at(-1)).toBe('bench knn 2/2');
  });

  it('extrapolates the baseline from a subsample above baselineMaxN and says so', async () => {
    const [row] = await benchKnn({ sizes: [400], dims: [4], rng: createRng(2), baselineMaxN: 200 });
    expect(row).toMatchObject({ baseline_extrapolated: true, baseline_n: 200, same_result: null, null_seconds_per_100: null });
  });

  it('times shuffle-null estimates when asked, per 100', async () => {
    const [row] = await benchKnn({ sizes: [200], dims: [20], rng: createRng(3), nullShuffles: 2 });
    expect(row.null_shuffles).toBe(2);
    expect(row.null_seconds_per_100).toBeGreaterThan(0);
  });
});
