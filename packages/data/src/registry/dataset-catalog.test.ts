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

  it('finds CMU-MOSEI as the SDK’s .csd files or as word-aligned arrays (split folders, top-level .npy or one HDF5 file)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cch-catalog-'));
    try {
      const mosei = () => findDatasets(dir).find((d) => d.name === 'mosei');
      expect(mosei()).toMatchObject({ present: false, entry: { fetch: 'data-scripts/mosei/README.md' } });
      expect(mosei()?.lookedFor).toEqual(['CMU_MOSEI_Labels.csd', 'train/text.npy', 'text.npy', 'mosei_aligned.h5'].map((f) => path.join(dir, 'mosei', f)));
      mkdirSync(path.join(dir, 'mosei'));
      writeFileSync(path.join(dir, 'mosei', 'mosei_aligned.h5'), '');
      expect(mosei()).toMatchObject({ present: true, layout: 'arrays', path: path.join(dir, 'mosei', 'mosei_aligned.h5') });
      writeFileSync(path.join(dir, 'mosei', 'CMU_MOSEI_Labels.csd'), '');
      expect(mosei()).toMatchObject({ present: true, layout: 'csd' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
