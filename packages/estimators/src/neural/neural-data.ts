/**
 * Data plumbing shared by the neural estimators: z-scored float32 tensors, a seeded train /
 * held-out split, seeded minibatch orders.
 */
import * as tf from '@tensorflow/tfjs';
import { Matrix, standardize, type Rng } from '@cch-lab/core';
import { oneHot } from '../one-hot.js';
import type { MiTarget } from '../types.js';

/** A continuous y, or class labels as indicator columns (the estimators' discrete form). */
export function targetMatrix(y: MiTarget): { matrix: Matrix; labels: boolean } {
  return y instanceof Int32Array ? { matrix: oneHot(y).matrix, labels: true } : { matrix: y, labels: false };
}

/** Z-scores each column (constant → 0) and optionally clips to ±clip; float32 values for tensors. */
export function zScored(x: Matrix, clip?: number): Float32Array {
  const s = standardize(x).matrix.data;
  const out = new Float32Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = clip === undefined ? s[i] : Math.max(-clip, Math.min(clip, s[i]));
  return out;
}

/** A seeded split of 0..n−1 into train and held-out rows (held-out = round(fraction · n), at least 2). */
export function splitRows(n: number, fraction: number, rng: Rng): { train: Int32Array; heldOut: Int32Array } {
  const perm = rng.permutation(n);
  const held = Math.min(n - 2, Math.max(2, Math.round(fraction * n)));
  return { train: perm.slice(held).sort(), heldOut: perm.slice(0, held).sort() };
}

/** The rows of a row-major float32 matrix as a 2-d tensor. */
export function rowsTensor(values: Float32Array, cols: number, rows: Int32Array): tf.Tensor2D {
  const out = new Float32Array(rows.length * cols);
  for (let r = 0; r < rows.length; r++) out.set(values.subarray(rows[r] * cols, rows[r] * cols + cols), r * cols);
  return tf.tensor2d(out, [rows.length, cols]);
}

/** Minibatch index lists for one epoch: a seeded permutation of 0..n−1 cut into batches (a short last batch is dropped when another exists). */
export function epochBatches(n: number, batchSize: number, rng: Rng): Int32Array[] {
  const perm = rng.permutation(n);
  const batches: Int32Array[] = [];
  for (let s = 0; s < n; s += batchSize) {
    const e = Math.min(n, s + batchSize);
    if (e - s < batchSize && batches.length > 0) break;
    batches.push(perm.slice(s, e));
  }
  return batches;
}
