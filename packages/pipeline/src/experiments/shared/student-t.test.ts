import { testing } from '@cch-lab/core';
import { studentTCentralProbability, studentTCriticalValue } from './student-t.js';

/** Tabulated critical values are printed to 4–5 significant digits. */
const TABLE_RTOL = 1e-4;

describe('pipeline/experiments/shared/student-t', () => {
  it('matches tabulated two-sided 95 % and 99 % critical values', () => {
    const table: [number, number, number][] = [
      [0.95, 1, 12.7062],
      [0.95, 2, 4.30265],
      [0.95, 4, 2.77645],
      [0.95, 9, 2.26216],
      [0.95, 30, 2.04227],
      [0.95, 49, 2.00958],
      [0.99, 3, 5.84091],
      [0.99, 10, 3.16927],
    ];
    for (const [level, df, expected] of table) testing.expectClose(studentTCriticalValue(level, df), expected, { rtol: TABLE_RTOL }, `t(${level}, ${df})`);
  });

  it('approaches the normal quantile for large df and inverts its own probability', () => {
    testing.expectClose(studentTCriticalValue(0.95, 100000), 1.959964, { rtol: TABLE_RTOL }, 'large df');
    for (const df of [1, 2, 5, 12]) testing.expectClose(studentTCentralProbability(studentTCriticalValue(0.9, df), df), 0.9, { atol: 1e-9 }, `df ${df}`);
  });

  it('rejects a non-integer df', () => {
    expect(() => studentTCriticalValue(0.95, 1.5)).toThrow(/df|integer/);
  });
});
