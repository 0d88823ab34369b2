import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataNotFoundError } from '@cch-lab/core';
import { fingerprintFile, fingerprintFiles } from './fingerprint-file.js';

describe('data/fingerprint/fingerprint-file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cch-fp-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('changes when one value in the file changes, and not otherwise', () => {
    const file = path.join(dir, 'a.csv');
    writeFileSync(file, '1,2\n3,4\n');
    const first = fingerprintFile(file);
    expect(fingerprintFile(file)).toBe(first);
    writeFileSync(file, '1,2\n3,5\n');
    expect(fingerprintFile(file)).not.toBe(first);
    writeFileSync(file, '1,2\n3,4\n');
    expect(fingerprintFile(file)).toBe(first);
  });

  it('lists files by absolute path and names a missing one', () => {
    const a = path.join(dir, 'a.txt');
    writeFileSync(a, 'x');
    expect(Object.keys(fingerprintFiles([a, a]))).toEqual([a]);
    expect(() => fingerprintFile(path.join(dir, 'none.txt'))).toThrow(DataNotFoundError);
  });
});
