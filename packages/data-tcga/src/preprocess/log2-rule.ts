/**
 * The log2 'auto' rule: data that are non-negative with a maximum above COUNTS_MIN_MAX are read as
 * counts (RSEM, FPKM, TPM) and get log2(x + 1). Logged expression (Xena's HiSeqV2 is
 * log2(RSEM + 1)) stays below ~25 — 2^25 is 3·10^7 normalised counts — so the rule never fires on
 * it; GISTIC (−2…2) and RPPA (centred, with negatives) are never non-negative. A file the loader
 * knows to be logged (`log2Hint` 'already-logged') is never logged again.
 */

/** A maximum above this, with no negative value, marks counts. */
export const COUNTS_MIN_MAX = 100;

/** True when values with this minimum and maximum look like unlogged counts. */
export function looksLikeCounts(min: number, max: number): boolean {
  return min >= 0 && max > COUNTS_MIN_MAX;
}

/** Minimum and maximum of the finite values in `data` whose `mask` entry is 0, over the given rows (all rows when omitted). */
export function observedRange(
  data: ArrayLike<number>,
  cols: number,
  mask: Uint8Array | undefined,
  rows?: ArrayLike<number>,
): { min: number; max: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const visit = (base: number): void => {
    for (let j = 0; j < cols; j++) {
      const k = base + j;
      if (mask !== undefined && mask[k] === 1) continue;
      const v = data[k];
      if (!Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  };
  if (rows === undefined) for (let base = 0; base < data.length; base += cols) visit(base);
  else for (let p = 0; p < rows.length; p++) visit(rows[p] * cols);
  return { min, max };
}
