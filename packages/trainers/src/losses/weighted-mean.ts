/**
 * Batch reduction of per-row losses: the plain mean, or with sample weights Σ wᵢlᵢ / Σ wᵢ (as
 * torch's weighted cross-entropy), so a loss value does not depend on the weights' overall scale.
 */
import * as tf from '@tensorflow/tfjs';

export function weightedMean(perSample: tf.Tensor, weights?: tf.Tensor): tf.Scalar {
  if (weights === undefined) return tf.mean(perSample);
  return tf.div(tf.sum(tf.mul(perSample, weights)), tf.sum(weights));
}
