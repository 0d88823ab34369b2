import { isDecimalComma, parseNumberCell } from './parse-number-cell.js';

describe('data/parse-number-cell', () => {
  it('reads decimal and exponent numbers, trimming spaces', () => {
    expect(parseNumberCell('1.5')).toBe(1.5);
    expect(parseNumberCell(' -2e-3 ')).toBe(-0.002);
    expect(parseNumberCell('+.5')).toBe(0.5);
    expect(parseNumberCell('0')).toBe(0);
  });

  it('reads missing markers as NaN', () => {
    for (const cell of ['', '  ', 'NaN', 'nan', 'NA', 'n/a', 'null', 'None']) expect(parseNumberCell(cell)).toBeNaN();
  });

  it('rejects text, infinities and hex literals', () => {
    for (const cell of ['abc', '1.2.3', 'Infinity', '-inf', '0x1F', '0b11', '1,5']) expect(parseNumberCell(cell)).toBeUndefined();
  });

  it('reads comma thousands separators, and only well-formed ones', () => {
    expect(parseNumberCell('1,234.5')).toBe(1234.5);
    expect(parseNumberCell(' -12,345,678.25 ')).toBe(-12345678.25);
    expect(parseNumberCell('1,234')).toBe(1234);
    expect(parseNumberCell('1,234.5e3')).toBe(1234500);
    for (const cell of ['1,23', '12,3456', '0,123', '1,234,56', ',123', '1,,234']) expect(parseNumberCell(cell)).toBeUndefined();
  });

  it('tells decimal commas apart from thousands separators', () => {
    for (const cell of ['1,5', '-0,25', ' 12,3456 ', ',5', '0,123', '3,14e2']) expect(isDecimalComma(cell)).toBe(true);
    for (const cell of ['1,234.5', '1,234', '1.5', 'a,b', '1,2,3', '']) expect(isDecimalComma(cell)).toBe(false);
  });
});
