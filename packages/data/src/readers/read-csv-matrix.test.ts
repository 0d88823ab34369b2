import { DataNotFoundError, InvalidInputError } from '@cch-lab/core';
import { makeTempDir, removeDir, writeFixture } from '../testing-fixtures/fixtures.js';
import { parseCsvMatrix, readCsvMatrix } from './read-csv-matrix.js';
import type { CsvMatrixOptions } from './read-csv-matrix.js';

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeDir(dir));

function read(name: string, content: string, options?: CsvMatrixOptions): ReturnType<typeof readCsvMatrix> {
  return readCsvMatrix(writeFixture(dir, name, content), options);
}

/** The InvalidInputError that `fn` throws. */
function errorOf(fn: () => unknown): InvalidInputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return error as InvalidInputError;
  }
  throw new Error('expected a throw');
}

describe('data/read-csv-matrix', () => {
  it('reads a bare numeric matrix as float64 without header or ids', () => {
    const r = read('bare.csv', '1,2,3\n4,5,6.5\n');
    expect(r.matrix.dtype).toBe('float64');
    expect(r.matrix.toArrays()).toEqual([[1, 2, 3], [4, 5, 6.5]]);
    expect(r.header).toBeUndefined();
    expect(r.ids).toBeUndefined();
  });

  it('detects a header and a text id column', () => {
    const r = read('full.csv', 'sample,g1,g2\nTCGA-A,1,2\nTCGA-B,3,4\n');
    expect(r.header).toEqual(['g1', 'g2']);
    expect(r.idHeader).toBe('sample');
    expect(r.ids).toEqual(['TCGA-A', 'TCGA-B']);
    expect(r.matrix.toArrays()).toEqual([[1, 2], [3, 4]]);
  });

  it('treats a text first column without a header as ids, not as a header row', () => {
    const r = read('ids.csv', 's1,1,2\ns2,3,4\n');
    expect(r.header).toBeUndefined();
    expect(r.ids).toEqual(['s1', 's2']);
  });

  it('takes numeric ids from a column headed id, and from an empty or missing corner cell', () => {
    expect(read('numid.csv', 'id,a\n101,0.5\n102,1.5\n').ids).toEqual(['101', '102']);
    const pandas = read('pandas.csv', ',a,b\n0,1,2\n1,3,4\n');
    expect(pandas.ids).toEqual(['0', '1']);
    expect(pandas.header).toEqual(['a', 'b']);
    const r = read('rstyle.csv', '"a","b"\n"x",1,2\n"y",3,4\n');
    expect(r.ids).toEqual(['x', 'y']);
    expect(r.header).toEqual(['a', 'b']);
  });

  it('honours forced header, idColumn by index / name / false, and float32', () => {
    const forced = read('numhead.csv', '1,2\n3,4\n', { header: true });
    expect(forced.header).toEqual(['1', '2']);
    expect(forced.matrix.toArrays()).toEqual([[3, 4]]);
    const byName = read('byname.csv', 'a,key,b\n1,k1,2\n', { idColumn: 'key' });
    expect(byName.ids).toEqual(['k1']);
    expect(byName.header).toEqual(['a', 'b']);
    expect(read('byindex.csv', '7,1,2\n8,3,4\n', { idColumn: 0 }).ids).toEqual(['7', '8']);
    expect(() => read('noid.csv', 'id,a\nx,0.1\n', { idColumn: false })).toThrow(/non-numeric cell "x" in column 'id'/);
    const ok = read('f32b.csv', '0.1,0.2\n', { dtype: 'float32' });
    expect(ok.matrix.dtype).toBe('float32');
    expect(ok.matrix.data[0]).toBe(Math.fround(0.1));
    expect(() => read('badname.csv', 'a,b\n1,2\n', { idColumn: 'zzz' })).toThrow(/idColumn 'zzz' is not a column name/);
  });

  it('reads quoted fields, CRLF, a BOM and tab-separated files', () => {
    const r = read('quoted.csv', '\ufeff"id","x, y","z"\r\n"a, b","1.5","2"\r\n');
    expect(r.ids).toEqual(['a, b']);
    expect(r.header).toEqual(['x, y', 'z']);
    expect(r.matrix.toArrays()).toEqual([[1.5, 2]]);
    const tsv = read('m.tsv', 'id\tx\ty\nr1\t1\t2\nr2\t3\t4\n');
    expect(tsv.delimiter).toBe('\t');
    expect(tsv.matrix.toArrays()).toEqual([[1, 2], [3, 4]]);
    const detected = read('m.txt', '1\t2\n3\t4\n');
    expect(detected.matrix.toArrays()).toEqual([[1, 2], [3, 4]]);
  });

  it('names the file and 1-based line of a ragged row', () => {
    const e = errorOf(() => read('ragged.csv', 'a,b,c\n1,2,3\n4,5,6\n7,8\n'));
    expect(e.details).toMatchObject({ line: 4, received: '2 fields' });
    expect(e.details.file).toMatch(/ragged\.csv$/);
    expect(e.message).toMatch(/ragged\.csv:4: ragged row/);
  });

  it('names file, line, column and text of a non-numeric cell', () => {
    const e = errorOf(() => read('text.csv', 'a,b,c\n1,2,3\n4,oops,6\n'));
    expect(e.details).toMatchObject({ line: 3, column: 2, received: 'oops' });
    expect(e.message).toMatch(/text\.csv:3:2: non-numeric cell "oops" in column 'b'/);
  });

  it('fails on missing values unless allowMissing, which reads them as NaN', () => {
    const e = errorOf(() => read('missing.csv', '1,2\n3,\n'));
    expect(e.details).toMatchObject({ line: 2, column: 2 });
    expect(e.hint).toMatch(/allowMissing/);
    const r = read('missing2.csv', '1,NA\n,4\n', { allowMissing: true });
    expect(r.matrix.get(0, 0)).toBe(1);
    expect(r.matrix.get(0, 1)).toBeNaN();
    expect(r.matrix.get(1, 0)).toBeNaN();
  });

  it('says when a file is empty, holds only a header, or does not exist', () => {
    expect(() => read('empty.csv', '')).toThrow(/empty/);
    expect(() => read('blank.csv', '\n\r\n\n')).toThrow(/empty/);
    expect(errorOf(() => read('header-only.csv', 'a,b,c\n')).message).toMatch(/header row but no data rows/);
    expect(() => readCsvMatrix(`${dir}/nope.csv`)).toThrow(DataNotFoundError);
  });

  it('rejects a header whose length does not match the data', () => {
    expect(() => read('badheader.csv', 'a,b,c,d\n1,2\n')).toThrow(/header has 4 names but the first data row has 2 fields/);
  });

  it('parses text in memory the same way', () => {
    expect(parseCsvMatrix('x,y\n1,2\n', 'mem.csv').matrix.toArrays()).toEqual([[1, 2]]);
  });
});
