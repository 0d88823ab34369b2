import { InvalidInputError, Matrix, cholesky, covariance, createRng, hstack, testing } from '@cch-lab/core';
import { exactKdRisk } from '@cch-lab/theory';
import { gaussianKdModel } from './gaussian-kd-model.js';
import type { GaussianKdModel } from './gaussian-kd-model.js';

/** Float64 closed forms of the construction vs the generic covariance computation. */
const EXACT = { rtol: 1e-10, atol: 1e-12 };
/** Per-entry z bound for ~2 × 10⁴ covariance entries: P(|Z| > 5) · 2·10⁴ ≈ 0.01 false alarms. */
const COVARIANCE_Z = 5;

/** Exact KD gain R0 − R(λ) of the model's teacher (theory's closed form). */
function exactGain(model: GaussianKdModel, lambda: number, n: number): number {
  return exactKdRisk({ moments: model.moments, lambda, n }).gain;
}

describe('data-synthetic/gaussian-kd-model', () => {
  it('builds a valid covariance whose analytic sides are the requested ones', () => {
    for (const margin of [-0.3, -0.1, 0, 0.2, 0.6]) {
      const model = gaussianKdModel({ margin, studentLabelMi: 0.4, privileged: 0.2, offTarget: 0.1 });
      expect(() => cholesky(model.covariance)).not.toThrow();
      testing.expectClose(model.sides.studentLabelMi, 0.4, EXACT, `I(w*'x2; y) at margin ${margin}`);
      testing.expectClose(model.sides.margin, margin, EXACT, 'margin');
      testing.expectClose(model.sides.teacherLabelCorrelation, model.coefficients.q, EXACT, 'teacher quality');
      testing.expectArraysClose(model.teacherWeights, model.populationTeacher, { atol: 0 });
    }
  });

  it('sweeps the margin monotonically in its parameter at constant I(w*′x2; y)', () => {
    const margins = [-0.34, -0.2, -0.1, 0, 0.1, 0.3, 0.5, 0.8];
    const models = margins.map((margin) => gaussianKdModel({ margin, privileged: 0.3 }));
    for (let i = 1; i < models.length; i++) {
      expect(models[i].sides.margin).toBeGreaterThan(models[i - 1].sides.margin);
      expect(models[i].coefficients.cs).toBeGreaterThan(models[i - 1].coefficients.cs);
      testing.expectClose(models[i].sides.studentLabelMi, models[0].sides.studentLabelMi, EXACT);
    }
  });

  it('solves c_ε from a requested teacher quality', () => {
    const model = gaussianKdModel({ margin: 0.1, teacherQuality: 0.8 });
    testing.expectClose(model.sides.teacherLabelCorrelation, 0.8, EXACT);
    testing.expectClose(model.sides.margin, 0.1, EXACT);
  });

  it('reaches KD gains of both signs at negative and at positive margins (λ and n/p decide)', () => {
    for (const margin of [-0.25, 0.5]) {
      const model = gaussianKdModel({ margin, privileged: 0.3 });
      expect(exactGain(model, 0.5, 300)).toBeGreaterThan(0); // n/p = 3: variance dominates
      expect(exactGain(model, 5, 100_000)).toBeLessThan(0); // n/p = 1000, large λ: bias dominates
    }
    // Paper size n = 10 000, p = 100, λ = 0.5: KD helps at this positive margin …
    expect(exactGain(gaussianKdModel({ margin: 0.2, privileged: 0.3 }), 0.5, 10_000)).toBeGreaterThan(0);
    // … a noise-amplifying teacher hurts at every λ and n at this negative margin …
    const amplifier = gaussianKdModel({ margin: -0.25, privileged: 0.9 });
    for (const lambda of [0.01, 0.5, 5]) expect(exactGain(amplifier, lambda, 150)).toBeLessThan(0);
    // … and a teacher scaled by 3 keeps the margin (correlations are scale-free) but hurts everywhere.
    const base = gaussianKdModel({ margin: 0.2, privileged: 0.3 });
    const loud = gaussianKdModel({ margin: 0.2, privileged: 0.3, teacherWeights: base.populationTeacher.map((w) => 3 * w) });
    testing.expectClose(loud.sides.margin, 0.2, EXACT);
    for (const lambda of [0.01, 0.5, 5]) expect(exactGain(loud, lambda, 150)).toBeLessThan(0);
  });

  it('is rotation invariant: random directions give the same sides and a dense covariance', () => {
    const axis = gaussianKdModel({ margin: 0.3, offTarget: 0.2, studentDims: 20, teacherDims: 15 });
    const random = gaussianKdModel({ margin: 0.3, offTarget: 0.2, studentDims: 20, teacherDims: 15, directions: 'random', rng: createRng('dirs') });
    testing.expectClose(random.sides.margin, axis.sides.margin, EXACT);
    testing.expectClose(random.sides.teacherLabelMi, axis.sides.teacherLabelMi, EXACT);
    const nonzero = random.covariance.data.filter((v) => v !== 0).length;
    expect(nonzero).toBeGreaterThan(15 * 20);
    expect(() => gaussianKdModel({ directions: 'random' })).toThrow(/needs an rng/);
  });

  it('computes the sides of a given teacher', () => {
    const base = gaussianKdModel({ margin: 0.3, studentDims: 10, teacherDims: 5 });
    const scaled = gaussianKdModel({ margin: 0.3, studentDims: 10, teacherDims: 5, teacherWeights: base.populationTeacher.map((w) => 3 * w) });
    testing.expectClose(scaled.sides.margin, base.sides.margin, EXACT);
    const noise = gaussianKdModel({ margin: 0.3, studentDims: 10, teacherDims: 5, teacherWeights: [0, 1, 0, 0, 0] });
    expect(noise.sides.teacherStudentMi).toBe(0);
    testing.expectClose(noise.sides.margin, -noise.sides.studentLabelMi, EXACT);
  });

  it('rejects infeasible settings with the feasible range', () => {
    expect(() => gaussianKdModel({ margin: 3, privileged: 0.3 })).toThrow(InvalidInputError);
    try {
      gaussianKdModel({ margin: 3, privileged: 0.3 });
    } catch (error) {
      expect((error as InvalidInputError).hint).toMatch(/margin must be ≤/);
    }
    expect(() => gaussianKdModel({ margin: -1 })).toThrow(/margin/);
    expect(() => gaussianKdModel({ teacherWeights: [1, 2] })).toThrow(/length p1/);
  });

  it('samples a PairedDataset at the paper size whose moments match Σ within sampling error', () => {
    const model = gaussianKdModel({ margin: 0.2, offTarget: 0.2, directions: 'random', rng: createRng('moments/dirs') });
    const ds = model.sample(10_000, createRng('moments'), { nTest: 0 });
    expect(ds.source).toBe('simulated');
    expect(ds.task).toBe('regression');
    expect(ds.modalities.x1.cols).toBe(100);
    expect(ds.modalities.x2.dtype).toBe('float32');
    expect(ds.splits.train.length).toBe(10_000);
    expect(ds.meta.requestedMargin).toBe(0.2);

    const rows = hstack([ds.modalities.x1, ds.modalities.x2, Matrix.column(ds.labels)]);
    const sample = covariance(rows);
    const d = model.covariance.rows;
    const n = ds.labels.length;
    let worst = 0;
    for (let i = 0; i < d; i++) {
      for (let j = 0; j <= i; j++) {
        const truth = model.covariance.data[i * d + j];
        const se = Math.sqrt((model.covariance.data[i * d + i] * model.covariance.data[j * d + j] + truth * truth) / n);
        worst = Math.max(worst, Math.abs(sample.data[i * d + j] - truth) / se);
      }
    }
    expect(worst).toBeLessThan(COVARIANCE_Z);
  });

  it('is deterministic in its rng and lays out train, val and test rows', () => {
    const model = gaussianKdModel({ studentDims: 4, teacherDims: 3 });
    const a = model.sample(50, createRng(7), { nTest: 20, nVal: 10 });
    const b = model.sample(50, createRng(7), { nTest: 20, nVal: 10 });
    const c = model.sample(50, createRng(8), { nTest: 20, nVal: 10 });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(Array.from(a.labels)).not.toEqual(Array.from(c.labels));
    expect(a.splits.val?.[0]).toBe(50);
    expect(a.splits.test[0]).toBe(60);
    expect(a.labels.length).toBe(80);
  });
});
