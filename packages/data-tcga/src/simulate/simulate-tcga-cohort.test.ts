import { InvalidInputError, createRng, pearson } from '@cch-lab/core';
import type { Matrix } from '@cch-lab/core';
import { assertPairedDataset } from '@cch-lab/data';
import type { PairedDataset } from '@cch-lab/data';
import { COHORT_PROFILES } from './cohort-profiles.js';
import { simulateTcgaCohort } from './simulate-tcga-cohort.js';

/** Between the independent-blocks level (≈ 0.04) and the shared-factor level (≈ 0.2). */
const MEAN_ABS_CORRELATION_FLOOR = 0.1;

/** Nearest-centroid accuracy on the test split, features z-scored with train statistics. */
function nearestCentroidAccuracy(ds: PairedDataset, omics: string): number {
  const x: Matrix = ds.modalities[omics];
  const y = ds.labels as Int32Array;
  const c = (ds.classes ?? []).length;
  const d = x.cols;
  const mean = new Float64Array(d);
  const sd = new Float64Array(d);
  const train = ds.splits.train;
  for (const i of train) for (let j = 0; j < d; j++) mean[j] += x.get(i, j) / train.length;
  for (const i of train) for (let j = 0; j < d; j++) sd[j] += (x.get(i, j) - mean[j]) ** 2 / (train.length - 1);
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j]);
  const z = (i: number, j: number): number => (x.get(i, j) - mean[j]) / sd[j];
  const centroids = new Float64Array(c * d);
  const counts = new Float64Array(c);
  for (const i of train) {
    counts[y[i]] += 1;
    for (let j = 0; j < d; j++) centroids[y[i] * d + j] += z(i, j);
  }
  for (let k = 0; k < c; k++) for (let j = 0; j < d; j++) centroids[k * d + j] /= counts[k];
  let correct = 0;
  for (const i of ds.splits.test) {
    let best = -1;
    let bestDist = Number.POSITIVE_INFINITY;
    for (let k = 0; k < c; k++) {
      let dist = 0;
      for (let j = 0; j < d; j++) dist += (z(i, j) - centroids[k * d + j]) ** 2;
      if (dist < bestDist) [best, bestDist] = [k, dist];
    }
    if (best === y[i]) correct += 1;
  }
  return correct / ds.splits.test.length;
}

describe('data-tcga/simulate-tcga-cohort', () => {
  it('builds a valid dataset with the cohort profile: classes, sizes, shapes, provenance', () => {
    const ds = simulateTcgaCohort({ cohort: 'kipan' }, createRng(3));
    assertPairedDataset(ds);
    expect(ds.name).toBe('tcga-kipan-simulated');
    expect(ds.source).toBe('simulated');
    expect(ds.classes).toEqual(['KICH', 'KIRC', 'KIRP']);
    expect(ds.labels.length).toBe(COHORT_PROFILES.kipan.samples);
    expect(ds.meta.classCounts).toEqual({ KICH: 66, KIRC: 318, KIRP: 289 });
    expect([ds.modalities.mrna.cols, ds.modalities.cnv.cols, ds.modalities.rppa.cols]).toEqual([200, 200, 100]);
    expect(ds.splits.train.length + ds.splits.test.length).toBe(ds.labels.length);
    expect((ds.meta.sampleIds as string[])[0]).toBe('TCGA-SK-0001');
    expect((ds.meta.featureNames as Record<string, string[]>).rppa).toHaveLength(100);
    expect(ds.meta.seed).toBe(createRng(3).seed);
    expect(JSON.parse(JSON.stringify(ds.meta))).toEqual(ds.meta);
  });

  it('honours samples and features, keeping at least 2 rows per class', () => {
    const ds = simulateTcgaCohort({ cohort: 'brca', samples: 20, features: { rppa: 5 } }, createRng(1));
    expect(ds.labels.length).toBe(20);
    expect(ds.modalities.rppa.cols).toBe(5);
    expect(ds.modalities.mrna.cols).toBe(200);
    const counts = Object.values(ds.meta.classCounts as Record<string, number>);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(20);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(2);
  });

  it('is deterministic given the rng seed, and differs for another seed', () => {
    const a = simulateTcgaCohort({ cohort: 'lihc', samples: 50 }, createRng(11));
    const b = simulateTcgaCohort({ cohort: 'lihc', samples: 50 }, createRng(11));
    const c = simulateTcgaCohort({ cohort: 'lihc', samples: 50 }, createRng(12));
    expect(b.modalities.cnv.data).toEqual(a.modalities.cnv.data);
    expect(b.labels).toEqual(a.labels);
    expect(b.splits).toEqual(a.splits);
    expect(c.modalities.cnv.data).not.toEqual(a.modalities.cnv.data);
  });

  it('makes mRNA more class-informative than CNV and RPPA (nearest-centroid accuracy on the test split)', () => {
    for (const cohort of ['brca', 'kipan', 'lihc'] as const) {
      const ds = simulateTcgaCohort({ cohort }, createRng(7));
      const [mrna, cnv, rppa] = ['mrna', 'cnv', 'rppa'].map((o) => nearestCentroidAccuracy(ds, o));
      expect(mrna).toBeGreaterThan(cnv);
      expect(mrna).toBeGreaterThan(rppa);
      expect(mrna).toBeGreaterThan(1 / (ds.classes ?? []).length);
    }
  });

  it('correlates the omics through the shared factors', () => {
    const ds = simulateTcgaCohort({ cohort: 'lihc' }, createRng(5));
    let sum = 0;
    for (let a = 0; a < 20; a++) for (let b = 0; b < 20; b++) {
      sum += Math.abs(pearson(ds.modalities.mrna.columnValues(a), ds.modalities.cnv.columnValues(b)));
    }
    // Independent blocks would give a mean |r| near 0.8/√360 ≈ 0.04; the shared factors give ≈ 0.2.
    expect(sum / 400).toBeGreaterThan(MEAN_ABS_CORRELATION_FLOOR);
  });

  it('rejects unknown cohorts and too few samples', () => {
    expect(() => simulateTcgaCohort({ cohort: 'luad' as never }, createRng(1))).toThrow(InvalidInputError);
    expect(() => simulateTcgaCohort({ cohort: 'brca', samples: 9 }, createRng(1))).toThrow(/samples must be an integer ≥ 10/);
    expect(() => simulateTcgaCohort({ cohort: 'brca', features: { cnv: 0 } }, createRng(1))).toThrow(/features.cnv/);
  });
});
