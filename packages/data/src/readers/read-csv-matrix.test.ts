import { DataNotFoundError, InvalidInputError, createRng } from '@cch-lab/core';
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

  it('records what it detected: header, id column, shape, BOM, CRLF and blank lines', () => {
    const r = read('detected.csv', '\ufeffsample,g1,g2\r\nA,1,2\r\n\r\nB,3,4\r\n');
    expect(r.detected).toMatchObject({ header: 'yes', idColumn: 'sample', rows: 2, columns: 2, delimiter: ',', bom: true, lineEnding: 'crlf', blankLines: 1 });
    expect(r.detected.headerReason).toMatch(/names \('g1', 'g2'\) above numbers/);
    expect(r.detected.idReason).toMatch(/'sample' names sample ids/);
    const bare = read('detected-bare.csv', '1,2\n3,4\n');
    expect(bare.detected).toMatchObject({ header: 'no', idColumn: null, bom: false, lineEnding: 'lf', blankLines: 0, notes: [] });
  });
});

/** Floats as pandas writes them: the shortest repr, integral values with '.0'. */
function pandasFloat(v: number): string {
  return Number.isInteger(v) ? v.toFixed(1) : String(v);
}

describe('data/read-csv-matrix: pandas files and other header / id pitfalls (issue 14)', () => {
  it("reads pd.DataFrame(arr).to_csv(index=False): a numeric header 0,1 above floats", () => {
    const r = read('pd-noindex.csv', '0,1\n0.5,1.25\n-0.3,2.0\n1.0,0.0\n');
    expect(r.matrix.rows).toBe(3);
    expect(r.matrix.toArrays()).toEqual([[0.5, 1.25], [-0.3, 2], [1, 0]]);
    expect(r.header).toEqual(['0', '1']);
    expect(r.detected.header).toBe('yes');
    expect(r.detected.headerReason).toMatch(/numeric column names 0…1, as pandas writes/);
    // A single column (pd.Series(floats).to_csv(index=False)) likewise.
    expect(read('pd-series.csv', '0\n0.5\n1.5\n').matrix.toArrays()).toEqual([[0.5], [1.5]]);
  });

  it("reads df.to_csv() with its default index: an empty first header cell makes the index an id column", () => {
    const named = read('pd-index.csv', ',a,b\n0,1.5,2.0\n1,3.0,4.5\n');
    expect(named.ids).toEqual(['0', '1']);
    expect(named.header).toEqual(['a', 'b']);
    expect(named.matrix.toArrays()).toEqual([[1.5, 2], [3, 4.5]]);
    expect(named.detected.idReason).toBe("unnamed first column holding 0…n−1: pandas' index");
    // pd.DataFrame(arr).to_csv(): numeric names after the empty cell (was: missing value "" at 1:1).
    const unnamed = read('pd-index-numeric.csv', ',0,1\n0,0.5,1.25\n1,-0.3,2.0\n');
    expect(unnamed.detected).toMatchObject({ header: 'yes', idColumn: 'column 1', rows: 2, columns: 2 });
    expect(unnamed.ids).toEqual(['0', '1']);
    expect(unnamed.matrix.toArrays()).toEqual([[0.5, 1.25], [-0.3, 2]]);
    // Integer data too: the empty corner cell rules out a data row.
    expect(read('pd-index-int.csv', ',0,1\n0,5,3\n1,0,2\n').matrix.toArrays()).toEqual([[5, 3], [0, 2]]);
    // A string index (row names) is an id column all the same.
    const rows = read('pd-index-text.csv', ',a,b\nr1,1.5,2.0\nr2,3.0,4.5\n');
    expect(rows.ids).toEqual(['r1', 'r2']);
    expect(rows.detected.idReason).toBe('unnamed first column: row names');
    // `,1,2` (names from 1) after the empty cell is a header as well.
    expect(read('pd-index-one.csv', ',1,2\n0,5,3\n').header).toEqual(['1', '2']);
  });

  it('refuses 0,1,… above integers as ambiguous, and honours header true / false there', () => {
    const text = '0,1\n5,3\n0,2\n';
    const e = errorOf(() => read('pd-int.csv', text));
    expect(e.message).toMatch(/pd-int\.csv:1: cannot tell whether the first row \(0,1\) is a header or data/);
    expect(e.hint).toMatch(/header: true.*header: false/);
    expect(read('pd-int2.csv', text, { header: true }).matrix.toArrays()).toEqual([[5, 3], [0, 2]]);
    const data = read('pd-int3.csv', text, { header: false });
    expect(data.matrix.rows).toBe(3);
    expect(data.detected.headerReason).toBe('as requested');
    // A bare 1, 2, … first row is data, as hand-written files start (pandas numbers from 0).
    expect(read('onetwo.csv', '1,2,3\n4,5,6.5\n').matrix.rows).toBe(2);
    // One integer column starting 0: read as data, with a note that it could be a column name.
    const single = read('pd-int-single.csv', '0\n1\n0\n');
    expect(single.matrix.rows).toBe(3);
    expect(single.detected.notes.join(' ')).toMatch(/could be a pandas column name/);
  });

  it('reads quoted thousands separators as numbers, so they never make an id column', () => {
    const r = read('thousands.csv', '"1,234.5",2\n"3,000",4.5\n"12",0.5\n');
    expect(r.ids).toBeUndefined();
    expect(r.matrix.toArrays()).toEqual([[1234.5, 2], [3000, 4.5], [12, 0.5]]);
    expect(r.detected.idColumn).toBeNull();
    expect(r.detected.notes.join(' ')).toMatch(/2 number\(s\) with thousands separators/);
    const withHeader = read('thousands-h.csv', 'a,b\n"1,234.5","-2,000"\n');
    expect(withHeader.header).toEqual(['a', 'b']);
    expect(withHeader.matrix.toArrays()).toEqual([[1234.5, -2000]]);
  });

  it('refuses a decimal comma naming the cell, never blaming the header', () => {
    const e = errorOf(() => read('comma.csv', 'a,b\n"0,5","2,5"\n'));
    expect(e.details).toMatchObject({ line: 2, column: 1, received: '0,5' });
    expect(e.message).toMatch(/comma\.csv:2:1: "0,5" in column 'a' looks like a number with a decimal comma/);
    expect(e.message).not.toMatch(/header/);
    expect(e.hint).toMatch(/decimal=','/);
    const bare = errorOf(() => read('comma-bare.csv', '"1,5",2\n3,4\n'));
    expect(bare.details).toMatchObject({ line: 1, column: 1 });
    expect(bare.message).toMatch(/decimal comma/);
    const tsv = errorOf(() => read('comma.tsv', 'x\ty\n1,5\t2\n'));
    expect(tsv.details).toMatchObject({ line: 2, column: 1 });
  });

  it('makes an id column of text or of a known id header only; flags columns that look like an index', () => {
    const gene = read('numeric-first.csv', 'gene,a\n7,0.5\n9,1.5\n');
    expect(gene.ids).toBeUndefined();
    expect(gene.header).toEqual(['gene', 'a']);
    expect(gene.detected.idReason).toMatch(/holds numbers and is not named like an id/);
    const idx = read('index-feature.csv', 'idx,a\n0,0.5\n1,1.5\n2,2.5\n');
    expect(idx.matrix.cols).toBe(2);
    expect(idx.detected.notes.join(' ')).toMatch(/column 'idx' holds 0, 1, …, 2 in order, like a saved index/);
    // read back and written again, pandas calls the old index 'Unnamed: 0'.
    const twice = read('pd-twice.csv', ',Unnamed: 0,a\n0,0,1.5\n1,1,2.5\n2,2,3.5\n');
    expect(twice.ids).toEqual(['0', '1', '2']);
    expect(twice.detected.notes.join(' ')).toMatch(/'Unnamed: 0' is what pandas names a nameless column/);
  });

  it('property: random frames written as pandas and R write them read back with their n, d and values', () => {
    const rng = createRng('csv-styles');
    for (let trial = 0; trial < 40; trial++) {
      const n = 2 + rng.int(6);
      const d = 1 + rng.int(4);
      const rows = Array.from({ length: n }, () => Array.from({ length: d }, () => Math.round(rng.normal() * 1000) / 100));
      const names = Array.from({ length: d }, (_, j) => `f${j}`);
      const styles: Record<string, string> = {
        'pandas index=False': [names.join(','), ...rows.map((r) => r.map(pandasFloat).join(','))].join('\n'),
        'pandas default': [`,${names.join(',')}`, ...rows.map((r, i) => `${i},${r.map(pandasFloat).join(',')}`)].join('\n'),
        'pandas unnamed index=False': [names.map((_, j) => j).join(','), ...rows.map((r) => r.map(pandasFloat).join(','))].join('\n'),
        'pandas unnamed default': [`,${names.map((_, j) => j).join(',')}`, ...rows.map((r, i) => `${i},${r.map(pandasFloat).join(',')}`)].join('\n'),
        'R write.csv': [names.map((x) => `"${x}"`).join(','), ...rows.map((r, i) => `"s${i}",${r.join(',')}`)].join('\n'),
      };
      for (const [style, text] of Object.entries(styles)) {
        // A frame whose values all happen to be integral is pandas' ambiguous case: floats are written "x.0" only by pandasFloat.
        const r = parseCsvMatrix(`${text}\n`, 'p.csv');
        expect({ style, n: r.matrix.rows, d: r.matrix.cols }).toEqual({ style, n, d });
        expect(r.matrix.toArrays()).toEqual(rows);
        expect(r.detected.header).toBe('yes');
      }
    }
  });
});
