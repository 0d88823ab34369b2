/** Elementwise nonlinearity (no variables). */
import * as tf from '@tensorflow/tfjs';
import { relu } from '../../kernels/relu.js';
import type { Activation } from '../model-spec.js';
import type { Layer } from './layer.js';

/** PyTorch's default negative slope. */
const LEAKY_SLOPE = 0.01;

const FUNCTIONS: Record<Activation, (x: tf.Tensor) => tf.Tensor> = {
  relu,
  tanh: (x) => tf.tanh(x),
  sigmoid: (x) => tf.sigmoid(x),
  elu: (x) => tf.elu(x),
  'leaky-relu': (x) => tf.leakyRelu(x, LEAKY_SLOPE),
  linear: (x) => x,
};

export function activation(name: string, kind: Activation, shape: readonly number[]): Layer {
  const f = FUNCTIONS[kind];
  return { name, type: 'activation', trainable: [], state: [], outputShape: [...shape], op: { kind: 'activation', activation: kind }, apply: (x) => f(x) };
}
