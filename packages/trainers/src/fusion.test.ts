import { Matrix, createRng } from '@cch-lab/core';
import { earlyFusion, modalityFeatureShape, modalityMatrix, modalityName } from './fusion.js';
import { pairedImages } from './testing-fixtures/paired-data.js';

describe('trainers/fusion', () => {
  const dataset = {
    ...pairedImages(3, [2, 2, 1], createRng(1)),
    modalities: { a: Matrix.fromRows([[1, 2], [3, 4], [5, 6]], 'float32'), b: Matrix.fromRows([[7], [8], [9]]) },
  };

  test('early fusion concatenates columns in the given order, as float32', () => {
    const fused = modalityMatrix(dataset, ['b', 'a']);
    expect(fused.dtype).toBe('float32');
    expect(fused.toArrays()).toEqual([[7, 1, 2], [8, 3, 4], [9, 5, 6]]);
    expect(modalityName(['b', 'a'])).toBe('b+a');
    expect(modalityFeatureShape(dataset, ['b', 'a'])).toBeUndefined();
  });

  test('earlyFusion adds the fused modality and records it in meta, sharing the rest', () => {
    const out = earlyFusion(dataset, ['a', 'b']);
    expect(Object.keys(out.modalities)).toEqual(['a', 'b', 'a+b']);
    expect(out.modalities['a+b'].cols).toBe(3);
    expect(out.meta.fusions).toEqual([{ name: 'a+b', of: ['a', 'b'] }]);
    expect(out.labels).toBe(dataset.labels);
  });

  test('unknown or repeated modalities are typed errors', () => {
    expect(() => modalityMatrix(dataset, ['a', 'c'])).toThrow(/no modality 'c' \(modalities: a, b\)/);
    expect(() => modalityMatrix(dataset, ['a', 'a'])).toThrow(/twice/);
    expect(() => modalityMatrix(dataset, [])).toThrow(/no modality selected/);
  });
});
