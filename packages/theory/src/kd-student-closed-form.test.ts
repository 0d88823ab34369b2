import { InvalidInputError, Matrix, createRng, testing } from '@cch-lab/core';
import { kdStudentClosedForm, kdStudentDirect, kdStudentPath } from './kd-student-closed-form.js';

/** Two float64 solves of the same normal equations (p = 4, well conditioned). */
const SOLVES_AGREE = { atol: 1e-10, rtol: 1e-10 };
/** The KD objective's gradient at its minimiser, relative to the size of X'y. */
const GRADIENT_ZERO = { atol: 1e-9 };

function data(n: number, p: number, seed: string) {
  const rng = createRng(seed);
  const x2 = Matrix.zeros(n, p);
  for (let k = 0; k < x2.data.length; k++) x2.data[k] = rng.normal() + 0.3;
  const y = Float64Array.from({ length: n }, (_, i) => x2.get(i, 0) - 0.5 * x2.get(i, 2) + rng.normal() + 1);
  const t = Float64Array.from({ length: n }, (_, i) => 0.8 * x2.get(i, 0) + 0.4 * x2.get(i, 1) + 0.5 * rng.normal());
  return { x2, y, t };
}

describe('theory/kd-student-closed-form', () => {
  const { x2, y, t } = data(50, 4, 'closed-form');

  for (const intercept of [false, true]) {
    it(`blends the two fits exactly like the direct solve (intercept ${intercept})`, () => {
      for (const lambda of [0, 0.3, 2, 25]) {
        const blend = kdStudentClosedForm(x2, y, t, lambda, { intercept });
        const direct = kdStudentDirect(x2, y, t, lambda, { intercept });
        testing.expectArraysClose(blend.weights, direct.weights, SOLVES_AGREE, `ŵ(${lambda})`);
        testing.expectClose(blend.bias, direct.bias, SOLVES_AGREE, `bias(${lambda})`);
      }
    });
  }

  it('sets the gradient of Σ(y − w′x)² + λΣ(w′x − t)² to zero', () => {
    const lambda = 0.7;
    const { weights } = kdStudentClosedForm(x2, y, t, lambda);
    const grad = new Float64Array(4);
    for (let i = 0; i < x2.rows; i++) {
      let pred = 0;
      for (let j = 0; j < 4; j++) pred += weights[j] * x2.get(i, j);
      const r = -2 * (y[i] - pred) + 2 * lambda * (pred - t[i]);
      for (let j = 0; j < 4; j++) grad[j] += r * x2.get(i, j);
    }
    testing.expectArraysClose(grad, [0, 0, 0, 0], GRADIENT_ZERO, 'gradient');
  });

  it('returns the label fit at λ = 0 and the teacher fit at λ = ∞', () => {
    const fit = kdStudentClosedForm(x2, y, t, 0);
    testing.expectArraysClose(fit.weights, fit.labelFit.weights, { atol: 0 });
    const imitation = kdStudentClosedForm(x2, y, t, Number.POSITIVE_INFINITY, { intercept: true });
    testing.expectArraysClose(imitation.weights, imitation.teacherFit.weights, { atol: 0 });
    expect(imitation.bias).toBe(imitation.teacherFit.bias);
  });

  it('gives the same ŵ(λ) along a λ path as one λ at a time, from one pair of fits', () => {
    const lambdas = [0, 0.2, 3, Number.POSITIVE_INFINITY];
    const path = kdStudentPath(x2, y, t, lambdas, { intercept: true });
    lambdas.forEach((lambda, i) => {
      const single = kdStudentClosedForm(x2, y, t, lambda, { intercept: true });
      testing.expectArraysClose(path.students[i].weights, single.weights, { atol: 0 }, `ŵ(${lambda})`);
      expect(path.students[i].bias).toBe(single.bias);
      expect(path.students[i].labelFit).toBe(path.labelFit);
    });
    expect(() => kdStudentPath(x2, y, t, [0.5, -1])).toThrow(/kdStudentPath: the KD weight/);
  });

  it('rejects misaligned rows, too few rows and an infinite λ in the direct solve', () => {
    expect(() => kdStudentClosedForm(x2, y.subarray(1), t, 1)).toThrow(InvalidInputError);
    expect(() => kdStudentClosedForm(x2.rowRange(0, 3), y.subarray(0, 3), t.subarray(0, 3), 1)).toThrow(/at least 4 rows/);
    expect(() => kdStudentDirect(x2, y, t, Number.POSITIVE_INFINITY)).toThrow(/finite/);
  });
});
