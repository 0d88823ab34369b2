/**
 * One repeat's split of a dataset: the layout's fixed train/test split when it has one
 * (`meta.fixedSplit`), else a fresh stratified (classification) or random (regression) split
 * from this repeat's stream; then validation rows carved from the training rows — for early
 * stopping and for choosing models, never the test rows.
 */
import type { Rng } from '@cch-lab/core';
import { randomSplit, stratifiedSplit, type PairedDataset, type Splits } from '@cch-lab/data';

export interface RepeatSplitOptions {
  /** Test fraction of all rows (ignored for a fixed split). */
  test: number;
  /** Validation fraction of the training rows. */
  val: number;
}

export function splitForRepeat(dataset: PairedDataset, options: RepeatSplitOptions, rng: Rng): PairedDataset {
  const classification = dataset.task === 'classification';
  const draw = (labels: ArrayLike<number>, test: number, stream: Rng): Splits =>
    classification ? stratifiedSplit(labels, { train: 1 - test, test, rng: stream }) : randomSplit(labels.length, { train: 1 - test, test, rng: stream });
  const base = dataset.meta.fixedSplit === true ? dataset.splits : draw(dataset.labels, options.test, rng.derive('split'));
  const inner = draw(Array.from(base.train, (i) => dataset.labels[i]), options.val, rng.derive('val'));
  const splits: Splits = {
    train: Int32Array.from(inner.train, (j) => base.train[j]).sort(),
    val: Int32Array.from(inner.test, (j) => base.train[j]).sort(),
    test: base.test,
  };
  return { ...dataset, splits };
}
