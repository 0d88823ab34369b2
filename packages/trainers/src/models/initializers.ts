/**
 * Seeded weight initialisation from core's Rng, so that the same seed gives the same initial
 * weights on every backend (tfjs's own seeded initialisers are deterministic too, but draw from a
 * generator outside the project's seed tree).
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '@cch-lab/core';

/**
 * Glorot (Xavier) uniform: U(−l, l) with l = √(6 / (fan_in + fan_out)) — Keras's default for
 * dense and conv kernels (Glorot & Bengio 2010). For a conv kernel, fans include the receptive field.
 */
export function glorotUniform(rng: Rng, shape: number[], fanIn: number, fanOut: number): tf.Variable {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const size = shape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(size);
  for (let i = 0; i < size; i++) values[i] = rng.uniformIn(-limit, limit);
  // tidy frees the temporary tensor; the variable keeps the data (tidy never disposes variables).
  return tf.tidy(() => tf.variable(tf.tensor(values, shape), true));
}

/** A trainable (or, with `trainable` false, a state) variable filled with `value`. */
export function constantVariable(shape: number[], value: number, trainable = true): tf.Variable {
  return tf.tidy(() => tf.variable(tf.fill(shape, value), trainable));
}
