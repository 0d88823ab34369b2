import { classWeightVector } from './class-weights.js';

describe('trainers/fit/class-weights', () => {
  test("'balanced' is n / (C · n_c), by hand; an absent class gets 0", () => {
    // n = 6, C = 3: counts 3, 2, 1 → 6/9, 6/6, 6/3; with C = 4 the missing class 3 gets 0
    expect(Array.from(classWeightVector(Int32Array.from([0, 0, 0, 1, 1, 2]), 3, 'balanced')!)).toEqual([6 / 9, 1, 2]);
    expect(Array.from(classWeightVector(Int32Array.from([0, 0, 0, 1, 1, 2]), 4, 'balanced')!)).toEqual([6 / 12, 6 / 8, 6 / 4, 0]);
  });
  test("'none' is null; an explicit array must have one weight per class", () => {
    expect(classWeightVector(Int32Array.from([0, 1]), 2, 'none')).toBeNull();
    expect(Array.from(classWeightVector(Int32Array.from([0, 1]), 2, [1, 4])!)).toEqual([1, 4]);
    expect(() => classWeightVector(Int32Array.from([0, 1]), 3, [1, 4])).toThrow(/2 weights for 3 classes/);
  });
});
