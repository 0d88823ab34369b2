import fs from 'node:fs';
import path from 'node:path';
import { CchError } from '@cch-lab/core';
import { makeTempDir, removeDir } from '../testing-fixtures/fixtures.js';
import { writeFileAtomic, writeTextAtomic } from './write-file-atomic.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeDir(dir));

describe('data/write-file-atomic', () => {
  it('creates parent directories, writes, and overwrites without leaving temp files', () => {
    const file = path.join(dir, 'a', 'b', 'out.txt');
    writeTextAtomic(file, 'first ✓\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('first ✓\n');
    writeTextAtomic(file, 'second');
    expect(fs.readFileSync(file, 'utf8')).toBe('second');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['out.txt']);
  });

  it('writes chunks from a generator, strings and bytes mixed', () => {
    const file = path.join(dir, 'chunks.bin');
    writeFileAtomic(file, (function* () {
      yield 'ab';
      yield Uint8Array.from([0x63, 0x64]);
    })());
    expect(fs.readFileSync(file, 'latin1')).toBe('abcd');
  });

  it('leaves the previous file intact and removes the temp file when producing the content fails', () => {
    const file = path.join(dir, 'keep.txt');
    writeTextAtomic(file, 'previous');
    const failing = (function* () {
      yield 'x'.repeat(100_000);
      throw new Error('serialiser broke');
    })();
    expect(() => writeFileAtomic(file, failing)).toThrow('serialiser broke');
    expect(fs.readFileSync(file, 'utf8')).toBe('previous');
    expect(fs.readdirSync(dir)).toEqual(['keep.txt']);
  });

  it('reports a failed rename as EWRITE naming the file, and cleans up', () => {
    // Renaming a file onto a non-empty directory fails after the temp file was fully written.
    const target = path.join(dir, 'occupied');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside.txt'), 'untouched');
    try {
      writeTextAtomic(target, 'new');
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(CchError);
      expect((error as CchError).code).toBe('EWRITE');
      expect((error as CchError).message).toMatch(/occupied: cannot rename the temporary file onto the target/);
    }
    expect(fs.readdirSync(dir)).toEqual(['occupied']);
    expect(fs.readFileSync(path.join(target, 'inside.txt'), 'utf8')).toBe('untouched');
  });

  it('reports a parent path that is a file as EWRITE', () => {
    fs.writeFileSync(path.join(dir, 'plain'), '');
    expect(() => writeTextAtomic(path.join(dir, 'plain', 'x.txt'), 'y')).toThrow(/cannot create the directory/);
  });
});
