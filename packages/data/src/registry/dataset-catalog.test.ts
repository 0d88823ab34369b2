import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATASET_NAMES, findDatasets } from './dataset-catalog.js';

describe('data/registry/dataset-catalog', () => {
  it('finds a data set by any of its layouts’ marker files', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cch-catalog-'));
    try {
      mkdirSync(path.join(dir, 'tcga', 'kipan'), { recursive: true });
      writeFileSync(path.join(dir, 'tcga', 'kipan', 'HiSeqV2'), 'sample\n');
      const found = findDatasets(dir);
      expect(found.map((d) => d.name)).toEqual([...DATASET_NAMES]);
      const kipan = found.find((d) => d.name === 'tcga-kipan');
      expect(kipan).toMatchObject({ present: true, layout: 'xena', path: path.join(dir, 'tcga', 'kipan', 'HiSeqV2') });
      expect(found.find((d) => d.name === 'tcga-brca')?.present).toBe(false);
      expect(found.find((d) => d.name === 'tcga-brca')?.lookedFor).toContain(path.join(dir, 'tcga', 'brca', '1_tr.csv'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
