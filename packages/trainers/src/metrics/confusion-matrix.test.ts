import { InvalidInputError } from '@cch-lab/core';
import { classCounts, confusionMatrix } from './confusion-matrix.js';

describe('trainers/metrics/confusion-matrix', () => {
  test('hand-computed counts and per-class support / predicted / correct', () => {
    const confusion = confusionMatrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], 3);
    expect(confusion).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 2],
    ]);
    expect(classCounts(confusion)).toEqual([
      { class: 0, support: 2, predicted: 2, correct: 1 },
      { class: 1, support: 1, predicted: 2, correct: 1 },
      { class: 2, support: 3, predicted: 2, correct: 2 },
    ]);
  });
  test('a label outside 0..C−1 throws, naming the row', () => {
    expect(() => confusionMatrix([0, 3], [0, 0], 3)).toThrow(InvalidInputError);
    expect(() => confusionMatrix([0, 3], [0, 0], 3)).toThrow(/yTrue\[1\] = 3/);
  });
});
