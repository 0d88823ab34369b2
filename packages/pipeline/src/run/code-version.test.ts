import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { codeFingerprint, codeVersion } from './code-version.js';

describe('pipeline/codeVersion', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'cch-codever-'));
    for (const pkg of ['pipeline', 'estimators']) mkdirSync(path.join(root, pkg, 'src', 'run'), { recursive: true });
    writeFileSync(path.join(root, 'estimators', 'src', 'ksg.ts'), 'export const k = 3;\n');
    writeFileSync(path.join(root, 'estimators', 'src', 'ksg.test.ts'), 'it("x", () => {});\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const self = (): string => path.join(root, 'pipeline', 'src', 'run', 'code-version.ts');

  it('changes when any package source changes, not when a test changes', () => {
    const before = codeFingerprint(self());
    writeFileSync(path.join(root, 'estimators', 'src', 'ksg.test.ts'), 'it("y", () => {});\n');
    expect(codeFingerprint(self())).toBe(before);
    writeFileSync(path.join(root, 'estimators', 'src', 'ksg.ts'), 'export const k = 4;\n');
    expect(codeFingerprint(self())).not.toBe(before);
  });

  it('is the package version plus a fingerprint of this workspace', () => {
    expect(codeVersion()).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
  });
});
