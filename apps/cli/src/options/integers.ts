/** Integer options (`--k`, `--shuffles`, `--subsamples`, `--epochs`, …) and `--seed`, as commander passes them: strings. */
import { checkInteger } from '@cch-lab/core';

/** Commander passes option values as strings; integers are checked by the caller. */
export function toInt(value: number | string): number {
  return typeof value === 'number' ? value : /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
}

/**
 * An integer option in `range`, named `flag` in the error.
 * @throws InvalidInputError when the value is not an integer in range.
 */
export function parseIntegerOption(value: number | string, flag: string, range: { min?: number; max?: number }, where: string): number {
  return checkInteger(toInt(value), flag, range, { where });
}

/** A seed: a non-negative integer or any other text (hashed by createRng). */
export function parseSeed(value: number | string): number | string {
  if (typeof value === 'number') return value;
  return /^\d+$/.test(value.trim()) ? Number(value) : value;
}
