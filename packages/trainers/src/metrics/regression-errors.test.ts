import { meanAbsoluteError, pearsonR } from './regression-errors.js';

describe('regression errors', () => {
  it('mean absolute error', () => {
    expect(meanAbsoluteError([1, 2, 3], [2, 2, 1])).toBeCloseTo(1, 12);
    expect(meanAbsoluteError([], [])).toBeNaN();
    expect(() => meanAbsoluteError([1], [])).toThrow(/1 targets but 0 predictions/);
  });
  it("Pearson's r: ±1 for exact linear relations, a known value otherwise, null when constant", () => {
    expect(pearsonR([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearsonR([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    // x = 1..4, y = 1,3,2,4: cov 1.25·(4/3)… r = 0.8
    expect(pearsonR([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(0.8, 12);
    expect(pearsonR([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(pearsonR([1], [1])).toBeNull();
  });
});
