/**
 * Boundary checks shared by every estimator: each failure is an InvalidInputError that names the
 * estimator, the argument, what was received and what to do. Workers below trust their inputs.
 */
import { InvalidInputError, MIN_NORMAL, Matrix, checkFiniteMatrix, checkSameRows, columnMaxAbs, type Rng } from '@cch-lab/core';
import { subsampleIndices } from './intervals/subsample-interval.js';
import type { MiTarget } from './types.js';

/** The validated pair, with constant columns removed when that was asked for. */
export interface CheckedPair {
  x: Matrix;
  y: MiTarget;
  /** Constant columns dropped from x and y (0-based, of the input). */
  droppedColumns: { x: number[]; y: number[] };
}

/**
 * Checks x and y for an estimator: shapes, emptiness, NaN/Inf, aligned rows, constant columns,
 * class labels. With `dropConstantColumns` a constant column is removed (and reported) instead.
 * @throws InvalidInputError naming what is wrong.
 */
export function checkPair(x: unknown, y: unknown, where: string, options: { dropConstantColumns?: boolean } = {}): CheckedPair {
  const mx = checkMatrix(x, 'x', where);
  let ty: MiTarget;
  if (y instanceof Int32Array) {
    checkSameRows(mx, y, ['x', 'labels'], { where });
    ty = checkLabels(y, where);
  } else {
    const my = checkMatrix(y, 'y', where);
    checkSameRows(mx, my, ['x', 'y'], { where });
    ty = my;
  }
  const drop = options.dropConstantColumns === true;
  const cx = handleConstantColumns(mx, 'x', where, drop);
  const cy = ty instanceof Int32Array ? { matrix: ty, dropped: [] as number[] } : handleConstantColumns(ty, 'y', where, drop);
  return { x: cx.matrix, y: cy.matrix, droppedColumns: { x: cx.dropped, y: cy.dropped } };
}

/** A non-empty matrix of finite values. */
export function checkMatrix(value: unknown, field: string, where: string): Matrix {
  if (!(value instanceof Matrix)) {
    throw new InvalidInputError(`${where}: ${field} must be a Matrix (n × d, rows are samples)`, {
      details: { field, received: describe(value) },
      hint: 'wrap numbers with Matrix.fromRows(...) or read a file with readMatrixFile',
    });
  }
  if (value.rows === 0 || value.cols === 0) {
    throw new InvalidInputError(`${where}: ${field} is empty`, {
      details: { field, received: `${value.rows} × ${value.cols}` },
      hint: 'pass at least k + 1 samples with at least one column',
    });
  }
  checkFiniteMatrix(value, field, { where });
  checkNormalColumns(value, field, where);
  return value;
}

/**
 * Refuses a column whose values are all subnormal (max |value| below 2^−1022 in float64, 2^−126
 * in float32): such values keep only a few significant bits, so its z-scores and distances would
 * be coarse while the output looked like any other number. Subnormal entries in a column of
 * normal magnitude are fine (they are tiny relative to the column, with full absolute precision).
 */
function checkNormalColumns(x: Matrix, field: string, where: string): void {
  const float32 = x.data instanceof Float32Array;
  const smallest = float32 ? 2 ** -126 : MIN_NORMAL;
  const m = columnMaxAbs(x);
  for (let j = 0; j < x.cols; j++) {
    if (m[j] > 0 && m[j] < smallest) {
      throw new InvalidInputError(
        `${where}: ${field} column ${j + 1} holds only subnormal values (max |value| ${m[j].toExponential(2)}, below ${float32 ? 'float32' : 'float64'}'s smallest normal ${smallest.toExponential(2)}), which keep too few significant digits to estimate from`,
        {
          details: { field, column: j + 1, received: `max |value| ${m[j]}` },
          hint: "multiply the column by a large constant before writing it (mutual information does not depend on a column's scale)",
        },
      );
    }
  }
}

/** Class labels: integers, at least two classes. */
export function checkLabels(labels: Int32Array, where: string): Int32Array {
  if (labels.length === 0) {
    throw new InvalidInputError(`${where}: labels are empty`, { details: { field: 'labels', received: '0 labels' } });
  }
  const first = labels[0];
  if (labels.every((l) => l === first)) {
    throw new InvalidInputError(`${where}: labels hold one class only, so I(H;Y) is 0 by definition`, {
      // The labels arrive re-coded as class indices, so the original value is not known here.
      details: { field: 'labels', received: `${labels.length} labels, all of one class` },
      hint: 'pass labels with at least two classes',
    });
  }
  return labels;
}

/** 1 ≤ k ≤ n − 1: the k-th neighbour of a point must exist among the other n − 1. */
export function checkK(k: unknown, n: number, where: string): number {
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1) {
    throw new InvalidInputError(`${where}: k must be a positive integer`, { details: { field: 'k', received: String(k) } });
  }
  if (k >= n) {
    throw new InvalidInputError(`${where}: k = ${k} needs at least k + 1 = ${k + 1} samples, got n = ${n}`, {
      details: { field: 'k', received: String(k) },
      hint: `use k ≤ ${n - 1} or pass more samples`,
    });
  }
  return k;
}

