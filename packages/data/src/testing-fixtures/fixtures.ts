/** Helpers for this package's tests: temporary directories and a small valid dataset. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Matrix } from '@cch-lab/core';
import type { PairedDataset } from '../types.js';

/** A fresh directory under the system temp dir; the caller removes it (see removeDir). */
export function makeTempDir(prefix = 'cch-data-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Writes `content` to `dir/name` and returns the path. */
export function writeFixture(dir: string, name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/**
 * A valid 6-row classification dataset: modality 'a' (6 × 2, float64; row i = [i, 10·i]) and 'b'
 * (6 × 3, float32; row i = [i, −i, 0.5]), labels 0,1,0,1,0,1, splits train {0,1,2,3} test {4,5}.
 */
export function toyDataset(): PairedDataset {
  const a = Matrix.zeros(6, 2);
  const b = Matrix.zeros(6, 3, 'float32');
  for (let i = 0; i < 6; i++) {
    a.set(i, 0, i);
    a.set(i, 1, 10 * i);
    b.set(i, 0, i);
    b.set(i, 1, -i);
    b.set(i, 2, 0.5);
  }
  return {
    name: 'toy',
    source: 'simulated',
    modalities: { a, b },
    labels: Int32Array.from([0, 1, 0, 1, 0, 1]),
    task: 'classification',
    classes: ['even', 'odd'],
    splits: { train: Int32Array.from([0, 1, 2, 3]), test: Int32Array.from([4, 5]) },
    meta: {},
  };
}
