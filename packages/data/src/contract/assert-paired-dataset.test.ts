import { InvalidInputError, Matrix } from '@cch-lab/core';
import { toyDataset } from '../testing-fixtures/fixtures.js';
import type { PairedDataset } from '../types.js';
import { assertPairedDataset } from './assert-paired-dataset.js';

/** Runs the check and returns the error it threw (fails the test when none). */
function errorOf(ds: unknown): InvalidInputError {
  try {
    assertPairedDataset(ds, 'test-loader');
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return error as InvalidInputError;
  }
  throw new Error('expected assertPairedDataset to throw');
}

describe('data/assert-paired-dataset', () => {
  it('accepts a valid dataset, with and without a val split and feature shapes', () => {
    const ds = toyDataset();
    expect(() => assertPairedDataset(ds)).not.toThrow();
    const withVal: PairedDataset = {
      ...ds,
      featureShapes: { b: [3, 1, 1] },
      splits: { train: Int32Array.from([0, 1]), val: Int32Array.from([2, 3]), test: Int32Array.from([4, 5]) },
    };
    expect(() => assertPairedDataset(withVal)).not.toThrow();
  });

  it('names the modality whose row count differs from the labels', () => {
    const ds = toyDataset();
    ds.modalities.b = Matrix.zeros(5, 3);
    const e = errorOf(ds);
    expect(e.details.field).toBe('modalities.b');
    expect(e.message).toMatch(/5 rows but there are 6 labels/);
    expect(e.message).toMatch(/test-loader 'toy'/);
  });

  it('names modality, row and column of a non-finite value (1-based)', () => {
    const ds = toyDataset();
    ds.modalities.a.set(3, 1, Number.NaN);
    const e = errorOf(ds);
    expect(e.details).toMatchObject({ field: 'modalities.a', row: 4, column: 2 });
    expect(e.message).toMatch(/row 4, column 2/);
  });

  it('rejects overlapping, duplicated and out-of-range split indices', () => {
    const overlap = toyDataset();
    overlap.splits.test = Int32Array.from([3, 4]);
    expect(errorOf(overlap).message).toMatch(/row 3 is in both train and test/);

    const dup = toyDataset();
    dup.splits.train = Int32Array.from([0, 1, 1]);
    expect(errorOf(dup).message).toMatch(/row 1 appears twice in train/);

    const range = toyDataset();
    range.splits.test = Int32Array.from([4, 6]);
    expect(errorOf(range).details.field).toBe('splits.test');

    const notInt = toyDataset() as unknown as { splits: { train: unknown } };
    notInt.splits.train = [0.5, 1];
    expect(errorOf(notInt).details.field).toBe('splits.train');
  });

  it('checks classification labels against classes', () => {
    const ds = toyDataset();
    ds.labels = Int32Array.from([0, 1, 2, 1, 0, 1]);
    const e = errorOf(ds);
    expect(e.details).toMatchObject({ field: 'labels', row: 3 });
    expect(e.message).toMatch(/0\.\.1/);

    const negative = toyDataset();
    delete negative.classes;
    negative.labels = Int32Array.from([0, -1, 0, 1, 0, 1]);
    expect(errorOf(negative).details.row).toBe(2);

    const floats = toyDataset();
    floats.labels = Float32Array.from([0, 1, 0, 1, 0, 1]);
    expect(errorOf(floats).message).toMatch(/Int32Array/);
  });

  it('checks regression targets are finite and carry no classes', () => {
    const ds: PairedDataset = { ...toyDataset(), task: 'regression', classes: undefined, labels: Float32Array.from([0.1, 2, 3, 4, Infinity, 6]) };
    delete ds.classes;
    expect(errorOf(ds).details).toMatchObject({ field: 'labels', row: 5 });
    ds.labels = Float32Array.from([0.1, 2, 3, 4, 5, 6]);
    expect(() => assertPairedDataset(ds)).not.toThrow();
    expect(errorOf({ ...ds, classes: ['a'] }).details.field).toBe('classes');
  });

  it('checks source, task, name, meta and feature shapes', () => {
    expect(errorOf({ ...toyDataset(), source: 'made-up' }).details).toMatchObject({ field: 'source', received: 'made-up' });
    expect(errorOf({ ...toyDataset(), task: 'ranking' }).details.field).toBe('task');
    expect(errorOf({ ...toyDataset(), name: '' }).details.field).toBe('name');
    expect(errorOf({ ...toyDataset(), meta: undefined }).details.field).toBe('meta');
    expect(errorOf({ ...toyDataset(), featureShapes: { b: [2, 2] } }).details.field).toBe('featureShapes.b');
    expect(errorOf({ ...toyDataset(), featureShapes: { c: [1] } }).details.field).toBe('featureShapes.c');
    expect(errorOf({ ...toyDataset(), modalities: { a: { rows: 6, cols: 1, data: [1, 2, 3, 4, 5, 6] } } }).details.field).toBe('modalities.a');
    expect(errorOf({ ...toyDataset(), modalities: {} }).details.field).toBe('modalities');
    expect(errorOf(null).details.field).toBe('dataset');
  });
});
