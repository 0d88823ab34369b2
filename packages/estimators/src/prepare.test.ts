import { InvalidInputError, Matrix, createRng, testing, type Rng } from '@cch-lab/core';
import { estimateMi } from './registry.js';
import { correlatedGaussianPair, labelledMixture } from './testing-fixtures/gaussian-pairs.js';

/**
 * Affine maps change the z-scores by a few ulps only (|β| ≤ 10 costs about 4 bits), far below the
 * gaps between neighbour distances of continuous data and below the 1e-10 jitter, so every
 * neighbour count is the same and the k-NN estimates agree to the digamma sums' rounding.
 */
const KNN_ATOL = 1e-12;
/** The Gaussian estimator's log-determinants move with the correlation's rounding (~1e-15 per entry, times the condition). */
const GAUSSIAN_ATOL = 1e-9;
/** Draws per estimator: each draws new scales, shifts and data. */
const TRIALS = 12;

/** A scale log-uniform over 1e-300 … 1e300, with a random sign. */
function extremeScale(rng: Rng): number {
  return (rng.uniform() < 0.5 ? -1 : 1) * 10 ** rng.uniformIn(-300, 300);
}

/** Each column j replaced by a_j · v + β_j · a_j, with |β_j| ≤ 10 and a_j across 1e-300 … 1e300. */
function affine(m: Matrix, rng: Rng): Matrix<Float64Array> {
  const out = Matrix.zeros(m.rows, m.cols);
  const a = Array.from({ length: m.cols }, () => extremeScale(rng));
  const beta = Array.from({ length: m.cols }, () => rng.uniformIn(-10, 10));
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) out.data[i * m.cols + j] = a[j] * m.data[i * m.cols + j] + beta[j] * a[j];
  return out;
}

/** A copy with f(value, flat index) at every entry. */
function mapValues(m: Matrix, f: (v: number, i: number) => number): Matrix<Float64Array> {
  return new Matrix(Float64Array.from(m.data, f), m.rows, m.cols);
}

describe('estimators/prepare: MI does not depend on a column\'s scale or offset, at any float64 magnitude', () => {
  it.each([
    { method: 'ksg', atol: KNN_ATOL },
    { method: 'ksg2', atol: KNN_ATOL },
    { method: 'gaussian', atol: GAUSSIAN_ATOL },
  ] as const)('$method on (a·x + β·a, c·y + δ·c) equals $method on (x, y) within $atol nats', async ({ method, atol }) => {
    const rng = createRng(`scale-${method}`);
    for (let t = 0; t < TRIALS; t++) {
      const { x, y } = correlatedGaussianPair(rng.derive(t), 150, 2, 0.6);
      const options = { rng: createRng(t) };
      const reference = await estimateMi(method, x, y, options);
      const scaled = await estimateMi(method, affine(x, rng.derive(t).derive('x')), affine(y, rng.derive(t).derive('y')), options);
      testing.expectClose(scaled.nats, reference.nats, { atol }, `${method} trial ${t}`);
    }
  });

  it('mixed on (a·h + β·a, labels) equals mixed on (h, labels)', async () => {
    const rng = createRng('scale-mixed');
    for (let t = 0; t < TRIALS; t++) {
      const { h, labels } = labelledMixture(rng.derive(t), 150, 2, 3, 2);
      const reference = await estimateMi('mixed', h, labels, { rng: createRng(t) });
      const scaled = await estimateMi('mixed', affine(h, rng.derive(t).derive('h')), labels, { rng: createRng(t) });
      testing.expectClose(scaled.nats, reference.nats, { atol: KNN_ATOL }, `mixed trial ${t}`);
    }
  });

  it('without standardisation, one common scale of x and y (which keeps the max-norm geometry) gives the same ksg', async () => {
    const rng = createRng('scale-raw');
    const { x, y } = correlatedGaussianPair(rng, 150, 2, 0.6);
    const options = { rng: createRng(1), standardize: false };
    const reference = await estimateMi('ksg', x, y, options);
    for (const a of [1e-300, 1e-200, 1e200, 1e300]) {
      const scaled = await estimateMi('ksg', mapValues(x, (v) => v * a), mapValues(y, (v) => v * a), options);
      testing.expectClose(scaled.nats, reference.nats, { atol: KNN_ATOL }, `a = ${a}`);
    }
  });

  it('refuses a column that cannot be represented: overflowed to Infinity, or all subnormal', async () => {
    const { x, y } = correlatedGaussianPair(createRng('unrepresentable'), 40, 2, 0.6);
    const tiny = mapValues(x, (v, i) => (i % 2 === 1 ? v * 1e-310 : v));
    const error = await estimateMi('ksg', tiny, y).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).message).toMatch(/x column 2 holds only subnormal values/);
    expect((error as InvalidInputError).details).toMatchObject({ field: 'x', column: 2 });
    const huge = mapValues(y, (v, i) => (i === 2 ? v * 1e308 * 1e10 : v));
    const inf = await estimateMi('gaussian', x, huge).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((inf as InvalidInputError).hint).toMatch(/beyond the range of float64/);
    // Underflowed to 0 entirely: a constant column, with the hint that it may have underflowed.
    const zero = mapValues(x, (v, i) => (i % 2 === 1 ? v * 1e-330 : v));
    await expect(estimateMi('ksg', zero, y)).rejects.toThrow(InvalidInputError);
    const zeroError = await estimateMi('ksg', zero, y).then(
      () => undefined,
      (e: unknown) => e as InvalidInputError,
    );
    expect(zeroError?.hint).toMatch(/underflowed/);
  });
});
