/**
 * The exact expected test risk of the KD student in the joint Gaussian model (REFERENCE.md §1;
 * derivation in packages/theory/DERIVATION.md). With the teacher w1 fixed (the population fit, or
 * one trained on data independent of the student's training rows), the KD student is OLS of x2 on
 * z = (y + λt)/(1+λ), and over training sets of n Gaussian rows
 *
 *   R(λ) = Var(e_y) + (λ/(1+λ))² ‖v − w*‖²_Σ22 + σ_z²(λ) · p/(n − p − 1),
 *   σ_z²(λ) = (Var e_y + 2λ Cov(e_y, e_t) + λ² Var e_t)/(1+λ)²,
 *
 * the risk measured against y on a fresh row. R0 = R(0) is plain OLS on the labels.
 */
import { InvalidInputError, checkInteger } from '@cch-lab/core';
import { kdPopulation } from './kd-population.js';
import type { KdModelInput, KdPopulation } from './kd-population.js';
import { blendWeight, gainAt, kdVarianceFactor, riskParts } from './risk-terms.js';
import type { RiskParts } from './risk-terms.js';

/** The model: moments, a block covariance with a teacher, or an already computed population. */
export type KdRiskModel = KdModelInput | { population: KdPopulation };

/** How the student is trained: sample size, dimension, intercept. */
export interface KdTrainingShape {
  /** Training rows n; must exceed p + 1 (p + 2 with an intercept). */
  n: number;
  /** Fitted slope coefficients; default the dimension of x2 in the model. */
  p?: number;
  /** Whether the student also fits an intercept on the (zero-mean) rows. Default false (the paper's model). */
  intercept?: boolean;
}

export type ExactKdRiskInput = KdRiskModel &
  KdTrainingShape & {
    /** KD weight λ ≥ 0; `Infinity` means the student fits the teacher's outputs alone. */
    lambda: number;
  };

export interface ExactKdRisk {
  lambda: number;
  n: number;
  p: number;
  intercept: boolean;
  /** a = λ/(1+λ), the weight of the teacher in the blended target. */
  blend: number;
  /** k = p/(n−p−1) (or the intercept version): multiplies σ_z² in the variance term. */
  varianceFactor: number;
  /** R(λ): expected squared error against y on a fresh row, averaged over training sets. */
  risk: number;
  /** R0 = R(0): the no-KD student. */
  riskNoKd: number;
  /** R0 − R(λ): positive when KD helps. */
  gain: number;
  /** (R0 − R(λ)) / R0. */
  relativeGain: number;
  /** Parts of R(λ). */
  kd: RiskParts;
  /** Parts of R0 (bias is 0). */
  noKd: RiskParts;
  population: KdPopulation;
}

/**
 * The exact expected test risk R(λ) of the KD student, R0, the gain R0 − R(λ) and their parts.
 * @throws InvalidInputError on a negative or NaN λ, n ≤ p + 1 (p + 2 with intercept), or bad moments.
 */
export function exactKdRisk(input: ExactKdRiskInput): ExactKdRisk {
  const lambda = checkLambda(input.lambda, 'exactKdRisk');
  const population = resolvePopulation(input);
  const { n, p, intercept, k } = resolveShape(input, population, 'exactKdRisk');
  const a = blendWeight(lambda);
  const kd = riskParts(population, a, k);
  const noKd = riskParts(population, 0, k);
  const gain = gainAt(population, a, k);
  return {
    lambda,
    n,
    p,
    intercept,
    blend: a,
    varianceFactor: k,
    risk: kd.risk,
    riskNoKd: noKd.risk,
    gain,
    relativeGain: noKd.risk > 0 ? gain / noKd.risk : 0,
    kd,
    noKd,
    population,
  };
}

/** The population from any model form (validates moments when it computes them). */
export function resolvePopulation(model: KdRiskModel): KdPopulation {
  return 'population' in model ? model.population : kdPopulation(model);
}

/** Checked n, p, intercept and the variance factor k. */
export function resolveShape(
  shape: KdTrainingShape,
  population: KdPopulation,
  where: string,
): { n: number; p: number; intercept: boolean; k: number } {
  const p = shape.p === undefined ? population.p : checkInteger(shape.p, 'p', { min: 1 }, { where });
  const intercept = shape.intercept ?? false;
  const n = checkInteger(shape.n, 'n', { min: 1 }, { where });
  return { n, p, intercept, k: kdVarianceFactor(n, p, intercept) };
}

/** λ must be ≥ 0 and not NaN; +∞ is allowed (the student imitates the teacher only). */
export function checkLambda(lambda: unknown, where: string): number {
  if (typeof lambda !== 'number' || Number.isNaN(lambda) || lambda < 0) {
    throw new InvalidInputError(`${where}: the KD weight λ must be a number ≥ 0 (Infinity allowed)`, {
      details: { field: 'lambda', received: String(lambda) },
    });
  }
  return lambda;
}
