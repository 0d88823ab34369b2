import { describe, expect, it } from '@jest/globals';
import { adjustmentLines, collectAdjustments } from './adjustments.js';
import type { CellRecord } from '../types.js';

const record = (id: string, adjustments?: unknown): CellRecord => ({ cell: { id, params: {} }, output: { rows: [], ...(adjustments !== undefined ? { meta: { adjustments } } : {}) } });

describe('collectAdjustments', () => {
  it('lists each note once with the cells that made it, in first-seen order', () => {
    const out = collectAdjustments([
      record('rep=0', ['k lowered to 3', 'class 2 capped']),
      record('rep=1'),
      record('rep=2', ['k lowered to 3', 'k lowered to 3']),
    ]);
    expect(out).toEqual([
      { note: 'k lowered to 3', cells: 2, examples: ['rep=0', 'rep=2'] },
      { note: 'class 2 capped', cells: 1, examples: ['rep=0'] },
    ]);
  });

  it('ignores meta without a list of strings', () => {
    expect(collectAdjustments([record('a', 'not a list'), record('b', [3, null])])).toEqual([]);
  });

  it('prints how many cells made each', () => {
    const out = collectAdjustments([record('a', ['x']), record('b', ['x', 'y'])]);
    expect(adjustmentLines(out, 2)).toEqual(['x (every cell)', 'y (1 of 2 cells, e.g. b)']);
  });
});
