import type { PairedDataset } from '@cch-lab/data';
import { repeatSplitIssues } from './split-preflight.js';

/** Labels only, `sizes[c]` rows of class c. */
function labelled(sizes: number[], meta: Record<string, unknown> = {}, splits?: PairedDataset['splits']): PairedDataset {
  const labels = Int32Array.from(sizes.flatMap((n, c) => new Array<number>(n).fill(c)));
  return {
    name: 'toy',
    source: 'simulated',
    task: 'classification',
    modalities: {},
    labels,
    classes: sizes.map((_, c) => `c${c}`),
    splits: splits ?? { train: Int32Array.from(labels, (_, i) => i), test: new Int32Array(0) },
    meta,
  };
}

const check = (test: number, val: number) => ({ what: 'toy (n samples)', split: { test, val }, fixedSplitKey: 'data.path' });

describe('pipeline/experiments/shared/split-preflight', () => {
  it('passes the default fractions on a cohort with a small class', () => {
    expect(repeatSplitIssues(labelled([100, 40, 3]), check(0.3, 0.2))).toEqual([]);
  });

  it('blames split.val for a class whose one training row goes to validation, and counts the classes left', () => {
    // c1: test round(1.2) = 1, train 1, which val ≥ 0.5 takes; c0 keeps rows.
    const issues = repeatSplitIssues(labelled([10, 2]), check(0.6, 0.5));
    expect(issues).toEqual([{ path: 'split.val', message: expect.stringMatching(/^toy \(n samples\): a stratified split with test 0\.6 and val 0\.5 leaves class 'c1' \(2 samples: train 0, val 1, test 1\) without a training row; training rows hold 1 class and a classifier needs two — lower split\.val$/) }]);
  });

  it('blames split.test for a one-sample class a large test fraction takes whole', () => {
    const issues = repeatSplitIssues(labelled([20, 20, 1]), check(0.6, 0.2));
    expect(issues.map((i) => i.path)).toEqual(['split.test']);
    expect(issues[0].message).toMatch(/class 'c2' \(1 sample: train 0, val 0, test 1\) without a training row; the models never see them/);
  });

  it('names the empty validation part and the sizes', () => {
    // Every class keeps one training row, which a val fraction below ½ leaves in train.
    const issues = repeatSplitIssues(labelled([10, 10, 10]), check(0.95, 0.2));
    expect(issues).toEqual([{ path: 'split.test', message: expect.stringMatching(/leaves no validation rows \(train 3, val 0, test 27\)/) }]);
  });

  it('blames the files of a kept split, and skips regression', () => {
    const fixed = labelled([4, 4], { fixedSplit: true }, { train: Int32Array.from([0, 4]), test: Int32Array.from([1, 2, 3, 5, 6, 7]) });
    expect(repeatSplitIssues(fixed, check(0.3, 0.2))).toEqual([{ path: 'data.path', message: expect.stringMatching(/the data set's own split with val 0\.2 .* no validation rows \(train 2, val 0, test 6\)/) }]);
    expect(repeatSplitIssues({ ...labelled([5, 5]), task: 'regression' }, check(0.95, 0.9))).toEqual([]);
  });
});
