import { createRng } from '@cch-lab/core';
import type { PairedDataset } from '@cch-lab/data';
import { taskLabels } from './task-labels.js';
import { pairedClassification, pairedRegression } from './testing-fixtures/paired-data.js';

describe('trainers/task-labels', () => {
  const ds = pairedClassification({ n: 30, classes: 3, dims: { a: 2 }, strength: { a: 1 }, rng: createRng(1) });

  test('classes from the class names, 1 output for regression', () => {
    expect(taskLabels(ds)).toEqual({ task: 'classification', classes: 3 });
    expect(taskLabels(pairedRegression(10, 2, createRng(2)))).toEqual({ task: 'regression', classes: 1 });
  });
  test('labels outside the classes, float labels for classification, an empty training split', () => {
    const bad: PairedDataset = { ...ds, labels: Int32Array.from(ds.labels, (y, i) => (i === 4 ? 7 : y)) };
    expect(() => taskLabels(bad)).toThrow(/labels\[4\] = 7/);
    expect(() => taskLabels({ ...ds, labels: Float32Array.from(ds.labels) })).toThrow(/Int32Array/);
    expect(() => taskLabels({ ...ds, splits: { ...ds.splits, train: new Int32Array(0) } })).toThrow(/empty training split/);
  });
});
