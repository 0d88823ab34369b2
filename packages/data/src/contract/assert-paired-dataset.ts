/**
 * The contract check every loader runs before returning a PairedDataset, and every consumer may run
 * on input it did not build. It names the exact place that is wrong (modality, row, column, split).
 */
import { InvalidInputError } from '@cch-lab/core';
import { DATA_SOURCES, TASKS } from '../types.js';
import type { PairedDataset } from '../types.js';

const SPLIT_NAMES = ['train', 'val', 'test'] as const;

/**
 * Throws unless `ds` satisfies the PairedDataset contract:
 * - `name` is a non-empty string, `source` one of DATA_SOURCES, `task` one of TASKS, `meta` an object;
 * - every modality is a float matrix (Float32Array/Float64Array, rows × cols) with finite values and
 *   as many rows as there are labels; `featureShapes`, when given, multiply out to each modality's cols;
 * - classification: labels are an Int32Array of integers in 0..C−1 (C = classes.length when classes
 *   are given, otherwise only ≥ 0); regression: labels are a finite Float32Array and `classes` is absent;
 * - splits: `train` and `test` (and `val` when present) hold integer row indices in 0..n−1, with no
 *   index repeated within or across splits.
 *
 * @param where Prefix for messages, usually the loader's name. Default 'dataset'.
 * @throws InvalidInputError naming the field, and the modality / row / column / split index at fault.
 */
export function assertPairedDataset(ds: unknown, where = 'dataset'): asserts ds is PairedDataset {
  if (ds === null || typeof ds !== 'object') fail(where, 'dataset', 'must be an object', typeName(ds));
  const d = ds as Record<string, unknown>;
  const label = typeof d.name === 'string' && d.name !== '' ? `${where} '${d.name}'` : where;

  if (typeof d.name !== 'string' || d.name.trim() === '') fail(label, 'name', 'must be a non-empty string', String(d.name));
  if (!(DATA_SOURCES as readonly unknown[]).includes(d.source)) {
    fail(label, 'source', `must be one of ${DATA_SOURCES.join(', ')}`, String(d.source));
  }
  if (!(TASKS as readonly unknown[]).includes(d.task)) fail(label, 'task', `must be one of ${TASKS.join(', ')}`, String(d.task));
  if (d.meta === null || typeof d.meta !== 'object' || Array.isArray(d.meta)) {
    fail(label, 'meta', 'must be a plain object (use {} when there is nothing to record)', typeName(d.meta));
  }

  const n = checkLabels(label, d);
  checkModalities(label, d.modalities, n);
  checkFeatureShapes(label, d.featureShapes, d.modalities as Record<string, { cols: number }>);
  checkSplits(label, d.splits, n);
}

function checkLabels(label: string, d: Record<string, unknown>): number {
  const labels = d.labels;
  if (d.task === 'classification') {
    if (!(labels instanceof Int32Array)) {
      fail(label, 'labels', 'classification labels must be an Int32Array of class indices', typeName(labels));
    }
    let numClasses = Number.POSITIVE_INFINITY;
    if (d.classes !== undefined) {
      if (!Array.isArray(d.classes) || d.classes.length === 0 || !d.classes.every((c) => typeof c === 'string')) {
        fail(label, 'classes', 'must be a non-empty array of class names', typeName(d.classes));
      }
      numClasses = d.classes.length;
    }
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= numClasses) {
        const range = Number.isFinite(numClasses) ? `0..${numClasses - 1} (classes has ${numClasses} names)` : '≥ 0';
        fail(label, 'labels', `label at row ${i + 1} must be a class index in ${range}`, String(labels[i]), { row: i + 1 });
      }
    }
    return labels.length;
  }
  if (!(labels instanceof Float32Array)) {
    fail(label, 'labels', 'regression targets must be a Float32Array', typeName(labels));
  }
  if (d.classes !== undefined) fail(label, 'classes', 'is only meaningful for classification; remove it', typeName(d.classes));
  for (let i = 0; i < labels.length; i++) {
    if (!Number.isFinite(labels[i])) {
      fail(label, 'labels', `regression target at row ${i + 1} is not finite`, String(labels[i]), { row: i + 1 });
    }
  }
  return labels.length;
}

