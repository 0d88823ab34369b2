/**
 * Batch normalisation over every axis but the last (features of a dense layer, channels of a
 * conv): y = γ·(x − μ)/√(σ² + ε) + β. Training uses the batch's statistics (gradients flow through
 * them) and updates running ones as PyTorch does: running ← (1 − m)·running + m·batch with
 * m = 0.1 and the unbiased batch variance; inference uses the running statistics.
 */
import * as tf from '@tensorflow/tfjs';
import { constantVariable } from '../initializers.js';
import type { Layer } from './layer.js';

const MOMENTUM = 0.1;
const EPSILON = 1e-5;

export function batchNorm(name: string, shape: readonly number[]): Layer {
  const features = shape[shape.length - 1];
  const gamma = constantVariable([features], 1);
  const beta = constantVariable([features], 0);
  const runningMean = constantVariable([features], 0, false);
  const runningVariance = constantVariable([features], 1, false);
  const axes = shape.map((_, i) => i); // every axis of the batched input except the last
  return {
    name,
    type: 'batch-norm',
    trainable: [gamma, beta],
    state: [runningMean, runningVariance],
    outputShape: [...shape],
    op: { kind: 'batch-norm', momentum: MOMENTUM, epsilon: EPSILON },
    apply: (x, context) => {
      if (!context.training) return tf.batchNorm(x, runningMean, runningVariance, beta, gamma, EPSILON);
      const { mean, variance } = tf.moments(x, axes);
      const count = x.size / features;
      const unbiased = count > 1 ? tf.mul(variance, count / (count - 1)) : variance;
      // The running-statistics update does not reach the loss, so it adds nothing to the gradient.
      runningMean.assign(tf.add(tf.mul(runningMean, 1 - MOMENTUM), tf.mul(mean, MOMENTUM)));
      runningVariance.assign(tf.add(tf.mul(runningVariance, 1 - MOMENTUM), tf.mul(unbiased, MOMENTUM)));
      return tf.batchNorm(x, mean, variance, beta, gamma, EPSILON);
    },
  };
}
