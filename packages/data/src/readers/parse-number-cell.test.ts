import { parseNumberCell } from './parse-number-cell.js';

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
});
