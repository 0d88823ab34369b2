import { InvalidInputError, Matrix, testing } from '@cch-lab/core';
import { toyDataset } from '../testing-fixtures/fixtures.js';
import type { PairedDataset } from '../types.js';
import { standardizeModality } from './standardize-modality.js';

/** float64 arithmetic on small integers: only rounding of a few operations. */
const F64_TOL = { atol: 1e-12 };
/** float32 outputs of the same formula. */
const F32_TOL = { atol: 1e-6 };

describe('data/standardize-modality', () => {
  it('fits mean and sample sd on the train rows only and applies them to every row', () => {
    const ds = toyDataset();
    const out = standardizeModality(ds, 'a');
    // Train rows 0..3 of column 0 are 0,1,2,3: mean 1.5, sample sd sqrt(5/3).
    const sd = Math.sqrt(5 / 3);
    const expected = [0, 1, 2, 3, 4, 5].map((v) => (v - 1.5) / sd);
    testing.expectArraysClose(out.modalities.a.columnValues(0), expected, F64_TOL, 'column 0');
    testing.expectArraysClose(out.modalities.a.columnValues(1), expected, F64_TOL, 'column 1 (10× column 0)');
    expect(out.modalities.b).toBe(ds.modalities.b);
    expect(ds.modalities.a.get(5, 0)).toBe(5);
  });

  it('does not leak: changing test rows leaves the train rows\' output unchanged', () => {
    const ds = toyDataset();
    const changed: PairedDataset = { ...ds, modalities: { ...ds.modalities, a: ds.modalities.a.clone() } };
    changed.modalities.a.set(4, 0, 1000);
    changed.modalities.a.set(5, 1, -1000);
    const before = standardizeModality(ds, 'a').modalities.a.rowRange(0, 4).data;
    const after = standardizeModality(changed, 'a').modalities.a.rowRange(0, 4).data;
    testing.expectArraysClose(after, before, F64_TOL, 'train rows');
    // Fitting on all rows does see them.
    const all = standardizeModality(changed, 'a', { fitOn: 'all' }).modalities.a.rowRange(0, 4).data;
    expect(all[0]).not.toBeCloseTo(before[0], 3);
  });

  it('sets constant columns to 0, records them, and keeps float32', () => {
    const out = standardizeModality(toyDataset(), 'b');
    expect(out.modalities.b.dtype).toBe('float32');
    testing.expectArraysClose(out.modalities.b.columnValues(2), new Float64Array(6), F32_TOL, 'constant column');
    expect(out.meta.standardized).toEqual({ b: { fitOn: 'train', fitRows: 4, constantColumns: [2] } });
    const both = standardizeModality(out, 'a');
    expect(Object.keys(both.meta.standardized as object).sort()).toEqual(['a', 'b']);
  });

  it('sets a column constant on train (but not on test) to 0 everywhere', () => {
    const ds = toyDataset();
    const a = Matrix.fromRows([[1, 0], [1, 1], [1, 2], [1, 3], [7, 4], [9, 5]]);
    const out = standardizeModality({ ...ds, modalities: { ...ds.modalities, a } }, 'a');
    expect(Array.from(out.modalities.a.columnValues(0))).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('rejects an unknown modality or fitOn', () => {
    expect(() => standardizeModality(toyDataset(), 'c')).toThrow(/no modality 'c'/);
    expect(() => standardizeModality(toyDataset(), 'a', { fitOn: 'test' as 'train' })).toThrow(InvalidInputError);
  });
});
