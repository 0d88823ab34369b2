/** The rows of one split, ready for a trainer or an estimator. */
import { InvalidInputError } from '@cch-lab/core';
import type { Matrix } from '@cch-lab/core';
import type { PairedDataset } from '../types.js';

export const SPLIT_NAMES = ['train', 'val', 'test'] as const;
export type SplitName = (typeof SPLIT_NAMES)[number];

/** One split's rows: copies of each modality's rows and the matching labels. */
export interface SplitView {
  split: SplitName;
  /** The dataset row indices of this split, in split order. */
  indices: Int32Array;
  /** Each modality restricted to the split: indices.length × d_m, same dtype as the dataset's. */
  modalities: Record<string, Matrix>;
  /** Labels of the split's rows (same array type as the dataset's labels). */
  labels: Int32Array | Float32Array;
}

/**
 * The modality matrices and labels of `split`, row i of each being dataset row `indices[i]`.
 *
 * @throws InvalidInputError for an unknown split name, or 'val' on a dataset without a validation split.
 */
export function splitView(ds: PairedDataset, split: SplitName): SplitView {
  if (!(SPLIT_NAMES as readonly string[]).includes(split)) {
    throw new InvalidInputError(`splitView: split must be one of ${SPLIT_NAMES.join(', ')}`, {
      details: { field: 'split', received: String(split) },
    });
  }
  const indices = ds.splits[split];
  if (indices === undefined) {
    throw new InvalidInputError(`splitView: dataset '${ds.name}' has no ${split} split`, {
      details: { field: 'split', received: split },
      hint: 'build the splits with a val fraction (stratifiedSplit / randomSplit { val }) or use train/test',
    });
  }
  const modalities: Record<string, Matrix> = {};
  for (const [name, x] of Object.entries(ds.modalities)) modalities[name] = x.selectRows(indices);
  const labels = ds.labels instanceof Int32Array ? new Int32Array(indices.length) : new Float32Array(indices.length);
  for (let p = 0; p < indices.length; p++) labels[p] = ds.labels[indices[p]];
  return { split, indices, modalities, labels };
}
