/**
 * Uncertainty from repeated subsamples without replacement (REFERENCE.md §2: the bootstrap is
 * unreliable for k-NN estimators, whose duplicated rows look like perfect neighbours).
 *
 * What the interval means: R subsamples of m rows (default m = n/2) give estimates θ_r. Their
 * spread, rescaled by √(m / (n − m)) (the delete-d jackknife factor; 1 when m = n/2), estimates
 * the sampling spread of the full-sample estimate θ. The interval is θ plus the rescaled
 * (1 − level)/2 and (1 + level)/2 quantiles of the centred θ_r − mean(θ_r). It describes sampling
 * variability at n only: it does not contain the estimator's bias (KSG under-estimates strong
 * dependence in high dimension whatever n), and with R = 20 its ends are rough.
 */
import { quantile, type Matrix, type Reporter, type Rng } from '@cch-lab/core';
import type { NatsFunction } from '../nulls/shuffle-null.js';
import type { IntervalSummary, MiTarget } from '../types.js';

export interface SubsampleOptions {
  /** Number of subsamples (≥ 2). */
  reps: number;
  /** Subsample size as a fraction of n, in (0, 1). */
  fraction: number;
  /** Nominal coverage, e.g. 0.95. */
  level: number;
  /** Source of the subsamples and of each rerun's own stream. */
  rng: Rng;
  /** Progress. Default none. */
  reporter?: Reporter;
}

/** Rows in each subsample: round(fraction · n), at least 2 and at most n − 1. */
export function subsampleSize(n: number, fraction: number): number {
  return Math.min(n - 1, Math.max(2, Math.round(fraction * n)));
}

/** The row indices of subsample r (sorted), seeded by rng.derive('subsample').derive(r). */
export function subsampleIndices(n: number, m: number, r: number, rng: Rng): Int32Array {
  return rng.derive('subsample').derive(r).sampleWithoutReplacement(n, m).sort();
}

/** The interval for an estimate, rerunning `estimate` on each subsample. */
export async function subsampleInterval(
  estimate: NatsFunction,
  x: Matrix,
  y: MiTarget,
  observed: number,
  options: SubsampleOptions,
): Promise<IntervalSummary> {
  const n = x.rows;
  const m = subsampleSize(n, options.fraction);
  const values = new Float64Array(options.reps);
  for (let r = 0; r < options.reps; r++) {
    const rows = subsampleIndices(n, m, r, options.rng);
    const ys = y instanceof Int32Array ? Int32Array.from(rows, (i) => y[i]) : y.selectRows(rows);
    values[r] = await estimate(x.selectRows(rows), ys, options.rng.derive('subsample-estimate').derive(r));
    options.reporter?.progress('subsample interval', r + 1, options.reps);
  }
  return summarizeSubsamples(observed, values, n, m, options.level);
}

/** The interval from subsample estimates (see the file comment for what it means). */
export function summarizeSubsamples(observed: number, values: Float64Array, n: number, m: number, level: number): IntervalSummary {
  let sum = 0;
  for (const v of values) sum += v;
  const centre = sum / values.length;
  const deviations = Float64Array.from(values, (v) => v - centre);
  const scale = Math.sqrt(m / (n - m));
  const tail = (1 - level) / 2;
  return {
    low: observed + scale * quantile(deviations, tail),
    high: observed + scale * quantile(deviations, 1 - tail),
    level,
    method: 'subsample',
    reps: values.length,
    subsampleSize: m,
    subsampleMean: centre,
  };
}
