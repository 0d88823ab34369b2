import { InvalidInputError } from '@cch-lab/core';
import { detectDelimiter, parseDelimited } from './parse-delimited.js';
import type { Delimiter } from './parse-delimited.js';

function parse(text: string, delimiter: Delimiter = ','): { fields: string[]; line: number }[] {
  return [...parseDelimited(text, delimiter, 'f.csv')].map(({ fields, line }) => ({ fields, line }));
}

describe('data/parse-delimited', () => {
  it('splits plain rows and reports 1-based lines, skipping blank lines', () => {
    expect(parse('a,b\n1,2\n\n3,4\n')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', '2'], line: 2 },
      { fields: ['3', '4'], line: 4 },
    ]);
  });

  it('handles RFC 4180 quotes: delimiters, doubled quotes and line breaks inside', () => {
    const rows = parse('"x, y","say ""hi""",3\n"multi\nline",b,c\nlast,"",end');
    expect(rows).toEqual([
      { fields: ['x, y', 'say "hi"', '3'], line: 1 },
      { fields: ['multi\nline', 'b', 'c'], line: 2 },
      { fields: ['last', '', 'end'], line: 4 },
    ]);
    const [first] = parseDelimited('"",a', ',');
    expect(first.quoted).toEqual([true, false]);
  });

  it('handles CRLF, lone CR, a BOM and a missing final newline', () => {
    expect(parse('\ufeffa,b\r\n1,2\r\n')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', '2'], line: 2 },
    ]);
    expect(parse('1,2\r3,4')).toEqual([
      { fields: ['1', '2'], line: 1 },
      { fields: ['3', '4'], line: 2 },
    ]);
    expect(parse('"a\r\nb",c\r\nd,e')[1].line).toBe(3);
  });

  it('splits tabs and whitespace runs', () => {
    expect(parse('a\tb c\t\n1\t2\n', '\t')).toEqual([
      { fields: ['a', 'b c', ''], line: 1 },
      { fields: ['1', '2'], line: 2 },
    ]);
    expect(parse('  img1.png   7\n\n"my file.png" 3  \n', 'whitespace')).toEqual([
      { fields: ['img1.png', '7'], line: 1 },
      { fields: ['my file.png', '3'], line: 3 },
    ]);
  });

  it('keeps empty fields, including trailing ones', () => {
    expect(parse('1,,3,\n')).toEqual([{ fields: ['1', '', '3', ''], line: 1 }]);
  });

  it('names the line of an unterminated quote and of text after a closing quote', () => {
    expect(() => parse('a,b\n1,"2\n3,4\n')).toThrow(/f\.csv:2: unterminated quoted field/);
    try {
      parse('a,b\n"1"x,2\n');
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).details).toMatchObject({ file: 'f.csv', line: 2 });
    }
  });

  it('detects the delimiter from the extension, then from the first line', () => {
    expect(detectDelimiter('x.tsv', 'a,b')).toBe('\t');
    expect(detectDelimiter('x.csv', 'a,b')).toBe(',');
    expect(detectDelimiter('x.csv', 'a\tb')).toBe('\t');
    expect(detectDelimiter('x.txt', '\n\na\tb\n')).toBe('\t');
    expect(detectDelimiter('x.txt', 'a,b\tc')).toBe(',');
    expect(detectDelimiter('x.txt', 'img.png 3')).toBe('whitespace');
    expect(detectDelimiter('x.txt', '3\n4')).toBe(',');
  });
});