function checkModalities(label: string, modalities: unknown, n: number): void {
  if (modalities === null || typeof modalities !== 'object' || Object.keys(modalities).length === 0) {
    fail(label, 'modalities', 'must be an object with at least one named matrix', typeName(modalities));
  }
  for (const [name, m] of Object.entries(modalities as Record<string, unknown>)) {
    const field = `modalities.${name}`;
    const x = m as { data?: unknown; rows?: unknown; cols?: unknown } | null;
    if (
      x === null ||
      typeof x !== 'object' ||
      !(x.data instanceof Float32Array || x.data instanceof Float64Array) ||
      typeof x.rows !== 'number' ||
      typeof x.cols !== 'number' ||
      x.data.length !== x.rows * x.cols
    ) {
      fail(label, field, 'must be a Matrix over a Float32Array or Float64Array', typeName(m));
    }
    if (x.rows !== n) {
      fail(label, field, `has ${x.rows} rows but there are ${n} labels; rows must be aligned across modalities`, String(x.rows));
    }
    const data = x.data;
    const cols = x.cols;
    for (let k = 0; k < data.length; k++) {
      if (!Number.isFinite(data[k])) {
        const row = Math.floor(k / cols) + 1;
        const column = (k % cols) + 1;
        fail(label, field, `non-finite value at row ${row}, column ${column}`, String(data[k]), { row, column });
      }
    }
  }
}

function checkFeatureShapes(label: string, shapes: unknown, modalities: Record<string, { cols: number }>): void {
  if (shapes === undefined) return;
  if (shapes === null || typeof shapes !== 'object') fail(label, 'featureShapes', 'must be an object', typeName(shapes));
  for (const [name, shape] of Object.entries(shapes as Record<string, unknown>)) {
    const field = `featureShapes.${name}`;
    if (!(name in modalities)) fail(label, field, 'names no modality', name);
    if (!Array.isArray(shape) || !shape.every((s) => Number.isInteger(s) && s > 0)) {
      fail(label, field, 'must be an array of positive integers', JSON.stringify(shape));
    }
    const size = shape.reduce((a: number, b: number) => a * b, 1);
    if (size !== modalities[name].cols) {
      fail(label, field, `multiplies out to ${size} but the modality has ${modalities[name].cols} columns`, `[${shape.join(', ')}]`);
    }
  }
}

function checkSplits(label: string, splits: unknown, n: number): void {
  if (splits === null || typeof splits !== 'object') fail(label, 'splits', 'must be an object { train, val?, test }', typeName(splits));
  const s = splits as Record<string, unknown>;
  // owner[i] = 1 + index of the split that claimed row i, 0 when unclaimed.
  const owner = new Uint8Array(n);
  for (const [k, name] of SPLIT_NAMES.entries()) {
    const indices = s[name];
    if (indices === undefined && name === 'val') continue;
    const field = `splits.${name}`;
    if (!(indices instanceof Int32Array)) fail(label, field, 'must be an Int32Array of row indices', typeName(indices));
    for (let p = 0; p < indices.length; p++) {
      const i = indices[p];
      if (i < 0 || i >= n) {
        fail(label, field, `entry ${p} must be a row index in 0..${n - 1}`, String(i), { position: p });
      }
      if (owner[i] !== 0) {
        const other = SPLIT_NAMES[owner[i] - 1];
        const what = other === name ? `row ${i} appears twice in ${name}` : `row ${i} is in both ${other} and ${name}`;
        fail(label, field, `${what}; splits must be disjoint`, String(i), { position: p });
      }
      owner[i] = k + 1;
    }
  }
}


function fail(where: string, field: string, message: string, received: string, extra: Record<string, unknown> = {}): never {
  throw new InvalidInputError(`${message}, in ${where}`, {
    details: { field, received, ...extra },
    hint: 'fix the loader that built this dataset; every PairedDataset must pass assertPairedDataset',
  });
}

function typeName(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return `array(${x.length})`;
  if (ArrayBuffer.isView(x)) return x.constructor.name;
  if (typeof x === 'object') return (x as object).constructor?.name ?? 'object';
  return typeof x;
}
