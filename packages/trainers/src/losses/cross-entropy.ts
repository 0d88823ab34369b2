/** Softmax cross-entropy per row: −Σ_c y_c · log softmax(z)_c. logits, targets: batch × C (targets one-hot or soft). */
import * as tf from '@tensorflow/tfjs';

export function crossEntropyPerSample(logits: tf.Tensor, targets: tf.Tensor): tf.Tensor {
  return tf.neg(tf.sum(tf.mul(targets, tf.logSoftmax(logits)), -1));
}
