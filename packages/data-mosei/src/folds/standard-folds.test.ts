import { MOSEI_STANDARD_FOLDS, MOSEI_STANDARD_FOLDS_SOURCE } from './standard-folds.js';

describe('folds/standard-folds', () => {
  test("the SDK's three lists: 2 249 / 300 / 678 videos, disjoint, no repeats", () => {
    const { train, valid, test: testFold } = MOSEI_STANDARD_FOLDS;
    expect([train.length, valid.length, testFold.length]).toEqual([2249, 300, 678]);
    const all = new Set([...train, ...valid, ...testFold]);
    expect(all.size).toBe(train.length + valid.length + testFold.length);
    expect(train).toContain('-3nNcZdcdvU');
    expect(valid[0]).toBe('188343');
    expect(testFold[0]).toBe('7l3BNtSE0xc');
    expect(MOSEI_STANDARD_FOLDS_SOURCE).toMatch(/CMU-MultimodalSDK\/blob\/[0-9a-f]{40}\/.*cmu_mosei_std_folds\.py$/);
  });
});