/** The classes of two or more samples that hold k or fewer (no same-class k-th neighbour), smallest first: [label, size]. */
export function classesTooSmall(sizes: ReadonlyMap<number, number>, k: number): [number, number][] {
  return [...sizes.entries()].filter(([, size]) => size >= 2 && size <= k).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}

/**
 * The refusal of a k that some class cannot hold (kPerClass 'refuse'): each such class with its
 * size (up to five), k, n, and — for a subsample — which one.
 */
export function classTooSmallError(
  small: readonly [number, number][],
  k: number,
  n: number,
  where: string,
  subsample?: { index: number; reps: number; of: number },
): InvalidInputError {
  const listed = small.slice(0, 5).map(([label, size]) => `class ${label} has ${size} samples`);
  const more = small.length > 5 ? ` (and ${small.length - 5} more class(es))` : '';
  const [label, size] = small[0];
  const rows = subsample === undefined ? `n = ${n}` : `subsample ${subsample.index} of ${subsample.reps} (${n} of ${subsample.of} rows)`;
  return new InvalidInputError(
    `${where}: k = ${k} needs at least k + 1 = ${k + 1} samples in every class (a same-class k-th neighbour), but in ${rows} ${listed.join(', ')}${more}`,
    {
      details: { field: 'labels', k, class: label, classSize: size, classes: Object.fromEntries(small.map(([l, c]) => [String(l), c])), ...(subsample ? { subsample: subsample.index } : {}) },
      hint: `use k ≤ ${size - 1}, pass more samples of ${small.length > 1 ? 'those classes' : `class ${label}`}${subsample ? ' or a larger subsample fraction' : ''}, or cap k per class (option kPerClass: 'cap', recorded in details.kCapped)`,
    },
  );
}

/**
 * Under kPerClass 'refuse', checks before any work that every class of two or more samples holds
 * more than k of them — in the full data, then in every subsample (of the interval or the
 * criterion), where a random part of a small class may be too small while the whole is not.
 * Classes of one sample are dropped by the estimator, as on the full data.
 * @throws InvalidInputError naming the class, its size, k and the subsample.
 */
export function checkClassSizes(labels: Int32Array, k: number, subsamples: { reps: number; size: number; rng: Rng }, where: string): void {
  const n = labels.length;
  checkK(k, n, where);
  const full = classesTooSmall(classSizes(labels, Int32Array.from({ length: n }, (_, i) => i)), k);
  if (full.length > 0) throw classTooSmallError(full, k, n, where);
  for (let r = 0; r < subsamples.reps; r++) {
    const small = classesTooSmall(classSizes(labels, subsampleIndices(n, subsamples.size, r, subsamples.rng)), k);
    if (small.length > 0) throw classTooSmallError(small, k, subsamples.size, where, { index: r + 1, reps: subsamples.reps, of: n });
  }
}

function classSizes(labels: Int32Array, rows: Int32Array): Map<number, number> {
  const sizes = new Map<number, number>();
  for (const i of rows) sizes.set(labels[i], (sizes.get(labels[i]) ?? 0) + 1);
  return sizes;
}

/** Indices of columns whose values are all equal. */
export function constantColumns(x: Matrix): number[] {
  const out: number[] = [];
  for (let j = 0; j < x.cols; j++) {
    const v = x.data[j];
    let constant = true;
    for (let i = 1; i < x.rows; i++) {
      if (x.data[i * x.cols + j] !== v) {
        constant = false;
        break;
      }
    }
    if (constant) out.push(j);
  }
  return out;
}

function handleConstantColumns(x: Matrix, field: string, where: string, drop: boolean): { matrix: Matrix; dropped: number[] } {
  const constant = constantColumns(x);
  if (constant.length === 0) return { matrix: x, dropped: [] };
  if (!drop || constant.length === x.cols) {
    const list = constant.slice(0, 10).map((j) => j + 1).join(', ') + (constant.length > 10 ? ', …' : '');
    throw new InvalidInputError(
      `${where}: ${field} has ${constant.length === x.cols ? 'only constant columns' : `${constant.length} constant column(s)`} (column ${list}, 1-based); a constant carries no information and breaks standardisation`,
      {
        details: { field, received: `constant columns ${list}`, columns: constant },
        hint:
          (constant.length === x.cols ? 'pass a variable that varies' : 'remove them, or pass dropConstantColumns (CLI: --drop-constant)') +
          (constant.some((j) => x.data[j] === 0) ? `; a column of zeros may have underflowed (values below ${x.data instanceof Float32Array ? '1.4e-45 in float32' : '4.9e-324 in float64'} read as 0): rescale it before writing` : ''),
      },
    );
  }
  const keep: number[] = [];
  for (let j = 0; j < x.cols; j++) if (!constant.includes(j)) keep.push(j);
  return { matrix: x.selectColumns(keep), dropped: constant };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${(value as unknown as ArrayLike<number>).length})`;
  if (Array.isArray(value)) return `array(${value.length})`;
  return typeof value;
}
