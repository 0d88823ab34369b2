/** Fully connected layer: y = x·W + b (or x·W without bias), W glorot-uniform, b zero. x: batch × inputUnits. */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '@cch-lab/core';
import { constantVariable, glorotUniform } from '../initializers.js';
import type { Layer } from './layer.js';

export function dense(name: string, inputUnits: number, units: number, rng: Rng, useBias = true): Layer {
  const kernel = glorotUniform(rng, [inputUnits, units], inputUnits, units);
  if (!useBias) {
    return { name, type: 'dense', trainable: [kernel], state: [], outputShape: [units], op: { kind: 'dense', bias: false }, apply: (x) => tf.matMul(x as tf.Tensor2D, kernel) };
  }
  const bias = constantVariable([units], 0);
  return {
    name,
    type: 'dense',
    trainable: [kernel, bias],
    state: [],
    outputShape: [units],
    op: { kind: 'dense', bias: true },
    // Not tf.fused.matMul: its gradient computes the input gradient eagerly, a wasted product for
    // a first layer, whose input is data; the plain ops' gradients are evaluated only when needed.
    apply: (x) => tf.add(tf.matMul(x as tf.Tensor2D, kernel), bias),
  };
}
