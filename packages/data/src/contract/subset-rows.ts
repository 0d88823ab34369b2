/** Row subsets of a PairedDataset that keep modalities, labels and splits aligned. */
import { InvalidInputError } from '@cch-lab/core';
import type { Matrix } from '@cch-lab/core';
import type { PairedDataset, Splits } from '../types.js';

/**
 * A new dataset holding rows `indices` (in that order) of every modality and of the labels.
 * Each split keeps the rows it had that are in the subset, renumbered to their new positions (in
 * the split's own order); rows outside the subset drop out of every split. `meta.subsetOf` records
 * how many rows the parent had. The parent is not modified.
 *
 * @throws InvalidInputError when an index is not an integer in 0..n−1 or appears twice.
 */
export function subsetRows(ds: PairedDataset, indices: ArrayLike<number>): PairedDataset {
  const n = ds.labels.length;
  // newPosition[i] = position of parent row i in the subset, −1 when it is not selected.
  const newPosition = new Int32Array(n).fill(-1);
  for (let p = 0; p < indices.length; p++) {
    const i = indices[p];
    if (!Number.isInteger(i) || i < 0 || i >= n) {
      throw new InvalidInputError(`subsetRows: entry ${p} must be a row index in 0..${n - 1}`, {
        details: { field: 'indices', received: String(i), position: p },
      });
    }
    if (newPosition[i] !== -1) {
      throw new InvalidInputError(`subsetRows: row ${i} is selected twice; a subset must not repeat rows`, {
        details: { field: 'indices', received: String(i), position: p },
        hint: 'to resample with replacement, build the dataset from selectRows on each modality and new splits',
      });
    }
    newPosition[i] = p;
  }

  const modalities: Record<string, Matrix> = {};
  for (const [name, x] of Object.entries(ds.modalities)) modalities[name] = x.selectRows(indices);
  const labels = ds.labels instanceof Int32Array ? new Int32Array(indices.length) : new Float32Array(indices.length);
  for (let p = 0; p < indices.length; p++) labels[p] = ds.labels[indices[p]];

  const remap = (split: Int32Array): Int32Array => {
    const kept: number[] = [];
    for (const i of split) if (newPosition[i] !== -1) kept.push(newPosition[i]);
    return Int32Array.from(kept);
  };
  const splits: Splits = { train: remap(ds.splits.train), test: remap(ds.splits.test) };
  if (ds.splits.val !== undefined) splits.val = remap(ds.splits.val);

  return { ...ds, modalities, labels, splits, meta: { ...ds.meta, subsetOf: n } };
}
