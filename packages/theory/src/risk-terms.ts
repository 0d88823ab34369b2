/**
 * The exact KD risk as a quadratic in the blend weight a = λ/(1+λ) ∈ [0, 1] (DERIVATION.md):
 *
 *   R(a) = Var(e_y) + a² B + k · σ_z²(a),   σ_z²(a) = (1−a)² Var(e_y) + 2a(1−a) C + a² Var(e_t),
 *
 * with B = ‖v − w*‖²_Σ22, C = Cov(e_y, e_t) and k the variance factor of OLS on Gaussian rows.
 * Hence the gain G(a) = R(0) − R(a) = a · [2k(Var e_y − C) − a(B + k·D)], D = Var(e_y − e_t).
 * Everything here is a private worker: inputs are already checked.
 */
import { InvalidInputError, checkInteger } from '@cch-lab/core';
import type { KdPopulation } from './kd-population.js';

/** The parts of R(a); `risk` = irreducible + bias + variance. */
export interface RiskParts {
  /** Var(e_y): no linear student beats it. */
  irreducible: number;
  /** a² ‖v − w*‖²_Σ22: the cost of pulling the fit towards the teacher's projection. */
  bias: number;
  /** k σ_z²(a): the finite-sample estimation error. */
  variance: number;
  /** σ_z²(a) = Var(e_z), the noise of the blended target around its best linear fit. */
  residualVariance: number;
  risk: number;
}

/**
 * k(n, p): E[δ'Σ22 δ] / σ² for the OLS error δ on n Gaussian rows with p features:
 * p/(n−p−1) without intercept (E[(X'X)⁻¹] = Σ⁻¹/(n−p−1)); with an intercept fitted on centred
 * rows, 1/n + p/(n−p−2) + p/(n(n−p−2)) = (n(p+1) − 2)/(n(n−p−2)).
 * @throws InvalidInputError when n is too small for the expectation to exist (n ≤ p+1, or p+2).
 */
export function kdVarianceFactor(n: number, p: number, intercept = false): number {
  checkInteger(p, 'p', { min: 1 }, { where: 'kdVarianceFactor' });
  const minN = intercept ? p + 3 : p + 2;
  if (!Number.isInteger(n) || n < minN) {
    throw new InvalidInputError(
      `the expected OLS risk is finite only for n > p + ${intercept ? 2 : 1}; need an integer n ≥ ${minN} for p = ${p}${intercept ? ' with an intercept' : ''}`,
      { details: { field: 'n', received: String(n) }, hint: 'use more training rows or fewer student features' },
    );
  }
  return intercept ? (n * (p + 1) - 2) / (n * (n - p - 2)) : p / (n - p - 1);
}

/** a = λ/(1+λ); λ = ∞ gives 1 (the student fits the teacher alone). */
export function blendWeight(lambda: number): number {
  return lambda === Number.POSITIVE_INFINITY ? 1 : lambda / (1 + lambda);
}

/** λ = a/(1−a); a = 1 gives ∞. */
export function lambdaFromBlend(a: number): number {
  return a >= 1 ? Number.POSITIVE_INFINITY : a / (1 - a);
}

/** R(a) and its parts for variance factor k. */
export function riskParts(pop: KdPopulation, a: number, k: number): RiskParts {
  const b = 1 - a;
  const residualVariance = Math.max(0, b * b * pop.varEy + 2 * a * b * pop.covEyEt + a * a * pop.varEt);
  const bias = a * a * pop.biasDistance;
  const variance = k * residualVariance;
  return { irreducible: pop.varEy, bias, variance, residualVariance, risk: pop.varEy + bias + variance };
}

/** Var(e_y − e_t) = D, floored at 0 against rounding. */
export function residualDifferenceVariance(pop: KdPopulation): number {
  return Math.max(0, pop.varEy - 2 * pop.covEyEt + pop.varEt);
}

/** The gain G(a) = a [2k(Var e_y − C) − a(B + kD)] without cancellation from R0 − R(a). */
export function gainAt(pop: KdPopulation, a: number, k: number): number {
  if (a === 0) return 0;
  const curvature = pop.biasDistance + k * residualDifferenceVariance(pop);
  return a * (2 * k * (pop.varEy - pop.covEyEt) - a * curvature);
}
