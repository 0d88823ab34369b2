import { createRng, testing } from '@cch-lab/core';
import { exactKdRisk } from './exact-risk.js';
import { randomTestModel } from './testing-fixtures/gaussian-model.js';
import { monteCarloKdRisk } from './testing-fixtures/monte-carlo-risk.js';

/** Monte Carlo agreement, in standard errors: nine correlated comparisons per scenario, hence 3.5. */
const MC_Z = 3.5;

describe('theory/exact-risk (slow Monte Carlo)', () => {
  const scenarios = [
    { name: 'p = 20, n = 60, no intercept', p1: 6, p2: 20, n: 60, draws: 4000, intercept: false },
    { name: 'p = 20, n = 60, intercept', p1: 6, p2: 20, n: 60, draws: 4000, intercept: true },
    { name: 'p = 100, n = 300 (the paper’s p), no intercept', p1: 10, p2: 100, n: 300, draws: 400, intercept: false },
  ];
  const lambdas = [0, 0.2, 0.5, 0.8, 3];
  for (const s of scenarios) {
    it(s.name, () => {
      const model = randomTestModel(s.p1, s.p2, createRng(`exact-risk.slow/${s.name}`));
      const teacher = Float64Array.from(model.populationTeacher, (w, j) => w * 0.7 + (j % 3 === 0 ? 0.2 : 0));
      const mc = monteCarloKdRisk(model, teacher, lambdas, s.n, s.draws, createRng(`exact-risk.slow/mc/${s.name}`), s.intercept, 'closed-form');
      lambdas.forEach((lambda, i) => {
        const exact = exactKdRisk({ covariance: model.covariance, dims: model.dims, teacherWeights: teacher, lambda, n: s.n, intercept: s.intercept });
        testing.expectWithinSe(mc.risk[i].mean, exact.risk, mc.risk[i].se, MC_Z, `R(${lambda})`);
        if (lambda > 0) testing.expectWithinSe(mc.gain[i].mean, exact.gain, mc.gain[i].se, MC_Z, `gain(${lambda})`);
      });
    });
  }
});
