import { createRng, testing } from '@cch-lab/core';
import { ESTIMATORS, estimateMi, parseEstimatorName } from './registry.js';
import { correlatedGaussianPair } from './testing-fixtures/gaussian-pairs.js';
import { ESTIMATOR_NAMES, isNeuralEstimator } from './types.js';

describe('estimators/registry', () => {
  it('registers every name and parses names case-insensitively', () => {
    expect(Object.keys(ESTIMATORS).sort()).toEqual([...ESTIMATOR_NAMES].sort());
    expect(parseEstimatorName(' KSG2 ')).toBe('ksg2');
    expect(ESTIMATOR_NAMES.filter(isNeuralEstimator)).toEqual(['mine', 'infonce', 'lmi']);
  });

  it('returns one shape for every k-NN and closed-form method', async () => {
    const { x, y } = correlatedGaussianPair(createRng('registry'), 300, 2, 0.6);
    for (const name of ['ksg', 'ksg2', 'gaussian'] as const) {
      const e = await estimateMi(name, x, y, { rng: createRng(1) });
      expect(e.method).toBe(name);
      expect(e.n).toBe(300);
      expect(e.dims).toEqual([2, 2]);
      expect(e.seconds).toBeGreaterThanOrEqual(0);
      testing.expectClose(e.bits, e.nats / Math.LN2, { atol: 1e-15 }, `${name} bits`);
      expect(e.null).toBeUndefined();
      expect(e.interval).toBeUndefined();
    }
  });

  it('adds a shuffle null: large p for independent data, small for dependent data', async () => {
    const dep = correlatedGaussianPair(createRng('null-dep'), 500, 2, 0.5);
    const ind = correlatedGaussianPair(createRng('null-ind'), 500, 2, 0);
    const a = await estimateMi('ksg', dep.x, dep.y, { rng: createRng(1), shuffles: 19 });
    const b = await estimateMi('ksg', ind.x, ind.y, { rng: createRng(1), shuffles: 19 });
    expect(a.null?.shuffles).toBe(19);
    expect(a.null?.p).toBe(1 / 20); // no shuffle reaches 0.29 nats of true dependence
    expect(Math.abs(a.null?.mean ?? 1)).toBeLessThan(0.05);
    expect(b.null?.p).toBeGreaterThan(0.1);
    // Independent data: the estimate sits inside its own null distribution.
    expect(Math.abs(b.nats - (b.null?.mean ?? 0))).toBeLessThan(3 * (b.null?.sd ?? 0));
    // KSG's null sd at n = 500 is ≈ 0.036 nats: |estimate| stays below 4 of them.
    expect(Math.abs(b.nats)).toBeLessThan(0.15);
  });

  it('adds a subsample interval around the estimate', async () => {
    const { x, y } = correlatedGaussianPair(createRng('interval'), 600, 1, 0.6);
    const e = await estimateMi('ksg', x, y, { rng: createRng(1), subsamples: 12 });
    expect(e.interval).toMatchObject({ method: 'subsample', reps: 12, subsampleSize: 300, level: 0.95 });
    expect(e.interval?.low).toBeLessThan(e.nats);
    expect(e.interval?.high).toBeGreaterThan(e.nats);
  });
});
