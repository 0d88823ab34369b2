import { UsageError } from '@cch-lab/core';
import { parseIntegerOption, parseSeed, toInt, wholeNumberIn } from './integers.js';

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('cli/options/integers', () => {
  it('reads whole numbers written in digits', () => {
    expect(parseIntegerOption('7', '--k', { min: 1 }, 'cch mi')).toBe(7);
    expect(parseIntegerOption(' 0 ', '--shuffles', { min: 0, max: 10 }, 'cch mi')).toBe(0);
    expect(parseIntegerOption(5, '--k', { min: 1 }, 'cch mi')).toBe(5);
    expect(toInt('2.5')).toBeNaN();
  });

  it('says what a valid value is and repeats what it got, never "NaN"', () => {
    expect(message(() => parseIntegerOption('2.5', '--k', { min: 1, max: 50 }, 'cch mi'))).toBe('cch mi: --k must be a whole number from 1 to 50, got 2.5');
    expect(message(() => parseIntegerOption('2.5', '--k', { min: 1 }, 'cch mi'))).toBe('cch mi: --k must be a whole number of at least 1, got 2.5');
    expect(message(() => parseIntegerOption('1e12', '--k', { min: 1 }, 'cch mi'))).toBe(
      'cch mi: --k must be a whole number of at least 1, got 1e12 (write it in digits)',
    );
    expect(message(() => parseIntegerOption('ten', '--epochs', { min: 1 }, 'cch mi'))).toBe('cch mi: --epochs must be a whole number of at least 1, got ten');
    expect(message(() => parseIntegerOption('', '--k', { min: 1 }, 'cch mi'))).toBe("cch mi: --k must be a whole number of at least 1, got ''");
    expect(message(() => parseIntegerOption('0', '--k', { min: 1 }, 'cch mi'))).toBe('cch mi: --k must be a whole number of at least 1, got 0');
    expect(message(() => parseIntegerOption('99999999999999999999', '--k', { min: 1 }, 'cch mi'))).toMatch(/got 99999999999999999999 \(too large\)$/);
    for (const bad of ['2.5', '1e12', '-1']) expect(message(() => parseIntegerOption(bad, '--k', { min: 1 }, 'cch mi'))).not.toMatch(/NaN/);
  });

  it('puts the flag and the text received in details', () => {
    try {
      parseIntegerOption('2.5', '--k', { min: 1 }, 'cch mi');
    } catch (error) {
      expect((error as UsageError).details).toEqual({ field: '--k', received: '2.5' });
    }
  });

  it('words each kind of range', () => {
    expect(wholeNumberIn({})).toBe('a whole number');
    expect(wholeNumberIn({ max: 3 })).toBe('a whole number of at most 3');
  });

  it('reads a seed as a number when it is digits, else as text', () => {
    expect(parseSeed('12')).toBe(12);
    expect(parseSeed('run-a')).toBe('run-a');
  });
});
