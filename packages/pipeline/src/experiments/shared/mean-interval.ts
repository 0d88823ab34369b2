/**
 * The mean of a few repeats with its standard error and a Student-t interval: how every
 * "mean ± uncertainty over repeats" in the experiments is computed.
 */
import { InvalidInputError, checkNumber } from '@cch-lab/core';
import { studentTCriticalValue } from './student-t.js';

export interface MeanInterval {
  /** Number of values. */
  count: number;
  mean: number;
  /** Sample standard deviation (denominator count − 1; 0 for one value). */
  sd: number;
  /** sd / √count; NaN for one value (no spread can be estimated). */
  se: number;
  /** mean ∓ t_{(1+level)/2, count−1} · se; NaN for one value. */
  low: number;
  high: number;
  level: number;
}

/**
 * Mean, sd, standard error and the two-sided Student-t interval at `level` (default 0.95).
 * @throws InvalidInputError for no values or a non-finite one.
 */
export function meanInterval(values: readonly number[], level = 0.95): MeanInterval {
  checkNumber(level, 'level', { min: 1e-12, max: 1 - 1e-12 }, { where: 'meanInterval' });
  if (values.length === 0) {
    throw new InvalidInputError('meanInterval: needs at least one value', { details: { field: 'values', received: '[]' } });
  }
  let sum = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) {
      throw new InvalidInputError('meanInterval: non-finite value', { details: { field: 'values', received: String(v) } });
    }
    sum += v;
  }
  const count = values.length;
  const mean = sum / count;
  if (count < 2) return { count, mean, sd: 0, se: Number.NaN, low: Number.NaN, high: Number.NaN, level };
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  const sd = Math.sqrt(ss / (count - 1));
  const se = sd / Math.sqrt(count);
  const t = studentTCriticalValue(level, count - 1);
  return { count, mean, sd, se, low: mean - t * se, high: mean + t * se, level };
}
