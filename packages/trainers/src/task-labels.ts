/** Boundary checks of a data set's labels and splits before training. */
import { InvalidInputError, checkFiniteArray } from '@cch-lab/core';
import type { PairedDataset, Task } from '@cch-lab/data';
import { checkLabels } from './metrics/check-labels.js';

export interface TaskLabels {
  task: Task;
  /** Classes (classification) or 1 (regression); the model's output units. */
  classes: number;
}

/**
 * The task and output width of a data set, after checking its labels and its training split.
 * @throws InvalidInputError for an empty training split, labels of the wrong type or range, or a
 *   classification training split holding a single class.
 */
export function taskLabels(dataset: PairedDataset): TaskLabels {
  const { labels, task, splits } = dataset;
  if (splits.train.length === 0) {
    throw new InvalidInputError(`data set '${dataset.name}' has an empty training split`, { details: { field: 'splits.train', received: '0 rows' } });
  }
  if (task === 'regression') {
    checkFiniteArray(labels, 'labels', { where: dataset.name });
    return { task, classes: 1 };
  }
  if (!(labels instanceof Int32Array)) {
    throw new InvalidInputError(`classification labels must be an Int32Array of class indices`, {
      details: { field: 'labels', received: labels.constructor.name },
    });
  }
  let max = -1;
  for (const y of labels) max = Math.max(max, y);
  const classes = dataset.classes?.length ?? max + 1;
  checkLabels(labels, classes, dataset.name, 'labels');
  const seen = new Set<number>();
  for (const i of splits.train) seen.add(labels[i]);
  if (seen.size < 2) {
    throw new InvalidInputError(`the training split of '${dataset.name}' holds a single class (${[...seen].join(', ')}); a classifier needs two or more`, {
      details: { field: 'labels', received: `classes {${[...seen].join(', ')}}` },
      hint: 'use a stratified split, or check that the labels were read correctly',
    });
  }
  return { task, classes };
}
