import { UsageError } from '@cch-lab/core';
import { MAX_SUBSAMPLES, parseSubsamples } from './subsamples.js';

describe('cli/options/subsamples', () => {
  it('takes 2 or more, and 0 only where it turns the interval off', () => {
    expect(parseSubsamples('2', 'cch criterion')).toBe(2);
    expect(parseSubsamples(String(MAX_SUBSAMPLES), 'cch criterion')).toBe(MAX_SUBSAMPLES);
    expect(parseSubsamples('0', 'cch mi', { off: true })).toBe(0);
    expect(() => parseSubsamples('0', 'cch criterion')).toThrow(UsageError);
  });

  it('refuses one subsample: its interval has zero width', () => {
    expect(() => parseSubsamples('1', 'cch mi', { off: true })).toThrow(
      'cch mi: --subsamples must be 0 (no interval) or a whole number from 2 to 10000, got 1: one subsample gives a zero-width interval',
    );
    expect(() => parseSubsamples('1', 'cch criterion')).toThrow('cch criterion: --subsamples must be a whole number from 2 to 10000, got 1');
  });

  it('refuses what is not a whole number in digits', () => {
    for (const bad of ['2.5', '1e3', '-2', 'many', '10001']) expect(() => parseSubsamples(bad, 'cch mi', { off: true })).toThrow(/--subsamples must be/);
  });
});
