/**
 * The KD weight that minimises the exact risk, in closed form. R is a quadratic in a = λ/(1+λ)
 * with curvature B + kD and slope −2k(Var e_y − C) at a = 0 (see risk-terms.ts), so
 *
 *   a* = k (Var e_y − C) / (B + k D),   clipped to [0, 1];   λ* = a* / (1 − a*),
 *
 * and the gain is positive exactly for 0 < a < 2a*, i.e. for λ below the break-even weight.
 */
import { blendWeight, gainAt, lambdaFromBlend, residualDifferenceVariance, riskParts } from './risk-terms.js';
import { resolvePopulation, resolveShape } from './exact-risk.js';
import type { KdRiskModel, KdTrainingShape } from './exact-risk.js';

/** How the gain behaves as λ grows from 0 at fixed n and p. */
export const LAMBDA_REGIMES = ['never-helps', 'helps-small-lambda', 'helps-every-lambda', 'no-effect'] as const;
export type LambdaRegime = (typeof LAMBDA_REGIMES)[number];

export interface OptimalKdLambda {
  /** λ* minimising R(λ); 0 when KD cannot help, `Infinity` when imitating the teacher alone is best. */
  lambda: number;
  /** a* = λ* / (1 + λ*). */
  blend: number;
  /** R(λ*). */
  risk: number;
  /** R0. */
  riskNoKd: number;
  /** R0 − R(λ*) ≥ 0: the most KD can gain at this n and p. */
  gain: number;
  /** KD helps for 0 < λ < breakEvenLambda; 0 when it never helps, `Infinity` when it helps for every λ. */
  breakEvenLambda: number;
  regime: LambdaRegime;
  n: number;
  p: number;
  intercept: boolean;
}

/**
 * The λ that minimises the exact KD risk for training size n (closed form), with the break-even
 * weight below which KD helps.
 * @throws InvalidInputError as `exactKdRisk`.
 */
export function optimalKdLambda(input: KdRiskModel & KdTrainingShape): OptimalKdLambda {
  const population = resolvePopulation(input);
  const { n, p, intercept, k } = resolveShape(input, population, 'optimalKdLambda');
  const slope = 2 * k * (population.varEy - population.covEyEt);
  const curvature = population.biasDistance + k * residualDifferenceVariance(population);

  let blend: number;
  let breakEvenLambda: number;
  let regime: LambdaRegime;
  if (slope <= 0) {
    blend = 0;
    breakEvenLambda = 0;
    regime = slope === 0 && curvature === 0 ? 'no-effect' : 'never-helps';
  } else if (curvature <= 0 || slope >= curvature) {
    // G(a) > 0 on all of (0, 1]: the zero crossing 2a* = slope/curvature lies at or beyond a = 1.
    blend = curvature <= 0 ? 1 : Math.min(1, slope / (2 * curvature));
    breakEvenLambda = Number.POSITIVE_INFINITY;
    regime = 'helps-every-lambda';
  } else {
    blend = slope / (2 * curvature);
    breakEvenLambda = lambdaFromBlend(slope / curvature);
    regime = 'helps-small-lambda';
  }
  const lambda = lambdaFromBlend(blend);
  const risk = riskParts(population, blendWeight(lambda), k).risk;
  return {
    lambda,
    blend,
    risk,
    riskNoKd: riskParts(population, 0, k).risk,
    gain: gainAt(population, blend, k),
    breakEvenLambda,
    regime,
    n,
    p,
    intercept,
  };
}
