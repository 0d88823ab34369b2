import fs from 'node:fs';
import path from 'node:path';
import { makeTempDir, removeDir } from '../testing-fixtures/fixtures.js';
import { writeJsonAtomic } from './write-json-atomic.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeDir(dir));

describe('data/write-json-atomic', () => {
  it('round-trips values, turning typed arrays, Maps, Sets and BigInts into JSON', () => {
    const file = path.join(dir, 'r', 'results.json');
    const value = {
      name: 'run',
      weights: Float64Array.from([0.1, -2.5]),
      counts: Int32Array.from([1, 2, 3]),
      byKey: new Map([['a', 1]]),
      tags: new Set(['x', 'y']),
      big: 12n,
      nested: [{ ok: true, missing: null }],
    };
    writeJsonAtomic(file, value);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "name": "run"');
    expect(JSON.parse(text)).toEqual({
      name: 'run',
      weights: [0.1, -2.5],
      counts: [1, 2, 3],
      byKey: { a: 1 },
      tags: ['x', 'y'],
      big: 12,
      nested: [{ ok: true, missing: null }],
    });
  });

  it('writes NaN and infinities as null (JSON has no such numbers)', () => {
    const file = path.join(dir, 'nan.json');
    writeJsonAtomic(file, { a: Number.NaN, b: [Infinity, 1], c: Float32Array.from([Number.NaN]) }, { indent: 0 });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ a: null, b: [null, 1], c: [null] });
  });

  it('leaves the previous file intact when serialisation throws', () => {
    const file = path.join(dir, 'keep.json');
    writeJsonAtomic(file, { version: 1 });
    const bad = { toJSON: (): never => { throw new Error('cannot serialise'); } };
    expect(() => writeJsonAtomic(file, { version: 2, bad })).toThrow('cannot serialise');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => writeJsonAtomic(file, cyclic)).toThrow(TypeError);
    expect(() => writeJsonAtomic(file, undefined)).toThrow(/no JSON form/);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ version: 1 });
    expect(fs.readdirSync(dir)).toEqual(['keep.json']);
  });
});
