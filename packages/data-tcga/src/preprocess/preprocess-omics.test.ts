import path from 'node:path';
import { InvalidInputError, Matrix, testing } from '@cch-lab/core';
import { subsetRows } from '@cch-lab/data';
import type { PairedDataset } from '@cch-lab/data';
import { loadTcga } from '../load-tcga.js';
import { makeTempDir, removeDir, tinyCohort, writeXenaFolder } from '../testing-fixtures/index.js';
import { preprocessOmics } from './preprocess-omics.js';

/** float64 z-scores recomputed by hand: a few ulps. */
const ZSCORE_RTOL = 1e-12;

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeDir(dir));

/** A 6-row dataset with the given modalities (rows of values), train rows 0–3, test 4–5. */
function toy(modalities: Record<string, number[][]>, meta: Record<string, unknown> = {}): PairedDataset {
  return {
    name: 'toy',
    source: 'simulated',
    modalities: Object.fromEntries(Object.entries(modalities).map(([k, rows]) => [k, Matrix.fromRows(rows)])),
    labels: Int32Array.from([0, 1, 0, 1, 0, 1]),
    task: 'classification',
    classes: ['a', 'b'],
    splits: { train: Int32Array.from([0, 1, 2, 3]), test: Int32Array.from([4, 5]) },
    meta,
  };
}

function loadedWithMissing(): PairedDataset {
  const folder = path.join(dir, 'brca');
  writeXenaFolder(folder, tinyCohort(), { missingCells: 6, allMissingFeature: true });
  return loadTcga({ path: folder, layout: 'xena' });
}

