/** Reshapes each sample (e.g. a flattened HWC image row to [h, w, c], or a feature map back to a row). */
import * as tf from '@tensorflow/tfjs';
import type { Layer } from './layer.js';

export function reshape(name: string, shape: readonly number[]): Layer {
  return {
    name,
    type: 'reshape',
    trainable: [],
    state: [],
    outputShape: [...shape],
    op: { kind: 'reshape', shape: [...shape] },
    apply: (x) => tf.reshape(x, [x.shape[0], ...shape]),
  };
}
