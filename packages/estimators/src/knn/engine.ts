/**
 * The k-NN engine under the max-norm: exact k-th-neighbour distances, neighbour lists and radius
 * counts. It picks an algorithm per call (sorted axis for 1-d counts, a kd-tree at low dimension,
 * a tiled brute force above), cuts the work into parts, and runs the parts on worker threads when
 * the work is large enough to pay for them. Every algorithm and every number of parts returns the
 * same bits as the naive brute force (tests).
 */
import os from 'node:os';
import type { KnnEngineOptions, KnnMethod } from './engine-options.js';
import { mergeCountResults, mergeKnnResults, runKnnJob, type KnnAlgorithm, type KnnJob, type KnnJobResult } from './knn-job.js';
import type { NeighbourLists } from './neighbour-list.js';
import type { PointSet } from './point-set.js';
import { runOnWorkers, workerScript } from './worker-pool.js';

/** Brute-force work (n²·dim) above which workers run when the caller sets `workers`. */
const WORKER_MIN_WORK = 2e8;
/**
 * The same with the default worker count. Starting a worker loads the packages, which costs
 * about as much as a KSG at n = 5 000, 40-d in this thread with the SIMD kernel (≈ 0.3 s), so by
 * default only larger work (n = 10 000 at 40-d and up) goes to workers.
 */
const DEFAULT_WORKER_MIN_WORK = 2e9;
/** At most this many workers by default: beyond a few the shared caches saturate. */
const MAX_DEFAULT_WORKERS = 4;
/** Largest subspace dimension counted with the kd-tree; measured crossover 4–5 for n = 1 000–10 000. */
const TREE_MAX_COUNT_DIM = 4;

/** The k nearest neighbours of every point (max-norm, excluding itself; ties by index). */
export async function kNearest(points: PointSet, k: number, options: KnnEngineOptions = {}): Promise<NeighbourLists> {
  const algorithm = resolveAlgorithm(options.method ?? 'auto', 'knn', points);
  const parts = partsFor(algorithm, points.n, points.dim, options);
  const jobs = Array.from({ length: parts }, (_, part): KnnJob => ({ op: 'knn', algorithm, points, k, part, parts }));
  return mergeKnnResults(points.n, k, await runJobs(jobs, options));
}

/** ε_i: the distance from every point to its k-th nearest neighbour (max-norm), float64. */
export async function kthNeighbourDistances(points: PointSet, k: number, options: KnnEngineOptions = {}): Promise<Float64Array> {
  const lists = await kNearest(points, k, options);
  const out = new Float64Array(points.n);
  for (let i = 0; i < points.n; i++) out[i] = lists.distances[i * k + k - 1];
  return out;
}

/** For every i, #{j ≠ i : ‖p_i − p_j‖∞ < r_i} when `strict` (KSG-1), or ≤ r_i (KSG-2, Ross). */
export async function countWithinRadius(
  points: PointSet,
  radii: Float64Array,
  strict: boolean,
  options: KnnEngineOptions = {},
): Promise<Int32Array> {
  const algorithm = resolveAlgorithm(options.method ?? 'auto', 'count', points);
  const parts = partsFor(algorithm, points.n, points.dim, options);
  const jobs = Array.from({ length: parts }, (_, part): KnnJob => ({ op: 'count', algorithm, points, radii, strict, part, parts }));
  return mergeCountResults(points.n, await runJobs(jobs, options));
}

/**
 * Radius counts in the two marginal subspaces x and y of a joint space (KSG's n_x and n_y), with
 * radii per subspace. When both need the brute force, one pass over the pairs serves both.
 */