describe('data-tcga/preprocess-omics', () => {
  it("logs counts under 'auto' but not logged values, GISTIC-like negatives, or a file marked already-logged", () => {
    const counts = [[0, 5000], [10, 300], [3, 800], [7, 20], [1, 2], [0, 9]];
    const logged = [[2.5, 14.1], [3.1, 12.9], [0, 15.8], [5.5, 11.2], [4, 13], [1, 12]];
    const gistic = [[-2, 1], [0, 2], [1, -1], [2, 0], [0, 0], [-1, 1]];
    const { report, dataset } = preprocessOmics(toy({ counts, logged, gistic }), Int32Array.from([0, 1, 2, 3]), { standardize: false });
    expect(report.omics.counts).toMatchObject({ log2: true, log2Reason: 'counts' });
    expect(report.omics.logged).toMatchObject({ log2: false, log2Reason: 'not-counts' });
    expect(report.omics.gistic).toMatchObject({ log2: false, log2Reason: 'not-counts' });
    expect(dataset.modalities.counts.get(0, 1)).toBeCloseTo(Math.log2(5001), 12);
    expect(dataset.modalities.logged.get(0, 1)).toBe(14.1);

    const hinted = preprocessOmics(toy({ counts }, { log2Hint: { counts: 'already-logged' } }), Int32Array.from([0, 1, 2, 3]));
    expect(hinted.report.omics.counts).toMatchObject({ log2: false, log2Reason: 'already-logged' });
    const forced = preprocessOmics(toy({ logged }), Int32Array.from([0, 1, 2, 3]), { log2: { logged: true } });
    expect(forced.report.omics.logged).toMatchObject({ log2: true, log2Reason: 'configured' });
  });

  it('decides the auto rule on training rows only', () => {
    // Only test row 5 exceeds 100: the training rows look logged.
    const x = [[1, 2], [3, 4], [5, 6], [7, 8], [2, 3], [4, 5000]];
    expect(preprocessOmics(toy({ x }), Int32Array.from([0, 1, 2, 3])).report.omics.x.log2).toBe(false);
  });

  it('drops constant and all-missing features on the training rows, imputes the training mean, z-scores', () => {
    const ds = toy(
      { x: [[1, 5, 9, 0], [2, 5, 0, 0], [3, 5, 0, 0], [4, 5, 7, 0], [100, 6, 3, 0], [0, 7, 1, 0]] },
      // Cells (1,2), (2,2), all train rows of column 3, and test cell (5,3) are missing.
      { missing: { x: { count: 7, cells: [6, 10, 3, 7, 11, 15, 23] } }, featureNames: { x: ['g1', 'g2', 'g3', 'g4'] } },
    );
    const { dataset, report } = preprocessOmics(ds, ds.splits.train);
    const r = report.omics.x;
    expect(r).toMatchObject({ featuresBefore: 4, featuresAfter: 2, dropped: { allMissing: 1, constant: 1, topK: 0 } });
    expect(r.droppedExamples).toEqual({ allMissing: ['g4'], constant: ['g2'] });
    expect([r.imputedCells, r.imputedTrainCells]).toEqual([2, 2]);
    expect(dataset.meta.featureNames).toEqual({ x: ['g1', 'g3'] });
    // Column g3 on train rows: observed 9, 7 → mean 8; imputed rows equal the mean → z = 0.
    const g3 = [9, 8, 8, 7];
    const sd = Math.sqrt(g3.reduce((a, v) => a + (v - 8) ** 2, 0) / 3);
    testing.expectArraysClose(Array.from({ length: 6 }, (_, i) => dataset.modalities.x.get(i, 1)), [9, 8, 8, 7, 3, 1].map((v) => (v - 8) / sd), { rtol: ZSCORE_RTOL, atol: 0 });
    expect(dataset.meta.missing).toEqual({ x: { count: 0, cells: [] } });
    expect(dataset.meta.preprocessed).toEqual(report);
    expect(ds.modalities.x.cols).toBe(4);
  });

  it('keeps the topK features of largest training variance, ties to the lower column, in column order', () => {
    // Training variances: c0 1.67, c1 6.67, c2 1.67, c3 6.67 (tie with c1), c4 0.42.
    const rows = [[1, 2, 1, 2, 1], [2, 4, 2, 4, 1.5], [3, 6, 3, 6, 2], [4, 8, 4, 8, 2.5], [9, 9, 9, 9, 9], [0, 0, 0, 0, 0]];
    const names = { x: ['a', 'b', 'c', 'd', 'e'] };
    const pick = (k: number): string[] => {
      const { dataset } = preprocessOmics(toy({ x: rows }, { featureNames: names }), Int32Array.from([0, 1, 2, 3]), { topK: k });
      return (dataset.meta.featureNames as Record<string, string[]>).x;
    };
    expect(pick(1)).toEqual(['b']);
    expect(pick(2)).toEqual(['b', 'd']);
    expect(pick(3)).toEqual(['a', 'b', 'd']);
    expect(pick(10)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('fits nothing on test rows: changing a test row leaves the training rows unchanged', () => {
    const ds = loadedWithMissing();
    const train = ds.splits.train;
    const a = preprocessOmics(ds, train, { topK: 5 });
    const changed: PairedDataset = { ...ds, modalities: Object.fromEntries(Object.entries(ds.modalities).map(([k, x]) => [k, x.clone()])) };
    const t = ds.splits.test[0];
    for (const x of Object.values(changed.modalities)) for (let j = 0; j < x.cols; j++) x.set(t, j, 1e6 + j);
    const b = preprocessOmics(changed, train, { topK: 5 });
    for (const o of Object.keys(ds.modalities)) {
      expect(b.dataset.modalities[o].selectRows(train).data).toEqual(a.dataset.modalities[o].selectRows(train).data);
    }
    expect(b.report).toEqual(a.report);
    expect(b.dataset.meta.featureNames).toEqual(a.dataset.meta.featureNames);
  });

  it('imputes the loader’s missing cells and drops its all-missing feature', () => {
    const ds = loadedWithMissing();
    const { report } = preprocessOmics(ds, ds.splits.train);
    expect(report.omics.rppa.imputedCells).toBe(6);
    expect(report.omics.rppa.dropped.allMissing).toBe(1);
    expect(report.omics.rppa.featuresAfter).toBe(7);
    expect(report.omics.mrna.imputedCells).toBe(0);
  });

  it('rejects bad rows and options, log2 of values ≤ −1, and missing cells after subsetting', () => {
    const ds = toy({ x: [[1, 2], [3, 4], [5, 6], [7, 8], [2, 3], [4, 5]] });
    expect(() => preprocessOmics(ds, Int32Array.from([0]))).toThrow(/at least 2 rows/);
    expect(() => preprocessOmics(ds, Int32Array.from([0, 0]))).toThrow(InvalidInputError);
    expect(() => preprocessOmics(ds, [0, 1] as unknown as Int32Array)).toThrow(/Int32Array/);
    expect(() => preprocessOmics(ds, ds.splits.train, { topK: 0 })).toThrow(/topK/);
    const negative = toy({ x: [[-2, 2], [3, 4], [5, 6], [7, 8], [2, 3], [4, 5]] });
    expect(() => preprocessOmics(negative, negative.splits.train, { log2: true })).toThrow(/log2\(x \+ 1\) of a value ≤ −1/);
    const loaded = loadedWithMissing();
    const sub = subsetRows(loaded, Int32Array.from({ length: 20 }, (_, i) => i));
    expect(() => preprocessOmics(sub, sub.splits.train)).toThrow(/subset after loading/);
  });
});
