import { InvalidInputError, Matrix, cholesky, createRng, hstack, matVec, testing } from '@cch-lab/core';
import { exactKdRisk } from './exact-risk.js';
import { plugInGain } from './plug-in-gain.js';
import { sampleRows, splitRows } from './testing-fixtures/gaussian-model.js';
import { latentModel } from './testing-fixtures/latent-model.js';

/** N = 100 000 rows: sample moments within ~1% of the population, gains within a few percent. */
const LARGE_SAMPLE = { rtol: 0.05 };
/** Identical arithmetic on duplicated columns. */
const EXACT = { rtol: 1e-12 };
/** Monte Carlo agreement, in standard errors. */
const MC_Z = 3;

describe('theory/plug-in-gain', () => {
  const m = latentModel({ rho: 0.7, cs: 0.5, cr: 0.3, ce: 0.4 });
  const chol = cholesky(m.covariance);
  const big = splitRows(sampleRows(chol, 100_000, createRng('plug-in/large')), 2, 3);
  const bigT = matVec(big.x1, m.populationTeacher);
  const exact = (lambda: number, n: number, intercept = true) =>
    exactKdRisk({ covariance: m.covariance, dims: m.dims, teacherWeights: m.populationTeacher, lambda, n, intercept });

  it('recovers the exact gain from a large sample, its sign included', () => {
    for (const [lambda, n] of [
      [0.5, 20],
      [0.5, 2000],
      [3, 30],
    ]) {
      const predicted = plugInGain({ student: big.x2, labels: big.y, teacher: { predictions: bigT }, lambda, n });
      const truth = exact(lambda, n);
      testing.expectClose(predicted.gain, truth.gain, LARGE_SAMPLE, `gain(λ=${lambda}, n=${n})`);
      expect(predicted.sign).toBe(Math.sign(truth.gain));
      testing.expectClose(predicted.margins[0], truth.population.margin, { atol: 0.01 }, 'margin');
    }
  });

  it('fits the teacher from a representation H1 and agrees with the given predictions', () => {
    const fromRepresentation = plugInGain({ student: big.x2, labels: big.y, teacher: { representation: big.x1 }, lambda: 0.5, n: 20 });
    const fromPredictions = plugInGain({ student: big.x2, labels: big.y, teacher: { predictions: bigT }, lambda: 0.5, n: 20 });
    expect(fromRepresentation.teacherSource).toBe('representation');
    testing.expectClose(fromRepresentation.gain, fromPredictions.gain, LARGE_SAMPLE);
  });

  it('works for a scalar student representation (p = 1)', () => {
    const scalar = Matrix.column(big.x2.columnValues(0));
    const predicted = plugInGain({ student: scalar, labels: big.y, teacher: { predictions: bigT }, lambda: 0.5, n: 10 });
    expect(predicted.p).toBe(1);
    // x2[0] is exactly w*'x2 / ρ here, so the model with p = 1 has the same w*-direction.
    const moments = {
      sigma22: Matrix.fromRows([[1]]),
      covX2Y: Float64Array.of(0.7),
      covX2T: Float64Array.of(m.expected.q * 0.5),
      varY: 1,
      varT: m.expected.q ** 2,
      covYT: m.expected.q ** 2,
    };
    testing.expectClose(predicted.gain, exactKdRisk({ moments, lambda: 0.5, n: 10, intercept: true }).gain, LARGE_SAMPLE);
  });

  it('adds gains over label columns', () => {
    const small = splitRows(sampleRows(chol, 500, createRng('plug-in/columns')), 2, 3);
    const t = matVec(small.x1, m.populationTeacher);
    const one = plugInGain({ student: small.x2, labels: small.y, teacher: { predictions: t }, lambda: 1, n: 40 });
    const yy = hstack([Matrix.column(small.y), Matrix.column(small.y)]);
    const tt = hstack([Matrix.column(t), Matrix.column(t)]);
    const two = plugInGain({ student: small.x2, labels: yy, teacher: { predictions: tt }, lambda: 1, n: 40 });
    testing.expectClose(two.gain, 2 * one.gain, EXACT);
    expect(two.outputs).toHaveLength(2);
  });

  it('is unbiased over repeated small samples with the bias correction, and biased without it', () => {
    const draws = 1000;
    const sampleSize = 60;
    const rng = createRng('plug-in/bias');
    const raw: number[] = [];
    const corrected: number[] = [];
    for (let d = 0; d < draws; d++) {
      const s = splitRows(sampleRows(chol, sampleSize, rng), 2, 3);
      const input = { student: s.x2, labels: s.y, teacher: { predictions: matVec(s.x1, m.populationTeacher) }, lambda: 1, n: 20 };
      raw.push(plugInGain({ ...input, biasCorrection: false }).gain);
      corrected.push(plugInGain(input).gain);
    }
    const summary = (v: number[]) => {
      const mean = v.reduce((a, b) => a + b, 0) / v.length;
      const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1));
      return { mean, se: sd / Math.sqrt(v.length) };
    };
    const truth = exact(1, 20).gain;
    const c = summary(corrected);
    testing.expectWithinSe(c.mean, truth, c.se, MC_Z, 'corrected plug-in');
    const r = summary(raw);
    expect(Math.abs(r.mean - truth) / r.se).toBeGreaterThan(MC_Z);
  });

  it('rejects mismatched teacher columns and too few rows', () => {
    const y2 = hstack([Matrix.column(big.y.subarray(0, 50)), Matrix.column(big.y.subarray(0, 50))]);
    expect(() =>
      plugInGain({ student: big.x2.rowRange(0, 50), labels: y2, teacher: { predictions: bigT.subarray(0, 50) }, lambda: 1 }),
    ).toThrow(/output columns/);
    expect(() => plugInGain({ student: big.x2.rowRange(0, 4), labels: big.y.subarray(0, 4), teacher: { predictions: bigT.subarray(0, 4) }, lambda: 1 })).toThrow(
      InvalidInputError,
    );
  });
});
