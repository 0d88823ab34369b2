import { InvalidInputError } from '@cch-lab/core';
import { toyDataset } from '../testing-fixtures/fixtures.js';
import { assertPairedDataset } from './assert-paired-dataset.js';
import { subsetRows } from './subset-rows.js';

describe('data/subset-rows', () => {
  it('keeps modalities, labels and splits aligned and renumbered', () => {
    const ds = toyDataset();
    const sub = subsetRows(ds, [5, 1, 2]);
    expect(Array.from(sub.modalities.a.data)).toEqual([5, 50, 1, 10, 2, 20]);
    expect(sub.modalities.b.dtype).toBe('float32');
    expect(Array.from(sub.modalities.b.data)).toEqual([5, -5, 0.5, 1, -1, 0.5, 2, -2, 0.5]);
    expect(Array.from(sub.labels)).toEqual([1, 1, 0]);
    // Parent train {0,1,2,3} ∩ subset → parent rows 1, 2 at new positions 1, 2; parent test row 5 → 0.
    expect(Array.from(sub.splits.train)).toEqual([1, 2]);
    expect(Array.from(sub.splits.test)).toEqual([0]);
    expect(sub.meta.subsetOf).toBe(6);
    expect(() => assertPairedDataset(sub)).not.toThrow();
    expect(ds.modalities.a.rows).toBe(6);
  });

  it('rejects repeated and out-of-range rows', () => {
    expect(() => subsetRows(toyDataset(), [1, 1])).toThrow(/row 1 is selected twice/);
    expect(() => subsetRows(toyDataset(), [0, 6])).toThrow(InvalidInputError);
    expect(() => subsetRows(toyDataset(), [0.5])).toThrow(InvalidInputError);
  });
});
