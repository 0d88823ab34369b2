/** How the text readers decide what a cell holds. */

/** Cell texts read as a missing value (compared trimmed and lower-cased). */
export const MISSING_TOKENS: ReadonlySet<string> = new Set(['', 'nan', 'na', 'n/a', 'null', 'none']);

/** Comma thousands separators: 1,234 / -12,345,678.25 / 1,234.5e3 (no leading zero, groups of three). */
const THOUSANDS = /^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d*)?(?:[eE][+-]?\d+)?$/;
/** A number written with a decimal comma: 1,5 / -0,25 / ,5 (and not a thousands-separated number). */
const DECIMAL_COMMA = /^[+-]?\d*,\d+(?:[eE][+-]?\d+)?$/;

/**
 * The number a cell holds: a finite number (comma thousands separators allowed, as a quoted
 * "1,234.5" in a CSV file); NaN when the cell marks a missing value (empty, NaN, NA, N/A, null,
 * none); undefined when it is neither (text, infinities, hex literals, decimal commas — see
 * isDecimalComma).
 */
export function parseNumberCell(cell: string): number | undefined {
  const v = Number(cell);
  if (Number.isFinite(v)) {
    const t = cell.trim();
    if (t === '') return Number.NaN;
    // Number() also takes 0x / 0b / 0o literals, which no numeric data file means.
    if (t.length > 2 && t.charCodeAt(0) === 48 && /[xXbBoO]/.test(t[1])) return undefined;
    return v;
  }
  const t = cell.trim();
  if (t.includes(',') && THOUSANDS.test(t)) return Number(t.replaceAll(',', ''));
  return MISSING_TOKENS.has(t.toLowerCase()) ? Number.NaN : undefined;
}

/**
 * True when a cell is a number written with a decimal comma ("1,5", "-0,25"), which the readers
 * refuse rather than guess; a thousands-separated number ("1,234.5", "1,234") is not one.
 */
export function isDecimalComma(cell: string): boolean {
  const t = cell.trim();
  return DECIMAL_COMMA.test(t) && !THOUSANDS.test(t);
}
