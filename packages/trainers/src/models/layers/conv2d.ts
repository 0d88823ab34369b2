/** 2-d convolution, stride 1, square kernel, NHWC; kernel glorot-uniform over the receptive field, bias zero. */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '@cch-lab/core';
import { constantVariable, glorotUniform } from '../initializers.js';
import type { Layer } from './layer.js';

export function conv2d(
  name: string,
  inputShape: readonly number[],
  filters: number,
  kernelSize: number,
  padding: 'same' | 'valid',
  rng: Rng,
): Layer {
  const [h, w, c] = inputShape;
  const field = kernelSize * kernelSize;
  const kernel = glorotUniform(rng, [kernelSize, kernelSize, c, filters], field * c, field * filters);
  const bias = constantVariable([filters], 0);
  const shrink = padding === 'same' ? 0 : kernelSize - 1;
  return {
    name,
    type: 'conv2d',
    trainable: [kernel, bias],
    state: [],
    outputShape: [h - shrink, w - shrink, filters],
    op: { kind: 'conv2d', padding },
    apply: (x) => tf.add(tf.conv2d(x as tf.Tensor4D, kernel as tf.Tensor4D, 1, padding), bias),
  };
}
