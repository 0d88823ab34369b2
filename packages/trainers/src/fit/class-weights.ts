/** Per-class loss weights for imbalanced labels. */
import { InvalidInputError } from '@cch-lab/core';
import type { ClassWeightsOption } from './train-options.js';

/**
 * One weight per class, or null for 'none'. 'balanced': n / (C · n_c) (sklearn's
 * compute_class_weight), 0 for a class absent from `labels` (it contributes no rows anyway).
 * @throws InvalidInputError when an explicit array does not have one weight per class.
 */
export function classWeightVector(labels: Int32Array, classes: number, option: ClassWeightsOption): Float64Array | null {
  if (option === 'none') return null;
  if (Array.isArray(option)) {
    if (option.length !== classes) {
      throw new InvalidInputError(`classWeights has ${option.length} weights for ${classes} classes`, {
        details: { field: 'train.classWeights', received: JSON.stringify(option) },
        hint: 'give one weight per class, in class-index order, or use "balanced"',
      });
    }
    return Float64Array.from(option);
  }
  const counts = new Float64Array(classes);
  for (const y of labels) counts[y] += 1;
  return counts.map((c) => (c > 0 ? labels.length / (classes * c) : 0));
}
