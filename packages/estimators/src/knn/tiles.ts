/**
 * Tiling of the pairwise loop for the brute force: rows are cut into tiles that fit in cache, the
 * upper triangle of tile pairs (a ≤ b) is walked row by row, and it is cut into `parts`
 * contiguous ranges of near-equal size — one per worker or in-thread chunk.
 */

/** Bytes of coordinates per tile: two tiles fit in a 512 KB L2 with room to spare. */
const TILE_BYTES = 96 * 1024;

/** Rows per tile for a given dimension. */
export function tileRows(dim: number): number {
  return Math.max(16, Math.min(512, Math.floor(TILE_BYTES / (8 * dim))));
}

/** The tile pairs (a ≤ b) of one part, as [first, last) indices into the row-major upper triangle. */
export function tilePairRange(n: number, dim: number, part: number, parts: number): { tiles: number; first: number; last: number } {
  const tiles = Math.ceil(n / tileRows(dim));
  const total = (tiles * (tiles + 1)) / 2;
  return { tiles, first: Math.floor((total * part) / parts), last: Math.floor((total * (part + 1)) / parts) };
}

/** The tile pairs (a, b), a ≤ b, of one part, flattened as [a0, b0, a1, b1, …]. */
export function tilePairs(n: number, dim: number, part: number, parts: number): Int32Array {
  const { tiles, first, last } = tilePairRange(n, dim, part, parts);
  const out = new Int32Array(2 * (last - first));
  // Walk the upper triangle row by row: pair index t ↔ (a, b) with a ≤ b.
  let t = 0;
  let w = 0;
  for (let a = 0; a < tiles && t < last; a++) {
    const rowLength = tiles - a;
    if (t + rowLength <= first) {
      t += rowLength;
      continue;
    }
    for (let b = a; b < tiles && t < last; b++, t++) {
      if (t < first) continue;
      out[w++] = a;
      out[w++] = b;
    }
  }
  return out;
}
