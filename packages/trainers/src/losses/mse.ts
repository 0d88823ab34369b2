/** Squared error per row, averaged over output columns: mean_j (p_j − y_j)². predictions, targets: batch × k. */
import * as tf from '@tensorflow/tfjs';

export function squaredErrorPerSample(predictions: tf.Tensor, targets: tf.Tensor): tf.Tensor {
  return tf.mean(tf.squaredDifference(predictions, targets), -1);
}
