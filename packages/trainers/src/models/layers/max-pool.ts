/** Max pooling with a square window and equal stride, valid padding (trailing rows dropped). */
import * as tf from '@tensorflow/tfjs';
import type { Layer } from './layer.js';

export function maxPool(name: string, inputShape: readonly number[], size: number): Layer {
  const [h, w, c] = inputShape;
  return {
    name,
    type: 'max-pool',
    trainable: [],
    state: [],
    outputShape: [Math.floor(h / size), Math.floor(w / size), c],
    op: { kind: 'max-pool', size },
    apply: (x) => tf.maxPool(x as tf.Tensor4D, size, size, 'valid'),
  };
}