export async function countWithinRadiusMarginals(
  x: PointSet,
  y: PointSet,
  radiiX: Float64Array,
  radiiY: Float64Array,
  strict: boolean,
  options: KnnEngineOptions = {},
): Promise<[Int32Array, Int32Array]> {
  const method = options.method ?? 'auto';
  if (resolveAlgorithm(method, 'count', x) !== 'brute' || resolveAlgorithm(method, 'count', y) !== 'brute') {
    return [await countWithinRadius(x, radiiX, strict, options), await countWithinRadius(y, radiiY, strict, options)];
  }
  const parts = partsFor('brute', x.n, x.dim + y.dim, options);
  const jobs = Array.from({ length: parts }, (_, part): KnnJob => ({ op: 'count2', algorithm: 'brute', x, y, radiiX, radiiY, strict, part, parts }));
  const results = await runJobs(jobs, options);
  return [mergeCountResults(x.n, results, 'countsX'), mergeCountResults(x.n, results, 'countsY')];
}

/**
 * The algorithm 'auto' resolves to. The kd-tree wins for k-NN up to about log2(n) − 3 dimensions
 * and for counts up to 4 (measured with `cch bench knn`); the brute force wins above. One-
 * dimensional counts use the sorted axis.
 */
export function resolveAlgorithm(method: KnnMethod, op: 'knn' | 'count', points: { n: number; dim: number }): KnnAlgorithm {
  if (method !== 'auto') return method;
  if (op === 'count' && points.dim === 1) return 'sorted';
  if (points.n < 64) return 'brute';
  const treeMax = op === 'knn' ? Math.max(3, Math.floor(Math.log2(points.n)) - 3) : TREE_MAX_COUNT_DIM;
  return points.dim <= treeMax ? 'tree' : 'brute';
}

/** Whether a brute-force job of this size runs on workers (when the compiled worker exists). */
export function usesWorkers(algorithm: KnnAlgorithm, n: number, dim: number, options: KnnEngineOptions = {}): boolean {
  const workers = options.workers ?? defaultWorkers();
  const minWork = options.workers === undefined ? DEFAULT_WORKER_MIN_WORK : WORKER_MIN_WORK;
  const repeats = options.workers === undefined ? Math.max(1, options.repeats ?? 1) : 1;
  return algorithm === 'brute' && workers > 1 && n * n * dim * repeats >= minWork && workerScript() !== undefined;
}

function defaultWorkers(): number {
  return Math.max(1, Math.min(MAX_DEFAULT_WORKERS, os.availableParallelism()));
}

function partsFor(algorithm: KnnAlgorithm, n: number, dim: number, options: KnnEngineOptions): number {
  if (options.parts !== undefined) return Math.max(1, options.parts);
  return usesWorkers(algorithm, n, dim, options) ? (options.workers ?? defaultWorkers()) : 1;
}

async function runJobs(jobs: KnnJob[], options: KnnEngineOptions): Promise<KnnJobResult[]> {
  const first = jobs[0];
  const n = first.op === 'count2' ? first.x.n : first.points.n;
  const dim = first.op === 'count2' ? first.x.dim + first.y.dim : first.points.dim;
  if (jobs.length > 1 && usesWorkers(first.algorithm, n, dim, options)) {
    const workers = Math.min(options.workers ?? defaultWorkers(), jobs.length);
    return runOnWorkers(jobs.map(shareJob), workers);
  }
  return jobs.map(runKnnJob);
}

/** The job with its arrays in shared memory, so every worker reads them without its own copy. */
function shareJob(job: KnnJob): KnnJob {
  if (job.op === 'count2') {
    return { ...job, x: sharePoints(job.x), y: sharePoints(job.y), radiiX: toShared(job.radiiX), radiiY: toShared(job.radiiY) };
  }
  if (job.op === 'count') return { ...job, points: sharePoints(job.points), radii: toShared(job.radii) };
  return { ...job, points: sharePoints(job.points) };
}

const sharedCopies = new WeakMap<Float64Array, Float64Array>();

function sharePoints(p: PointSet): PointSet {
  return { ...p, coords: toShared(p.coords) };
}

function toShared(values: Float64Array): Float64Array {
  if (values.buffer instanceof SharedArrayBuffer) return values;
  const cached = sharedCopies.get(values);
  if (cached !== undefined) return cached;
  const out = new Float64Array(new SharedArrayBuffer(values.byteLength));
  out.set(values);
  sharedCopies.set(values, out);
  return out;
}
