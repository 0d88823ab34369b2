/**
 * What every repeat's split (toolkit's splitForRepeat) leaves in train, val and test, checked once
 * before the first cell. A stratified split's counts depend on the labels and fractions only, never
 * on the seed (which rows land where does), so one split drawn here with any stream has the sizes
 * of every repeat's split; the fixed split of a layout such as MOGONET is the file's.
 */
import { Rng, type ConfigIssue } from '@cch-lab/core';
import type { PairedDataset } from '@cch-lab/data';
import { splitForRepeat, type RepeatSplitOptions } from '../../toolkit/split-for-repeat.js';

export interface RepeatSplitCheck {
  /** Who the rows are, first in every message, e.g. "cohort brca (40 samples)". */
  what: string;
  split: RepeatSplitOptions;
  /** The key that holds the data set's own split (its files), blamed instead of split.test when it is kept. */
  fixedSplitKey: string;
}

interface PartCounts {
  train: number;
  val: number;
  test: number;
}

/**
 * Classification splits only: every class must keep a training row (two classes at least, or the
 * trainer throws; one class short and its output unit is never trained), and the validation part
 * must hold rows (early stopping throws without them; teacher selection and the choice of the
 * strongest teacher read validation scores, which are NaN without them).
 */
export function repeatSplitIssues(dataset: PairedDataset, check: RepeatSplitCheck): ConfigIssue[] {
  if (dataset.task !== 'classification') return [];
  const fixed = dataset.meta.fixedSplit === true;
  // Only labels and the split matter; the matrices would be copied for nothing.
  const splits = splitForRepeat({ ...dataset, modalities: {}, featureShapes: {} }, check.split, new Rng('preflight')).splits;
  const byClass = perClassCounts(dataset, splits);
  const outerKey = fixed ? check.fixedSplitKey : 'split.test';
  const how = fixed ? `the data set's own split with val ${check.split.val} of its training rows` : `a stratified split with test ${check.split.test} and val ${check.split.val}`;
  const issues: ConfigIssue[] = [];

  const untrained = [...byClass].filter(([, c]) => c.train === 0 && c.train + c.val + c.test > 0);
  const trainedClasses = byClass.size - untrained.length;
  for (const key of [outerKey, 'split.val']) {
    // A class lost to the validation part is split.val's doing; one with no training row even before it, the test split's.
    const lost = untrained.filter(([, c]) => (key === 'split.val') === (c.val > 0));
    if (lost.length === 0) continue;
    const consequence = trainedClasses < 2 ? `training rows hold ${trainedClasses} class${trainedClasses === 1 ? '' : 'es'} and a classifier needs two` : 'the models never see them';
    issues.push({
      path: key,
      message: `${check.what}: ${how} leaves ${listClasses(lost)} without a training row; ${consequence} — ${key === 'split.val' ? 'lower split.val' : fixed ? 'use files whose training part holds every class' : 'lower split.test (or use more samples)'}`,
    });
  }

  if ((splits.val?.length ?? 0) === 0) {
    issues.push({
      path: outerKey,
      message:
        `${check.what}: ${how} leaves no validation rows (train ${splits.train.length}, val 0, test ${splits.test.length}): no class keeps two rows for training ` +
        `before val is carved from them, and early stopping and the choice of models on validation rows need some — ${fixed ? 'use files with more training rows' : 'lower split.test (or use more samples)'}`,
    });
  }
  return issues;
}

/** Counts per class, by class name in label order. */
function perClassCounts(dataset: PairedDataset, splits: PairedDataset['splits']): Map<string, PartCounts> {
  const counts = new Map<number, PartCounts>();
  const add = (rows: Int32Array | undefined, part: keyof PartCounts) => {
    for (const i of rows ?? []) {
      const c = counts.get(dataset.labels[i]) ?? { train: 0, val: 0, test: 0 };
      c[part] += 1;
      counts.set(dataset.labels[i], c);
    }
  };
  add(splits.train, 'train');
  add(splits.val, 'val');
  add(splits.test, 'test');
  return new Map([...counts].sort(([a], [b]) => a - b).map(([y, c]) => [dataset.classes?.[y] ?? String(y), c]));
}

function listClasses(classes: [string, PartCounts][]): string {
  const one = ([name, c]: [string, PartCounts]) => {
    const n = c.train + c.val + c.test;
    return `class '${name}' (${n} sample${n === 1 ? '' : 's'}: train ${c.train}, val ${c.val}, test ${c.test})`;
  };
  const shown = classes.slice(0, 4).map(one).join(', ');
  return classes.length > 4 ? `${shown} and ${classes.length - 4} more` : shown;
}
