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
  if (total === 0) return [0, 1];
  const p = successes / total;
  const z2 = z * z;
  const denominator = 1 + z2 / total;
  const centre = (p + z2 / (2 * total)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
