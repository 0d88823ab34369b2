import { InvalidInputError, createRng, testing } from '@cch-lab/core';
import { exactKdRisk } from './exact-risk.js';
import { kdPopulation } from './kd-population.js';
import { kdVarianceFactor } from './risk-terms.js';
import { randomTestModel } from './testing-fixtures/gaussian-model.js';
import { latentModel } from './testing-fixtures/latent-model.js';
import { monteCarloKdRisk } from './testing-fixtures/monte-carlo-risk.js';

/** Float64 closed forms vs the same formula written another way. */
const EXACT = { rtol: 1e-12, atol: 1e-14 };
/** Monte Carlo agreement, in standard errors (several comparisons per model, fixed seeds). */
const MC_Z = 3;
/** Draws per Monte Carlo check: enough for SEs of a few percent of the variance term, under ~5 s. */
const DRAWS = 3000;

describe('theory/exact-risk', () => {
  const latent = latentModel({ rho: 0.7, cs: 0.5, cr: 0.3, ce: 0.4 });
  const model = { covariance: latent.covariance, dims: latent.dims, teacherWeights: latent.populationTeacher };

  it('matches R(λ) = Var e_y + (λ/(1+λ))² B + σ_z²(λ) p/(n−p−1) written out by hand', () => {
    const e = latent.expected;
    const n = 20;
    const p = 3;
    for (const lambda of [0, 0.3, 1, 7]) {
      const sz2 = (e.varEy + 2 * lambda * e.covEyEt + lambda * lambda * e.varEt) / (1 + lambda) ** 2;
      const expected = e.varEy + (lambda / (1 + lambda)) ** 2 * e.biasDistance + (sz2 * p) / (n - p - 1);
      const r = exactKdRisk({ ...model, lambda, n });
      testing.expectClose(r.risk, expected, EXACT, `R(${lambda})`);
      testing.expectClose(r.riskNoKd, (e.varEy * (n - 1)) / (n - p - 1), EXACT, 'R0');
      testing.expectClose(r.gain, r.riskNoKd - r.risk, { rtol: 1e-9, atol: 1e-14 }, 'gain');
      testing.expectClose(r.kd.irreducible + r.kd.bias + r.kd.variance, r.risk, EXACT, 'parts');
    }
  });

  it('reaches the pure-imitation limit at λ = ∞', () => {
    const e = latent.expected;
    const r = exactKdRisk({ ...model, lambda: Number.POSITIVE_INFINITY, n: 30 });
    testing.expectClose(r.risk, e.varEy + e.biasDistance + (e.varEt * 3) / 26, EXACT);
    expect(r.blend).toBe(1);
  });

  it('accepts a precomputed population and uses the intercept variance factor', () => {
    const population = kdPopulation(model);
    const r = exactKdRisk({ population, lambda: 0, n: 12, intercept: true });
    testing.expectClose(r.varianceFactor, 1 / 12 + 3 / 7 + 3 / (12 * 7), EXACT);
    testing.expectClose(kdVarianceFactor(12, 3, true), (12 * 4 - 2) / (12 * 7), EXACT);
  });

  it('rejects n ≤ p + 1, a negative λ and NaN', () => {
    expect(() => exactKdRisk({ ...model, lambda: 0.5, n: 4 })).toThrow(InvalidInputError);
    expect(() => exactKdRisk({ ...model, lambda: 0.5, n: 5, intercept: true })).toThrow(/n > p \+ 2/);
    expect(() => exactKdRisk({ ...model, lambda: -1, n: 30 })).toThrow(/λ/);
    expect(() => exactKdRisk({ ...model, lambda: Number.NaN, n: 30 })).toThrow(InvalidInputError);
  });

  describe('agrees with Monte Carlo over training sets (p = 5, n = 15)', () => {
    const lambdas = [0, 0.25, 1, 4];
    const n = 15;
    const dense = randomTestModel(3, 5, createRng('exact-risk/model'));
    const perturbed = Float64Array.from(dense.populationTeacher, (w, j) => w + (j % 2 === 0 ? 0.4 : -0.3));
    const cases = [
      { name: 'a perturbed teacher, no intercept', teacher: perturbed, intercept: false },
      { name: 'a perturbed teacher, with intercept', teacher: perturbed, intercept: true },
      { name: 'the population teacher, no intercept', teacher: dense.populationTeacher, intercept: false },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const mc = monteCarloKdRisk(dense, c.teacher, lambdas, n, DRAWS, createRng(`exact-risk/mc/${c.name}`), c.intercept);
        lambdas.forEach((lambda, i) => {
          const exact = exactKdRisk({ covariance: dense.covariance, dims: dense.dims, teacherWeights: c.teacher, lambda, n, intercept: c.intercept });
          testing.expectWithinSe(mc.risk[i].mean, exact.risk, mc.risk[i].se, MC_Z, `R(${lambda})`);
          if (lambda > 0) testing.expectWithinSe(mc.gain[i].mean, exact.gain, mc.gain[i].se, MC_Z, `gain(${lambda})`);
        });
      });
    }
  });
});
