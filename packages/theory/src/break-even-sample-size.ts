/**
 * The training size at which KD stops helping, for a fixed λ. Writing the gain as
 *
 *   G = a [k (2(Var e_y − C) − a D) − a B]
 *
 * (a = λ/(1+λ), k the OLS variance factor, decreasing in n), KD helps iff k > k* = aB / (2(Var e_y − C) − aD)
 * when the bracket's first factor is positive: below the break-even n*, never above it. The CCH
 * margin contains neither λ nor n, which is why it cannot decide this sign on its own.
 */
import { checkInteger } from '@cch-lab/core';
import { checkLambda, resolvePopulation } from './exact-risk.js';
import type { KdRiskModel } from './exact-risk.js';
import { blendWeight, residualDifferenceVariance } from './risk-terms.js';

/** How the sign of R0 − R(λ) depends on n at fixed λ and p. */
export const SAMPLE_SIZE_REGIMES = ['helps-below', 'helps-every-n', 'never-helps', 'no-effect'] as const;
export type SampleSizeRegime = (typeof SAMPLE_SIZE_REGIMES)[number];

export interface BreakEvenSampleSize {
  /** helps-below: KD helps for n < n* and hurts above; the others hold for every n > p + 1. */
  regime: SampleSizeRegime;
  /** The variance factor k* at which the gain is 0 (null unless regime is helps-below). */
  varianceFactor: number | null;
  /** n* (real-valued; null unless regime is helps-below). */
  n: number | null;
  /** n* / p. */
  nOverP: number | null;
  lambda: number;
  p: number;
  intercept: boolean;
}

/**
 * The training size n* at which the sign of R(λ) − R0 flips for the given λ (closed form).
 * @throws InvalidInputError on a bad λ, p or model.
 */
export function kdBreakEvenSampleSize(
  input: KdRiskModel & { lambda: number; p?: number; intercept?: boolean },
): BreakEvenSampleSize {
  const where = 'kdBreakEvenSampleSize';
  const lambda = checkLambda(input.lambda, where);
  const population = resolvePopulation(input);
  const p = input.p === undefined ? population.p : checkInteger(input.p, 'p', { min: 1 }, { where });
  const intercept = input.intercept ?? false;
  const a = blendWeight(lambda);
  const base = { lambda, p, intercept };
  const drive = 2 * (population.varEy - population.covEyEt) - a * residualDifferenceVariance(population);
  const bias = a * population.biasDistance;

  const none = { varianceFactor: null, n: null, nOverP: null };
  if (a === 0 || (drive === 0 && bias === 0)) return { regime: 'no-effect', ...none, ...base };
  if (drive <= 0) return { regime: 'never-helps', ...none, ...base };
  if (bias === 0) return { regime: 'helps-every-n', ...none, ...base };
  const kStar = bias / drive;
  const n = sampleSizeForFactor(kStar, p, intercept);
  return { regime: 'helps-below', varianceFactor: kStar, n, nOverP: n / p, ...base };
}

/** Inverts k(n) (see kdVarianceFactor) on n > p + 1 (p + 2 with intercept), where it falls from ∞ to 0. */
function sampleSizeForFactor(k: number, p: number, intercept: boolean): number {
  if (!intercept) return p + 1 + p / k;
  // k n² − (k(p+2) + p + 1) n + 2 = 0; the larger root is the one above p + 2.
  const b = k * (p + 2) + p + 1;
  return (b + Math.sqrt(b * b - 8 * k)) / (2 * k);
}
