/**
 * Boundary checks shared by every estimator: each failure is an InvalidInputError that names the
 * estimator, the argument, what was received and what to do. Workers below trust their inputs.
 */
import { InvalidInputError, Matrix, checkFiniteMatrix, checkSameRows } from '@cch-lab/core';
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
  return value;
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
        hint: constant.length === x.cols ? 'pass a variable that varies' : 'remove them, or pass dropConstantColumns (CLI: --drop-constant)',
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
