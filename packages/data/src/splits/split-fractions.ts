/**
 * Fractions of a train/val/test split and how they turn into whole row counts. Shared by
 * stratifiedSplit and randomSplit so both round the same way.
 */
import { InvalidInputError } from '@cch-lab/core';
import type { Rng } from '@cch-lab/core';
import type { Splits } from '../types.js';

/** Options shared by the split functions. */
export interface SplitOptions {
  /** Fraction of rows for training, in [0, 1]. Required. */
  train: number;
  /** Fraction of rows for validation, in [0, 1]. Default 0 (no val split is returned). */
  val?: number;
  /** Fraction of rows for testing, in [0, 1]. Required. */
  test: number;
  /** Source of the shuffles. Required: the same seed gives the same split. */
  rng: Rng;
}

/** The three fractions after validation. */
export interface SplitFractions {
  train: number;
  val: number;
  test: number;
}

/** Slack on "fractions sum to at most 1", so 0.7 + 0.2 + 0.1 passes despite rounding. */
const SUM_SLACK = 1e-9;

/**
 * Validates the fractions: each a finite number in [0, 1], their sum at most 1 (+1e-9).
 *
 * @throws InvalidInputError naming the bad fraction, or the sum and its parts.
 */
export function checkSplitFractions(options: SplitOptions, where: string): SplitFractions {
  if (options === null || typeof options !== 'object') {
    throw new InvalidInputError(`${where}: options { train, val?, test, rng } are required`, {
      details: { field: 'options', received: String(options) },
    });
  }
  const fractions = { train: options.train, val: options.val ?? 0, test: options.test };
  for (const [field, value] of Object.entries(fractions)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
      throw new InvalidInputError(`${where}: the ${field} fraction must be a number in [0, 1]`, {
        details: { field, received: String(value) },
        hint: 'fractions are shares of the rows, e.g. { train: 0.8, test: 0.2 }',
      });
    }
  }
  const sum = fractions.train + fractions.val + fractions.test;
  if (sum > 1 + SUM_SLACK) {
    throw new InvalidInputError(
      `${where}: the fractions sum to ${sum} (train ${fractions.train} + val ${fractions.val} + test ${fractions.test}); they must sum to at most 1`,
      { details: { field: 'train+val+test', received: String(sum) }, hint: 'lower one of the fractions' },
    );
  }
  if (options.rng === undefined || typeof (options.rng as Rng).permutation !== 'function') {
    throw new InvalidInputError(`${where}: an explicit rng is required (e.g. createRng(seed).derive('split'))`, {
      details: { field: 'rng', received: String(options.rng) },
    });
  }
  return fractions;
}

/** Row counts of one group: test, val and train come from its shuffled rows in that order. */
export interface SplitCounts {
  train: number;
  val: number;
  test: number;
}

/**
 * Whole counts for a group of `n` rows by cumulative rounding: test = round(n·f_test), test + val
 * = round(n·(f_test + f_val)), test + val + train = round(n·(f_test + f_val + f_train)), so the
 * counts never exceed n and fill it exactly when the fractions sum to 1. Then, when n ≥ 2 and both
 * the train and the test fraction are positive, each of train and test gets at least one row,
 * taken from the largest other part (unused rows first).
 */
export function splitCounts(n: number, f: SplitFractions): SplitCounts {
  const b1 = Math.min(n, Math.round(n * f.test));
  const b2 = Math.min(n, Math.max(b1, Math.round(n * (f.test + f.val))));
  const b3 = Math.min(n, Math.max(b2, Math.round(n * (f.test + f.val + f.train))));
  const c = { test: b1, val: b2 - b1, train: b3 - b2, unused: n - b3 };
  if (n >= 2 && f.train > 0 && f.test > 0) {
    if (c.test === 0) takeOne(c, 'test', ['unused', 'train', 'val']);
    if (c.train === 0) takeOne(c, 'train', ['unused', 'val', 'test']);
  }
  return { train: c.train, val: c.val, test: c.test };
}

type Part = 'train' | 'val' | 'test' | 'unused';

function takeOne(c: Record<Part, number>, to: Part, from: Part[]): void {
  // The donor is the largest part that can spare a row (test and train keep at least one).
  let donor: Part | undefined;
  for (const p of from) {
    const floor = p === 'train' || p === 'test' ? 1 : 0;
    if (c[p] > floor && (donor === undefined || c[p] > c[donor])) donor = p;
  }
  if (donor === undefined) return;
  c[donor] -= 1;
  c[to] += 1;
}

/** Splits from index lists: each sorted ascending, `val` only when asked for. */
export function toSplits(train: number[], val: number[], test: number[], withVal: boolean): Splits {
  const sorted = (xs: number[]): Int32Array => Int32Array.from(xs).sort();
  const splits: Splits = { train: sorted(train), test: sorted(test) };
  if (withVal) splits.val = sorted(val);
  return splits;
}
