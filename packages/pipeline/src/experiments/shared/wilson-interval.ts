/**
 * The Wilson score interval for a binomial proportion (Wilson 1927): unlike the normal
 * approximation it stays inside [0, 1] and keeps its coverage for small totals and for rates near
 * 0 or 1 — the regime of agreement rates over a few dozen settings.
 */
import { checkInteger, checkNumber } from '@cch-lab/core';

/** z for a two-sided 95 % interval. */
export const Z_95 = 1.959963984540054;

/**
 * [low, high] for `successes` of `total` at two-sided normal quantile `z` (default 95 %);
 * [0, 1] when total is 0 (nothing is known).
 * @throws InvalidInputError unless 0 ≤ successes ≤ total are integers and z > 0.
 */
export function wilsonInterval(successes: number, total: number, z: number = Z_95): [number, number] {
  const where = { where: 'wilsonInterval' };
  checkInteger(total, 'total', { min: 0 }, where);
  checkInteger(successes, 'successes', { min: 0, max: total }, where);
  checkNumber(z, 'z', { min: 1e-12 }, where);
  return wilsonIntervalAt(total === 0 ? 0 : successes / total, total, z);
}

/** The Wilson interval for a rate p over n trials, n possibly fractional (an effective sample size); [0, 1] for n ≤ 0. */
export function wilsonIntervalAt(p: number, n: number, z: number = Z_95): [number, number] {
  if (n <= 0) return [0, 1];
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
