import fs from 'node:fs';
import path from 'node:path';
import { InvalidInputError, Matrix, Rng } from '@cch-lab/core';
import { parseDelimited } from '../readers/parse-delimited.js';
import { readCsvMatrix } from '../readers/read-csv-matrix.js';
import { makeTempDir, removeDir } from '../testing-fixtures/fixtures.js';
import { writeCsvAtomic } from './write-csv-atomic.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeDir(dir));

describe('data/write-csv-atomic', () => {
  it('writes records with the union of keys as header and quotes what needs it', () => {
    const file = path.join(dir, 'out', 'results.csv');
    writeCsvAtomic(file, [
      { method: 'ksg', nats: 0.5, ok: true },
      { method: 'say "hi", twice', nats: Number.NaN, note: 'line1\nline2' },
      { method: ' padded ', nats: null, ok: false },
    ]);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe('method,nats,ok,note');
    const rows = [...parseDelimited(text, ',', file)].map((r) => r.fields);
    expect(rows).toEqual([
      ['method', 'nats', 'ok', 'note'],
      ['ksg', '0.5', 'true', ''],
      ['say "hi", twice', '', '', 'line1\nline2'],
      [' padded ', '', 'false', ''],
    ]);
  });

  it('honours a column order and writes tabs for .tsv', () => {
    const file = path.join(dir, 'r.tsv');
    writeCsvAtomic(file, [{ a: 1, b: 'x\ty' }], { columns: ['b', 'a'] });
    expect(fs.readFileSync(file, 'utf8')).toBe('b\ta\n"x\ty"\t1\n');
  });

  it('round-trips a float64 matrix with header and ids exactly', () => {
    const rng = new Rng(9);
    const m = new Matrix(rng.normals(40 * 3), 40, 3);
    const ids = Array.from({ length: 40 }, (_, i) => `s,${i}`);
    const file = path.join(dir, 'm.csv');
    writeCsvAtomic(file, { matrix: m, header: ['a', 'b', 'c'], ids, idHeader: 'sample' });
    const back = readCsvMatrix(file);
    expect(back.ids).toEqual(ids);
    expect(back.header).toEqual(['a', 'b', 'c']);
    expect(back.idHeader).toBe('sample');
    expect(Array.from(back.matrix.data)).toEqual(Array.from(m.data));
  });

  it('round-trips a float32 matrix exactly, and NaN through allowMissing', () => {
    const m = new Matrix(Float32Array.from([0.1, 1 / 3, -7e-8, Number.NaN]), 2, 2);
    const file = path.join(dir, 'f32.csv');
    writeCsvAtomic(file, { matrix: m });
    const back = readCsvMatrix(file, { dtype: 'float32', allowMissing: true });
    expect(Array.from(back.matrix.data.subarray(0, 3))).toEqual(Array.from(m.data.subarray(0, 3)));
    expect(back.matrix.data[3]).toBeNaN();
    expect(back.header).toBeUndefined();
  });

  it('keeps the previous file when a cell fails to serialise mid-write', () => {
    const file = path.join(dir, 'keep.csv');
    writeCsvAtomic(file, [{ a: 1 }]);
    const rows: Record<string, unknown>[] = Array.from({ length: 5000 }, (_, i) => ({ a: i }));
    rows[4500] = { a: { nested: true } };
    expect(() => writeCsvAtomic(file, rows as never)).toThrow(/row 4501, column 'a' is not a scalar/);
    expect(fs.readFileSync(file, 'utf8')).toBe('a\n1\n');
    expect(fs.readdirSync(dir)).toEqual(['keep.csv']);
  });

  it('checks header and ids lengths', () => {
    const m = Matrix.zeros(2, 2);
    expect(() => writeCsvAtomic(path.join(dir, 'x.csv'), { matrix: m, header: ['a'] })).toThrow(InvalidInputError);
    expect(() => writeCsvAtomic(path.join(dir, 'x.csv'), { matrix: m, ids: ['a'] })).toThrow(/ids has 1 entries for 2 rows/);
    expect(fs.existsSync(path.join(dir, 'x.csv'))).toBe(false);
  });
});
