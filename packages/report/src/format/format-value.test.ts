import { formatSignificant, formatValue, MISSING } from './format-value.js';

describe('report/format-value', () => {
  it('prints numbers with three significant digits by default', () => {
    expect(formatValue(0.5)).toBe('0.500');
    expect(formatValue(12.345)).toBe('12.3');
    expect(formatValue(-0.012345)).toBe('-0.0123');
    expect(formatValue(1234.6)).toBe('1235');
    expect(formatValue(999.7)).toBe('1000');
    expect(formatValue(0)).toBe('0');
    expect(formatValue(0.00012345)).toBe('1.23e-4');
    expect(formatSignificant(2.5e7)).toBe('2.50e+7');
  });

  it('applies digits, integer and percent formats', () => {
    expect(formatValue(1.23456, 'number', 2)).toBe('1.23');
    expect(formatValue(2.5, 'integer')).toBe('3');
    expect(formatValue(-0.2, 'integer')).toBe('0');
    expect(formatValue(0.8333, 'percent')).toBe('83.3%');
    expect(formatValue(0.8333, 'percent', 0)).toBe('83%');
    expect(formatValue(3, 'text')).toBe('3');
  });

  it('prints missing values as a dash and infinities as ∞', () => {
    expect(formatValue(Number.NaN)).toBe(MISSING);
    expect(formatValue(null, 'percent')).toBe(MISSING);
    expect(formatValue(undefined, 'integer')).toBe(MISSING);
    expect(formatValue(Number.NEGATIVE_INFINITY)).toBe('-∞');
  });

  it('prints strings and booleans as text whatever the format', () => {
    expect(formatValue('n/a', 'percent')).toBe('n/a');
    expect(formatValue(true)).toBe('true');
  });
});
