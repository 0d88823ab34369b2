/**
 * The shuffle (permutation) null: rerun an estimator on data whose y rows are permuted, which
 * keeps both marginals and destroys the dependence (REFERENCE.md §2). Seeded: shuffle s uses
 * rng.derive('null').derive(s), so the same seed gives the same null.
 */
import { mean, standardDeviation, type Matrix, type Reporter, type Rng } from '@cch-lab/core';
import type { MiTarget, NullSummary } from '../types.js';

/** Estimates MI in nats on (x, y) with its own random stream. */
export type NatsFunction = (x: Matrix, y: MiTarget, rng: Rng) => Promise<number>;

export interface ShuffleNullOptions {
  /** Number of shuffles (≥ 1). */
  shuffles: number;
  /** Source of the permutations and of each rerun's own stream. */
  rng: Rng;
  /** Progress. Default none. */
  reporter?: Reporter;
}

/**
 * Null mean, sd and one-sided p = (1 + #{null ≥ observed}) / (shuffles + 1) — the +1 counts the
 * observed data as one of the permutations, so p is never 0 (Phipson & Smyth 2010).
 */
export async function shuffleNull(
  estimate: NatsFunction,
  x: Matrix,
  y: MiTarget,
  observed: number,
  options: ShuffleNullOptions,
): Promise<NullSummary> {
  const values = await shuffleNullValues(estimate, x, y, options);
  let atLeast = 0;
  for (const v of values) if (v >= observed) atLeast++;
  return { mean: mean(values), sd: standardDeviation(values), p: (1 + atLeast) / (values.length + 1), shuffles: values.length };
}

/** The null estimates themselves, in shuffle order. */
export async function shuffleNullValues(estimate: NatsFunction, x: Matrix, y: MiTarget, options: ShuffleNullOptions): Promise<Float64Array> {
  const root = options.rng.derive('null');
  const values = new Float64Array(options.shuffles);
  for (let s = 0; s < options.shuffles; s++) {
    const rng = root.derive(s);
    const perm = rng.permutation(x.rows);
    const shuffled = y instanceof Int32Array ? Int32Array.from(perm, (i) => y[i]) : y.selectRows(perm);
    values[s] = await estimate(x, shuffled, rng.derive('estimate'));
    options.reporter?.progress('shuffle null', s + 1, options.shuffles);
  }
  return values;
}
