/**
 * `cch bench knn`: times KSG-1 with the k-NN engine against an in-process naive O(n²) brute force
 * KSG-1 on the same data, for several sample sizes and joint dimensions. Data: correlated Gaussian
 * pairs (ρ = 0.6 per coordinate, unit-variance columns), joint dimension split evenly between x and y.
 * Each engine timing follows one untimed run on the same data (JIT warm-up, worker start-up).
 * With `nullShuffles`, each row also times that many engine estimates on y rows permuted (a
 * shuffle null's work) and reports the time per 100.
 */
import { silentReporter, type Reporter, type Rng } from '@cch-lab/core';
import type { KnnEngineOptions } from '../knn/engine-options.js';
import type { PointSet } from '../knn/point-set.js';
import { selectPoints } from '../knn/point-set.js';
import { ksgNats } from '../ksg.js';

export interface BenchKnnOptions {
  /** Sample sizes. Default [1000, 5000, 10000]. */
  sizes?: number[];
  /** Joint dimensions (dx + dy, each ≥ 2 and split evenly; odd gives x the extra column). Default [2, 16, 40, 200]. */
  dims?: number[];
  /** Neighbours. Default 3. */
  k?: number;
  /** Data source. */
  rng: Rng;
  /** The naive baseline runs on at most this many rows; above, it is timed on a subsample and scaled by (n/m)². Default 5000. */
  baselineMaxN?: number;
  /** Shuffle-null estimates timed per row (0: none). Default 0. */
  nullShuffles?: number;
  /** Engine settings for the timed run (e.g. workers). Default automatic. */
  engine?: KnnEngineOptions;
  /** Progress. Default silent. */
  reporter?: Reporter;
}

export interface BenchKnnRow {
  n: number;
  /** Joint dimension dx + dy. */
  dims: number;
  /** KSG-1 with the engine, wall-clock seconds. */
  seconds: number;
  /** KSG-1 with the naive brute force, seconds (extrapolated when `baseline_extrapolated`). */
  baseline_seconds: number;
  /** baseline_seconds / seconds. */
  ratio: number;
  /** True when the baseline ran on `baseline_n` rows and was scaled by (n / baseline_n)². */
  baseline_extrapolated: boolean;
  baseline_n: number;
  /** The engine's estimate, nats. */
  nats: number;
  /** Whether the engine's estimate equals the naive one bit for bit (checked when the baseline ran on all rows). */
  same_result: boolean | null;
  /** Seconds for 100 shuffle-null estimates, from `null_shuffles` timed ones (null when none ran). */
  null_seconds_per_100: number | null;
  null_shuffles: number;
}

const BENCH_DEFAULTS = Object.freeze({ sizes: [1000, 5000, 10000], dims: [2, 16, 40, 200], k: 3, baselineMaxN: 5000, nullShuffles: 0 });
const RHO = 0.6;

/** Runs the benchmark; one row per (n, dims). */
export async function benchKnn(options: BenchKnnOptions): Promise<BenchKnnRow[]> {
  const o = { ...BENCH_DEFAULTS, ...options };
  const reporter = options.reporter ?? silentReporter;
  const rows: BenchKnnRow[] = [];
  const total = o.sizes.length * o.dims.length;
  for (const n of o.sizes) {
    for (const dims of o.dims) {
      reporter.progress('bench knn', rows.length, total, `n=${n} dims=${dims}`);
      const { x, y } = correlatedPair(o.rng.derive(`${n}/${dims}`), n, dims);
      // Untimed first run: JIT compilation and worker start-up are not what the row measures.
      await ksgNats(x, y, o.k, 1, o.engine);
      let t = performance.now();
      const nats = await ksgNats(x, y, o.k, 1, o.engine);
      const seconds = (performance.now() - t) / 1000;

      const m = Math.min(n, o.baselineMaxN);
      const idx = Int32Array.from({ length: m }, (_, i) => i);
      const bx = m === n ? x : selectPoints(x, idx);
      const by = m === n ? y : selectPoints(y, idx);
      t = performance.now();
      const naive = await ksgNats(bx, by, o.k, 1, { method: 'naive', workers: 1 });
      const measured = (performance.now() - t) / 1000;
      const baseline = measured * (n / m) ** 2;

      let nullSeconds: number | null = null;
      if (o.nullShuffles > 0) {
        const nullRng = o.rng.derive(`${n}/${dims}/null`);
        t = performance.now();
        for (let s = 0; s < o.nullShuffles; s++) await ksgNats(x, selectPoints(y, nullRng.permutation(n)), o.k, 1, o.engine);
        nullSeconds = (((performance.now() - t) / 1000) * 100) / o.nullShuffles;
      }
      rows.push({
        n,
        dims,
        seconds,
        baseline_seconds: baseline,
        ratio: baseline / seconds,
        baseline_extrapolated: m < n,
        baseline_n: m,
        nats,
        same_result: m === n ? naive === nats : null,
        null_seconds_per_100: nullSeconds,
        null_shuffles: o.nullShuffles,
      });
    }
  }
  reporter.progress('bench knn', total, total);
  return rows;
}

function correlatedPair(rng: Rng, n: number, dims: number): { x: PointSet; y: PointSet } {
  const dx = Math.ceil(dims / 2);
  const dy = dims - dx;
  const x = new Float64Array(n * dx);
  const y = new Float64Array(n * dy);
  const s = Math.sqrt(1 - RHO * RHO);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < dx; c++) {
      const a = rng.normal();
      x[i * dx + c] = a;
      if (c < dy) y[i * dy + c] = RHO * a + s * rng.normal();
    }
  }
  return { x: { coords: x, n, dim: dx }, y: { coords: y, n, dim: dy } };
}
