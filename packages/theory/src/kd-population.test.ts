import { InvalidInputError, Matrix, createRng, solveSpdVector, testing } from '@cch-lab/core';
import { gaussianMiFromCorrelation } from './gaussian-mi.js';
import { kdMomentsFromCovariance } from './kd-moments.js';
import { kdPopulation } from './kd-population.js';
import { latentModel } from './testing-fixtures/latent-model.js';
import { randomTestModel } from './testing-fixtures/gaussian-model.js';

/** Float64 closed forms vs hand-derived values. */
const EXACT = { rtol: 1e-12, atol: 1e-14 };

describe('theory/kd-population', () => {
  const coefficients = { rho: 0.7, cs: 0.5, cr: 0.3, ce: 0.4 };
  const model = latentModel(coefficients);
  const pop = kdPopulation({ covariance: model.covariance, dims: model.dims, teacherWeights: model.populationTeacher });

  it('finds w*, v and the residual moments of the latent model', () => {
    const e = model.expected;
    testing.expectArraysClose(pop.wStar, e.wStar, EXACT, 'w*');
    testing.expectArraysClose(pop.v, e.v, EXACT, 'v');
    testing.expectClose(pop.varEy, e.varEy, EXACT, 'Var e_y');
    testing.expectClose(pop.varEt, e.varEt, EXACT, 'Var e_t');
    testing.expectClose(pop.covEyEt, e.covEyEt, EXACT, 'Cov(e_y, e_t)');
    testing.expectClose(pop.biasDistance, e.biasDistance, EXACT, '‖v − w*‖²');
  });

  it('gives both CCH sides and the margin', () => {
    const e = model.expected;
    testing.expectClose(pop.teacherStudentCorrelation, e.teacherStudentCorrelation, EXACT);
    testing.expectClose(pop.studentLabelCorrelation, coefficients.rho, EXACT);
    testing.expectClose(pop.studentLabelMi, gaussianMiFromCorrelation(coefficients.rho), EXACT);
    testing.expectClose(pop.teacherStudentMi, gaussianMiFromCorrelation(coefficients.cs), EXACT);
    testing.expectClose(pop.margin, e.margin, EXACT, 'margin');
    testing.expectClose(pop.teacherLabelCorrelation, e.q, EXACT, 'teacher quality');
  });

  it('accepts moments directly and agrees with the covariance form', () => {
    const moments = kdMomentsFromCovariance(model.covariance, model.dims, model.populationTeacher);
    const again = kdPopulation({ moments });
    testing.expectClose(again.margin, pop.margin, EXACT);
    testing.expectClose(again.biasDistance, pop.biasDistance, EXACT);
  });

  it('uses the population teacher Σ11⁻¹Σ13 on a dense random model consistently', () => {
    const dense = randomTestModel(3, 4, createRng('kd-population/dense'));
    const dp = kdPopulation({ covariance: dense.covariance, dims: dense.dims, teacherWeights: dense.populationTeacher });
    testing.expectArraysClose(dp.wStar, solveSpdVector(dense.sigma22, dense.sigma23), EXACT, 'w*');
    // With the population teacher, e_y ⟂ x1 implies Cov(y, t) = Var(t).
    testing.expectClose(dp.teacherLabelCorrelation, Math.sqrt(dp.varT / dp.varY), EXACT);
  });

  it('gives zero correlations for a zero teacher instead of NaN', () => {
    const zero = kdPopulation({ covariance: model.covariance, dims: model.dims, teacherWeights: [0, 0] });
    expect(zero.teacherStudentCorrelation).toBe(0);
    expect(zero.teacherStudentMi).toBe(0);
    testing.expectClose(zero.margin, -zero.studentLabelMi, EXACT);
  });

  it('rejects a covariance of the wrong size and teacher weights of the wrong length', () => {
    expect(() => kdPopulation({ covariance: Matrix.zeros(5, 5), dims: model.dims, teacherWeights: [1, 0] })).toThrow(InvalidInputError);
    expect(() => kdPopulation({ covariance: model.covariance, dims: model.dims, teacherWeights: [1] })).toThrow(/length p1 = 2/);
  });
});
