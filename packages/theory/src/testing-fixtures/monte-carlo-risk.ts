/**
 * Monte Carlo of the KD student's test risk: draw a training set, fit the student by a direct
 * solve of (1+λ) X'X w = X'(y + λt), score it exactly on a fresh Gaussian row (a quadratic form,
 * no test sample). Test-only.
 */
import { cholesky, matVec } from '@cch-lab/core';
import type { Rng } from '@cch-lab/core';
import { kdStudentClosedForm, kdStudentDirect } from '../kd-student-closed-form.js';
import { sampleRows, splitRows, testRisk } from './gaussian-model.js';
import type { TestModel } from './gaussian-model.js';

export interface MonteCarloRisk {
  /** Mean risk and its standard error, per λ. */
  risk: { mean: number; se: number }[];
  /** Mean of the paired difference R0 − R(λ) per draw, and its standard error. */
  gain: { mean: number; se: number }[];
}

export function monteCarloKdRisk(
  model: TestModel,
  teacher: ArrayLike<number>,
  lambdas: readonly number[],
  n: number,
  draws: number,
  rng: Rng,
  intercept = false,
  fit: 'direct' | 'closed-form' = 'direct',
): MonteCarloRisk {
  const chol = cholesky(model.covariance);
  const { teacherDims: p1, studentDims: p2 } = model.dims;
  const sums = lambdas.map(() => ({ r: 0, r2: 0, g: 0, g2: 0 }));
  for (let d = 0; d < draws; d++) {
    const { x1, x2, y } = splitRows(sampleRows(chol, n, rng), p1, p2);
    const t = matVec(x1, teacher);
    const solve = fit === 'direct' ? kdStudentDirect : kdStudentClosedForm;
    const risks = lambdas.map((lambda) => {
      const w = solve(x2, y, t, lambda, { intercept });
      return testRisk(model, w.weights, w.bias);
    });
    const noKd = solve(x2, y, t, 0, { intercept });
    const r0 = testRisk(model, noKd.weights, noKd.bias);
    risks.forEach((r, i) => {
      const s = sums[i];
      s.r += r;
      s.r2 += r * r;
      s.g += r0 - r;
      s.g2 += (r0 - r) ** 2;
    });
  }
  const summarise = (sum: number, sum2: number) => {
    const mean = sum / draws;
    const sd = Math.sqrt(Math.max(0, (sum2 - draws * mean * mean) / (draws - 1)));
    return { mean, se: sd / Math.sqrt(draws) };
  };
  return { risk: sums.map((s) => summarise(s.r, s.r2)), gain: sums.map((s) => summarise(s.g, s.g2)) };
}
