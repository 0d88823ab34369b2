/** How the text readers decide what a cell holds. */

/** Cell texts read as a missing value (compared trimmed and lower-cased). */
export const MISSING_TOKENS: ReadonlySet<string> = new Set(['', 'nan', 'na', 'n/a', 'null', 'none']);

/**
 * The number a cell holds: a finite number; NaN when the cell marks a missing value (empty, NaN,
 * NA, N/A, null, none); undefined when it is neither (text, infinities, hex literals).
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
  return MISSING_TOKENS.has(cell.trim().toLowerCase()) ? Number.NaN : undefined;
}
