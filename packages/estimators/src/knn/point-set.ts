/**
 * The k-NN engine's input: n points in `dim` dimensions, row-major float64 ("coords: n × dim").
 * The joint space z = [x | y] and its marginal subspaces x and y are each a PointSet.
 * No runtime import of @cch-lab/core here: the worker loads this file and must start fast.
 */
import type { Matrix } from '@cch-lab/core';

export interface PointSet {
  /** n × dim coordinates, row-major. */
  coords: Float64Array;
  n: number;
  dim: number;
}

/** A PointSet over a Matrix's values (copied to float64 unless it already is float64). */
export function pointSetFromMatrix(x: Matrix): PointSet {
  const coords = x.data instanceof Float64Array ? x.data : Float64Array.from(x.data);
  return { coords, n: x.rows, dim: x.cols };
}

/** Side-by-side concatenation [a | b] of two point sets with equal n: the joint space. */
export function concatPointSets(a: PointSet, b: PointSet): PointSet {
  const dim = a.dim + b.dim;
  const coords = new Float64Array(a.n * dim);
  for (let i = 0; i < a.n; i++) {
    coords.set(a.coords.subarray(i * a.dim, (i + 1) * a.dim), i * dim);
    coords.set(b.coords.subarray(i * b.dim, (i + 1) * b.dim), i * dim + a.dim);
  }
  return { coords, n: a.n, dim };
}

/** The points at `indices`, in that order (a copy). */
export function selectPoints(points: PointSet, indices: ArrayLike<number>): PointSet {
  const { dim } = points;
  const coords = new Float64Array(indices.length * dim);
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r];
    coords.set(points.coords.subarray(i * dim, (i + 1) * dim), r * dim);
  }
  return { coords, n: indices.length, dim };
}
