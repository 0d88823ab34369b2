import { Matrix, testing } from '@cch-lab/core';
import { argMaxRows, classificationMetrics, regressionMetrics } from './evaluate.js';

describe('trainers/metrics/evaluate', () => {
  test('classification bundle from probabilities', () => {
    const probs = Matrix.fromRows([
      [0.8, 0.1, 0.1],
      [0.2, 0.7, 0.1],
      [0.1, 0.3, 0.6],
      [0.5, 0.2, 0.3],
    ]);
    const m = classificationMetrics(Int32Array.from([0, 1, 2, 2]), probs);
    expect(m.n).toBe(4);
    expect(m.accuracy).toBe(0.75);
    expect(m.perClass.map((c) => c.support)).toEqual([1, 1, 2]);
    expect(m.confusion[2]).toEqual([1, 0, 1]);
    expect(m.macroAuc).not.toBeNull();
  });
  test('regression bundle and first-max argmax', () => {
    testing.expectClose(regressionMetrics(Float32Array.from([1, 2]), Matrix.column([1, 4])).mse, 2, { atol: 1e-12 });
    expect(Array.from(argMaxRows(Matrix.fromRows([[1, 3, 3], [2, 1, 0]])))).toEqual([1, 0]);
  });
});
