/**
 * Two-sided critical values of Student's t for integer degrees of freedom, for intervals over a
 * handful of repeats (a normal 1.96 would claim far too much certainty from 2–5 repeats).
 *
 * P(|T| ≤ t) has a finite closed form for integer ν (Abramowitz & Stegun 26.7.3–26.7.4): with
 * θ = atan(t/√ν), odd ν: (2/π)[θ + sin θ (cos θ + (2/3) cos³θ + … )], even ν: sin θ [1 + ½ cos²θ
 * + (1·3)/(2·4) cos⁴θ + …]. It rises monotonically in t, so bisection inverts it to any accuracy.
 */
import { checkInteger, checkNumber } from '@cch-lab/core';

/** Bisection steps: the bracket [0, 1e6] shrinks below 1e-12 after ~60 halvings. */
const BISECTION_STEPS = 80;

/**
 * The t with P(|T_ν| ≤ t) = level, for ν = `df` ≥ 1 (e.g. level 0.95, df 1 → 12.706).
 * @throws InvalidInputError for a level outside (0, 1) or a non-integer df < 1.
 */
export function studentTCriticalValue(level: number, df: number): number {
  checkNumber(level, 'level', { min: 1e-12, max: 1 - 1e-12 }, { where: 'studentTCriticalValue' });
  checkInteger(df, 'df', { min: 1 }, { where: 'studentTCriticalValue' });
  let lo = 0;
  let hi = 1e6;
  for (let i = 0; i < BISECTION_STEPS; i++) {
    const mid = 0.5 * (lo + hi);
    if (studentTCentralProbability(mid, df) < level) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** P(|T_ν| ≤ t) for t ≥ 0 and integer ν ≥ 1 (A&S 26.7.3–4). */
export function studentTCentralProbability(t: number, df: number): number {
  const theta = Math.atan(t / Math.sqrt(df));
  const s = Math.sin(theta);
  const c2 = Math.cos(theta) ** 2;
  if (df % 2 === 1) {
    if (df === 1) return (2 / Math.PI) * theta;
    // cos θ · Σ_{j=0}^{(ν−3)/2} [2·4···2j / (1·3···(2j+1))] cos^{2j}θ
    let term = Math.cos(theta);
    let sum = term;
    for (let j = 1; j <= (df - 3) / 2; j++) {
      term *= ((2 * j) / (2 * j + 1)) * c2;
      sum += term;
    }
    return (2 / Math.PI) * (theta + s * sum);
  }
  // Σ_{j=0}^{(ν−2)/2} [1·3···(2j−1) / (2·4···2j)] cos^{2j}θ
  let term = 1;
  let sum = 1;
  for (let j = 1; j <= (df - 2) / 2; j++) {
    term *= ((2 * j - 1) / (2 * j)) * c2;
    sum += term;
  }
  return s * sum;
}
