/**
 * A small functional multilayer perceptron on tf.Variables: seeded Glorot-uniform weights, zero
 * biases, an activation after every hidden layer (and optionally the last), optional seeded
 * dropout before each layer. Used by the MINE and InfoNCE critics and by LMI's autoencoders.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '@cch-lab/core';

export type Activation = 'elu' | 'leakyRelu';

export interface Mlp {
  weights: tf.Variable[];
  biases: tf.Variable[];
  activation: Activation;
  /** Apply the activation after the last layer too (LMI's encoders do). */
  activateLast: boolean;
}

/** Creates an MLP with layer sizes [in, h1, …, out]; each layer's seed comes from `rng`. */
export function createMlp(sizes: number[], rng: Rng, activation: Activation, activateLast = false): Mlp {
  const weights: tf.Variable[] = [];
  const biases: tf.Variable[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const seed = rng.derive(`layer${l}`).nextUint32();
    const init = tf.initializers.glorotUniform({ seed });
    weights.push(tf.tidy(() => tf.variable(init.apply([sizes[l], sizes[l + 1]]) as tf.Tensor2D)));
    biases.push(tf.tidy(() => tf.variable(tf.zeros([sizes[l + 1]]))));
  }
  return { weights, biases, activation, activateLast };
}

/** Forward pass; `dropout` (rate, seed) drops inputs of every layer, as LMI's cross-decoders do. */
export function applyMlp(mlp: Mlp, input: tf.Tensor2D, dropout?: { rate: number; seed: number }): tf.Tensor2D {
  let h = input;
  const last = mlp.weights.length - 1;
  for (let l = 0; l <= last; l++) {
    if (dropout !== undefined) h = tf.dropout(h, dropout.rate, undefined, dropout.seed + l) as tf.Tensor2D;
    h = tf.add(tf.matMul(h, mlp.weights[l]), mlp.biases[l]);
    if (l < last || mlp.activateLast) h = mlp.activation === 'elu' ? tf.elu(h) : (tf.leakyRelu(h, 0.2) as tf.Tensor2D);
  }
  return h;
}

/** Every trainable variable of the MLPs. */
export function mlpVariables(...mlps: Mlp[]): tf.Variable[] {
  return mlps.flatMap((m) => [...m.weights, ...m.biases]);
}

/** Disposes the MLPs' variables. */
export function disposeMlps(...mlps: Mlp[]): void {
  for (const v of mlpVariables(...mlps)) v.dispose();
}

/** Copies of the variables' current values (kept outside any tidy), to restore the best epoch. */
export function snapshotVariables(vars: tf.Variable[]): tf.Tensor[] {
  return vars.map((v) => tf.keep(v.clone()));
}

/** Assigns a snapshot back and disposes it. */
export function restoreVariables(vars: tf.Variable[], snapshot: tf.Tensor[]): void {
  vars.forEach((v, i) => v.assign(snapshot[i]));
  for (const t of snapshot) t.dispose();
}
