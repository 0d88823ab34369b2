/**
 * How numbers print in tables, summaries and provenance boxes. Plain text out (not yet escaped);
 * the caller escapes.
 */
import type { ColumnSpec } from '../contract.js';

/** What a missing value prints as: null, undefined and NaN (an estimator that failed, a skipped cell). */
export const MISSING = '—';

/** Digits after the point for `percent` when the column gives none. */
const PERCENT_DIGITS_DEFAULT = 1;
/** Significant digits for `number` when the column gives no `digits`. */
const SIGNIFICANT_DIGITS_DEFAULT = 3;
/** Outside [1e-3, 1e6) the default number format switches to exponent notation. */
const PLAIN_MIN = 1e-3;
const PLAIN_MAX = 1e6;

export type ValueFormat = NonNullable<ColumnSpec['format']>;

/**
 * Formats one value for display: numbers per `format` (`number`: `digits` after the point, or 3
 * significant digits by default; `integer`: rounded; `percent`: ×100 with `digits` after the point,
 * default 1, and a `%`; `text`: as is); null, undefined and NaN print as "—"; ±Infinity as "∞" /
 * "-∞"; strings and booleans as text whatever the format.
 */
export function formatValue(value: unknown, format: ValueFormat = 'number', digits?: number): string {
  if (value === null || value === undefined) return MISSING;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return MISSING;
    if (format === 'text') return String(value);
    if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
    switch (format) {
      case 'integer':
        return String(Math.round(value) + 0); // + 0 turns -0 into 0
      case 'percent':
        return `${(value * 100).toFixed(digits ?? PERCENT_DIGITS_DEFAULT)}%`;
      case 'number':
        return digits === undefined ? formatSignificant(value) : value.toFixed(digits);
    }
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value) ?? String(value);
}

/**
 * Three significant digits, keeping trailing zeros (`0.500`, `12.3`), whole numbers from 1000 up
 * (rounding 1234 to 1230 would read as a measured value), and exponent notation below 0.001 or
 * from a million up.
 */
export function formatSignificant(value: number, significant: number = SIGNIFICANT_DIGITS_DEFAULT): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude < PLAIN_MIN || magnitude >= PLAIN_MAX) return value.toExponential(significant - 1);
  if (magnitude >= 10 ** significant) return String(Math.round(value));
  const text = value.toPrecision(significant);
  // toPrecision rounds 999.7 up to "1.00e+3"; print such a value whole instead.
  return text.includes('e') ? String(Math.round(value)) : text;
}
