/** Integer options (`--k`, `--shuffles`, `--subsamples`, `--epochs`, …) and `--seed`, as commander passes them: strings. */
import { UsageError } from '@cch-lab/core';

/** Commander passes option values as strings; integers are checked by the caller. Anything but digits (2.5, 1e12, 'ten') is NaN. */
export function toInt(value: number | string): number {
  return typeof value === 'number' ? value : /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
}

/**
 * An integer option in `range`, named `flag` in the error, which says what a valid value is and
 * repeats the text received: `cch mi: --k must be a whole number of at least 1, got 2.5`.
 * @throws UsageError when the value is not a whole number (in digits) in range.
 */
export function parseIntegerOption(value: number | string, flag: string, range: { min?: number; max?: number }, where: string): number {
  const n = toInt(value);
  const min = range.min ?? Number.MIN_SAFE_INTEGER;
  const max = Math.min(range.max ?? Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  if (Number.isSafeInteger(n) && n >= min && n <= max) return n;
  throw new UsageError(`${where}: ${flag} must be ${wholeNumberIn(range)}, got ${shown(value)}${whyNot(value, n)}`, {
    details: { field: flag, received: String(value) },
  });
}

/** "a whole number from 1 to 256", "a whole number of at least 1", "a whole number". */
export function wholeNumberIn(range: { min?: number; max?: number }): string {
  const { min, max } = range;
  if (min !== undefined && max !== undefined) return `a whole number from ${min} to ${max}`;
  if (min !== undefined) return `a whole number of at least ${min}`;
  if (max !== undefined) return `a whole number of at most ${max}`;
  return 'a whole number';
}

/** A seed: a non-negative integer or any other text (hashed by createRng). */
export function parseSeed(value: number | string): number | string {
  if (typeof value === 'number') return value;
  return /^\d+$/.test(value.trim()) ? Number(value) : value;
}

/** The value as typed; quoted when it would not read as one word. */
function shown(value: number | string): string {
  const text = String(value);
  return /^\S+$/.test(text) ? text : `'${text}'`;
}

/** A short reason when the text is a number but not one this option takes in its form. */
function whyNot(value: number | string, parsed: number): string {
  if (typeof value !== 'string' || !Number.isNaN(parsed)) {
    return Number.isInteger(parsed) && !Number.isSafeInteger(parsed) ? ' (too large)' : '';
  }
  const asNumber = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(asNumber)) return '';
  return Number.isInteger(asNumber) ? ' (write it in digits)' : '';
}
