/**
 * One unit of k-NN work and how partial results combine. The same `runKnnJob` runs in this thread
 * and in a worker, so the in-thread chunked path is exactly what the workers compute.
 */
import { bruteCountPairPart, bruteCountPart } from './brute-count.js';
import { bruteKNearestPart } from './brute-k-nearest.js';
import { buildKdTree, treeCountWithinRadius, treeKNearest } from './kd-tree.js';
import { naiveCountWithinRadius, naiveKNearest } from './naive.js';
import { emptyNeighbourLists, mergeNeighbourLists, type NeighbourLists } from './neighbour-list.js';
import type { PointSet } from './point-set.js';
import { sortedAxisCountWithinRadius } from './sorted-axis.js';

/** A concrete algorithm (after 'auto' is resolved). */
export type KnnAlgorithm = 'tree' | 'brute' | 'naive' | 'sorted';

export type KnnJob =
  | { op: 'knn'; algorithm: KnnAlgorithm; points: PointSet; k: number; part: number; parts: number }
  | { op: 'count'; algorithm: KnnAlgorithm; points: PointSet; radii: Float64Array; strict: boolean; part: number; parts: number }
  | {
      op: 'count2';
      algorithm: 'brute';
      x: PointSet;
      y: PointSet;
      radiiX: Float64Array;
      radiiY: Float64Array;
      strict: boolean;
      part: number;
      parts: number;
    };

/**
 * A part's result. Row-split algorithms (tree, sorted, naive) cover rows [rowStart, rowEnd);
 * the brute force covers every row for a share of the pairs (`full`).
 */
export type KnnJobResult =
  | { op: 'knn'; rowStart: number; full: boolean; distances: Float64Array; indices: Int32Array }
  | { op: 'count'; rowStart: number; full: boolean; counts: Int32Array }
  | { op: 'count2'; rowStart: number; full: true; countsX: Int32Array; countsY: Int32Array };

export function runKnnJob(job: KnnJob): KnnJobResult {
  const { part, parts } = job;
  if (job.op === 'count2') {
    const [countsX, countsY] = bruteCountPairPart(job.x, job.y, job.radiiX, job.radiiY, job.strict, part, parts);
    return { op: 'count2', rowStart: 0, full: true, countsX, countsY };
  }
  const { points } = job;
  const rowStart = Math.floor((points.n * part) / parts);
  const rowEnd = Math.floor((points.n * (part + 1)) / parts);
  if (job.op === 'knn') {
    switch (job.algorithm) {
      case 'brute':
        return { op: 'knn', rowStart: 0, full: true, ...bruteKNearestPart(points, job.k, part, parts) };
      case 'naive': {
        const all = naiveKNearest(points, job.k);
        const [s, e] = [rowStart * job.k, rowEnd * job.k];
        return { op: 'knn', rowStart, full: false, distances: all.distances.slice(s, e), indices: all.indices.slice(s, e) };
      }
      default: {
        const lists = treeKNearest(buildKdTree(points), job.k, rowStart, rowEnd);
        return { op: 'knn', rowStart, full: false, distances: lists.distances, indices: lists.indices };
      }
    }
  }
  const { radii, strict } = job;
  switch (job.algorithm) {
    case 'brute':
      return { op: 'count', rowStart: 0, full: true, counts: bruteCountPart(points, radii, strict, part, parts) };
    case 'naive':
      return { op: 'count', rowStart, full: false, counts: naiveCountWithinRadius(points, radii, strict).slice(rowStart, rowEnd) };
    case 'sorted':
      return { op: 'count', rowStart, full: false, counts: sortedAxisCountWithinRadius(points, radii, strict, rowStart, rowEnd) };
    default:
      return { op: 'count', rowStart, full: false, counts: treeCountWithinRadius(buildKdTree(points), radii, strict, rowStart, rowEnd) };
  }
}

/** Combines the parts of a k-NN job: row ranges are copied, full-size lists merged (k best by distance, then index). */
export function mergeKnnResults(n: number, k: number, results: KnnJobResult[]): NeighbourLists {
  const first = results[0];
  if (results.length === 1 && first.op === 'knn') return { k, distances: first.distances, indices: first.indices };
  const out = emptyNeighbourLists(n, k);
  for (const r of results) {
    if (r.op !== 'knn') continue;
    if (r.full) mergeNeighbourLists(out, { k, distances: r.distances, indices: r.indices });
    else {
      out.distances.set(r.distances, r.rowStart * k);
      out.indices.set(r.indices, r.rowStart * k);
    }
  }
  return out;
}

/** Combines the parts of a count job: row ranges copied, full-size counts summed. */
export function mergeCountResults(n: number, results: KnnJobResult[], which: 'counts' | 'countsX' | 'countsY' = 'counts'): Int32Array {
  const pick = (r: KnnJobResult): Int32Array | undefined =>
    r.op === 'count' ? r.counts : r.op === 'count2' ? (which === 'countsY' ? r.countsY : r.countsX) : undefined;
  if (results.length === 1) {
    const only = pick(results[0]);
    if (only !== undefined && (results[0].full || only.length === n)) return only;
  }
  const out = new Int32Array(n);
  for (const r of results) {
    const counts = pick(r);
    if (counts === undefined) continue;
    if (r.full) for (let i = 0; i < n; i++) out[i] += counts[i];
    else out.set(counts, r.rowStart);
  }
  return out;
}
