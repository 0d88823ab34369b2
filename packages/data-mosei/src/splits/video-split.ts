/**
 * Train / val / test by video: MOSEI's segments of one video share a speaker and a topic, so a
 * split that separated them would leak. Videos the SDK's standard folds list follow the folds;
 * the rest (and every video of the stand-in) are assigned whole, by a seeded shuffle of videos.
 */
import { Rng } from '@cch-lab/core';
import { splitCounts, type Splits } from '@cch-lab/data';

/** Video ids of the SDK's standard folds (cmu_mosei_std_folds.py). */
export interface StandardFolds {
  train: readonly string[];
  valid: readonly string[];
  test: readonly string[];
}

export interface VideoSplitOptions {
  folds?: StandardFolds;
  /** Fractions of the unlisted videos for test and validation; the rest train. */
  test: number;
  val: number;
  /** A seed, or the caller's stream (an experiment's repeat). */
  seed: number | Rng;
}

export interface VideoSplit {
  splits: Splits;
  /** Segments placed by the standard folds, and by the seeded shuffle of videos. */
  byFold: number;
  bySeed: number;
}

type Part = 'train' | 'val' | 'test';

export function videoSplit(videos: readonly string[], options: VideoSplitOptions): VideoSplit {
  const part = new Map<string, Part>();
  if (options.folds !== undefined) {
    for (const v of options.folds.train) part.set(v, 'train');
    for (const v of options.folds.valid) part.set(v, 'val');
    for (const v of options.folds.test) part.set(v, 'test');
  }
  const listed = new Set(part.keys());
  const unlisted = [...new Set(videos)].filter((v) => !listed.has(v));
  const rng = typeof options.seed === 'number' ? new Rng(options.seed) : options.seed;
  const order = rng.permutation(unlisted.length);
  const c = splitCounts(unlisted.length, { train: 1 - options.test - options.val, val: options.val, test: options.test });
  order.forEach((video, rank) => part.set(unlisted[video], rank < c.test ? 'test' : rank < c.test + c.val ? 'val' : 'train'));

  const rows: Record<Part, number[]> = { train: [], val: [], test: [] };
  let byFold = 0;
  videos.forEach((v, i) => {
    rows[part.get(v) as Part].push(i);
    if (listed.has(v)) byFold++;
  });
  const splits: Splits = { train: Int32Array.from(rows.train), test: Int32Array.from(rows.test) };
  if (rows.val.length > 0 || options.val > 0) splits.val = Int32Array.from(rows.val);
  return { splits, byFold, bySeed: videos.length - byFold };
}
