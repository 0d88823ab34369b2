import { InvalidInputError, createRng, testing } from '@cch-lab/core';
import type { Matrix } from '@cch-lab/core';
import { MFH_PAPER_LEVELS, mfhGaussian } from './mfh-gaussian.js';

/** γ and α are ratios of small integers. */
const EXACT = { rtol: 1e-15 };

function column(x: Matrix, j: number): number[] {
  return Array.from(x.columnValues(j));
}

describe('data-synthetic/mfh-gaussian', () => {
  it('computes γ = shared/(20 − shared) over the paper sweep with the paper sizes', () => {
    for (const shared of MFH_PAPER_LEVELS.gamma) {
      const ds = mfhGaussian({ sweep: 'gamma', shared }, createRng(`gamma/${shared}`));
      testing.expectClose(ds.meta.gamma as number, shared / (20 - shared), EXACT, `γ at shared = ${shared}`);
      expect(ds.modalities.x1.cols).toBe(25);
      expect(ds.modalities.x2.cols).toBe(50);
      expect(ds.splits.train.length).toBe(200);
      expect(ds.splits.test.length).toBe(1000);
      expect(ds.task).toBe('classification');
      expect(ds.source).toBe('simulated');
      expect(ds.classes).toEqual(['0', '1']);
    }
  });

  it('puts the decisive features where the layout says and labels by the hyperplane exactly', () => {
    const shared = 4;
    const ds = mfhGaussian({ sweep: 'gamma', shared, includeDecisive: true }, createRng('layout'));
    const { x1, x2, decisive } = ds.modalities;
    const a = ds.meta.hyperplane as number[];
    expect(a).toHaveLength(20);
    // A linear classifier on the decisive features with the true hyperplane is perfect.
    for (let i = 0; i < ds.labels.length; i++) {
      let score = 0;
      for (let k = 0; k < 20; k++) score += decisive.get(i, k) * a[k];
      expect(score > 0 ? 1 : 0).toBe(ds.labels[i]);
    }
    for (let j = 0; j < 10; j++) expect(column(x2, j)).toEqual(column(decisive, j));
    for (let j = 10 - shared; j < 20 - shared; j++) expect(column(x1, j)).toEqual(column(decisive, j));
    // The shared decisive dims are identical in both modalities; the others are noise.
    for (let j = 10 - shared; j < 10; j++) expect(column(x1, j)).toEqual(column(x2, j));
    expect(column(x1, 0)).not.toEqual(column(decisive, 0));
    expect(column(x2, 12)).not.toEqual(column(decisive, 12));
  });

  it('gives the alpha sweep’s teacher every decisive dim at s = 40', () => {
    const ds = mfhGaussian({ sweep: 'alpha', extra: 40 }, createRng('alpha'));
    testing.expectClose(ds.meta.alpha as number, 0.8, EXACT);
    testing.expectClose(ds.meta.gamma as number, 0.2, EXACT);
    const a = ds.meta.hyperplane as number[];
    expect(a).toHaveLength(50);
    const x1 = ds.modalities.x1;
    let correct = 0;
    for (let i = 0; i < ds.labels.length; i++) {
      let score = 0;
      for (let k = 0; k < 50; k++) score += x1.get(i, k) * a[k];
      if ((score > 0 ? 1 : 0) === ds.labels[i]) correct++;
    }
    // float32 storage can flip a row whose score is within rounding of 0; none should at this size.
    expect(correct).toBe(ds.labels.length);
    expect(ds.meta.layout).toEqual({ x1: { start: 0, end: 50 }, x2: { start: 0, end: 10 } });
  });

  it('balances the labels (the hyperplane passes through the origin)', () => {
    const ds = mfhGaussian({ sweep: 'gamma', shared: 6, nTest: 20_000 }, createRng('balance'));
    const n = ds.labels.length;
    let ones = 0;
    for (const v of ds.labels) ones += v;
    testing.expectWithinSe(ones / n, 0.5, Math.sqrt(0.25 / n), 4, 'fraction of label 1');
  });

  it('is deterministic in its rng and rejects layouts that do not fit', () => {
    const a = mfhGaussian({ sweep: 'gamma', shared: 2 }, createRng(5));
    const b = mfhGaussian({ sweep: 'gamma', shared: 2 }, createRng(5));
    expect(Array.from(a.modalities.x2.data)).toEqual(Array.from(b.modalities.x2.data));
    expect(() => mfhGaussian({ sweep: 'gamma', shared: 11 }, createRng(1))).toThrow(InvalidInputError);
    expect(() => mfhGaussian({ sweep: 'gamma', extra: 10 }, createRng(1))).toThrow(/does not apply/);
    expect(() => mfhGaussian({ sweep: 'alpha', extra: 50 }, createRng(1))).toThrow(/teacherDims/);
  });
});
