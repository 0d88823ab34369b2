import { testing } from '@cch-lab/core';
import { wilsonInterval } from './wilson-interval.js';

/** Reference values (Newcombe 1998, Table I) are printed to 4 decimals. */
const TABLE_ATOL = 1e-4;

describe('pipeline/experiments/shared/wilson-interval', () => {
  it('matches published Wilson intervals', () => {
    testing.expectArraysClose(wilsonInterval(81, 263), [0.2553, 0.3662], { atol: TABLE_ATOL }, '81/263');
    testing.expectArraysClose(wilsonInterval(15, 148), [0.0624, 0.1605], { atol: TABLE_ATOL }, '15/148');
    testing.expectArraysClose(wilsonInterval(0, 20), [0, 0.1611], { atol: TABLE_ATOL }, '0/20');
    testing.expectArraysClose(wilsonInterval(1, 29), [0.0061, 0.1718], { atol: TABLE_ATOL }, '1/29');
  });

  it('is [0, 1] with no trials and rejects impossible counts', () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
    expect(() => wilsonInterval(3, 2)).toThrow();
  });
});
