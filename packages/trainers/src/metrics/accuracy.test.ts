import { accuracy } from './accuracy.js';

describe('trainers/metrics/accuracy', () => {
  test('hand-computed: 3 of 4 right', () => {
    expect(accuracy(Int32Array.from([0, 1, 2, 2]), Int32Array.from([0, 1, 1, 2]))).toBe(0.75);
  });
  test('no rows is NaN, misaligned inputs throw', () => {
    expect(accuracy([], [])).toBeNaN();
    expect(() => accuracy([0, 1], [0])).toThrow(/2 true labels but 1 predictions/);
  });
});
