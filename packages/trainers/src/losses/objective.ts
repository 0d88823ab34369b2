/**
 * What the shared fit loop minimises: per-row losses from the model's outputs and the batch's
 * target tensors. Teacher, student and KD student differ only here. Targets, in order:
 * [labels (one-hot batch × C, or batch × 1 regression targets), teacher (log-probabilities at T,
 * or batch × 1 predictions) — KD only].
 */
import * as tf from '@tensorflow/tfjs';
import type { Task } from '@cch-lab/data';
import { crossEntropyPerSample } from './cross-entropy.js';
import { combineKd, distillationPerSample, type ResolvedKdOptions } from './kd-loss.js';
import { squaredErrorPerSample } from './mse.js';
import type { GraphLoss } from '../kernels/native/graph/train-step-graph.js';

export interface Objective {
  /** Short name for progress lines and histories, e.g. 'cross-entropy', 'kd-hinton'. */
  readonly name: string;
  /** Per-row loss (batch), before the batch reduction. */
  perSample(outputs: tf.Tensor, targets: readonly tf.Tensor[]): tf.Tensor;
  /** Correct predictions in a batch (classification only), for the validation accuracy. */
  correct?(outputs: tf.Tensor, targets: readonly tf.Tensor[]): tf.Scalar;
  /** The task loss by name, for the native whole-step graph. */
  readonly graphLoss?: GraphLoss;
  /** The KD term of `graphLoss` (targets[1] is then the teacher's). */
  readonly graphKd?: ResolvedKdOptions;
}

/** The objective of a task, with a KD term when `kd` is given. */
export function taskObjective(task: Task, kd?: ResolvedKdOptions): Objective {
  const base = task === 'classification' ? crossEntropyPerSample : squaredErrorPerSample;
  const correct = task === 'classification' ? countCorrect : undefined;
  const graphLoss = task === 'classification' ? 'cross-entropy' : 'mse';
  if (kd === undefined) return { name: graphLoss, perSample: (o, t) => base(o, t[0]), correct, graphLoss };
  const distill =
    task === 'classification'
      ? (o: tf.Tensor, t: tf.Tensor) => distillationPerSample(o, t, kd.temperature)
      : (o: tf.Tensor, t: tf.Tensor) => squaredErrorPerSample(o, t);
  return {
    name: `kd-${kd.form}`,
    graphLoss,
    graphKd: kd,
    perSample: (o, t) => combineKd(base(o, t[0]), distill(o, t[1]), kd),
    correct,
  };
}

function countCorrect(outputs: tf.Tensor, targets: readonly tf.Tensor[]): tf.Scalar {
  return tf.sum(tf.cast(tf.equal(tf.argMax(outputs, -1), tf.argMax(targets[0], -1)), 'float32'));
}
