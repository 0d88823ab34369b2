/**
 * `--subsamples`: how many half-size subsamples an interval is taken from. One subsample gives a
 * zero-width interval, so a count is at least 2; where the interval is optional (`cch mi`), 0 turns it off.
 */
import { UsageError } from '@cch-lab/core';
import { toInt } from './integers.js';

/** The most subsamples any command draws. */
export const MAX_SUBSAMPLES = 10_000;

/**
 * `--subsamples` in [2, 10 000], or 0 when `off` is allowed.
 * @throws UsageError naming the flag, for 1, a negative count, too many, or anything but digits.
 */
export function parseSubsamples(value: number | string, where: string, options: { off?: boolean } = {}): number {
  const n = toInt(value);
  if (Number.isInteger(n) && ((n >= 2 && n <= MAX_SUBSAMPLES) || (n === 0 && options.off === true))) return n;
  const valid = `${options.off === true ? '0 (no interval) or ' : ''}a whole number from 2 to ${MAX_SUBSAMPLES}`;
  throw new UsageError(`${where}: --subsamples must be ${valid}, got ${String(value)}${n === 1 ? ': one subsample gives a zero-width interval' : ''}`, {
    details: { field: '--subsamples', received: String(value) },
  });
}
