/** Inference over many rows in slices, so memory stays bounded by the batch, not the data set. */
import * as tf from '@tensorflow/tfjs';
import { INFERENCE } from '../models/layers/layer.js';
import type { Network } from '../models/network.js';

/**
 * The output of layer `until` (default: the output layer) for every row of x, flattened to
 * rows × features. Call inside tf.tidy.
 */
export function forwardInBatches(net: Network, x: tf.Tensor2D, batchSize: number, until?: string): tf.Tensor2D {
  const n = x.shape[0];
  const width = x.shape[1];
  const parts: tf.Tensor2D[] = [];
  for (let start = 0; start < n; start += batchSize) {
    const rows = Math.min(batchSize, n - start);
    const batch = rows === n ? x : tf.slice(x, [start, 0], [rows, width]);
    const out = net.apply(batch, INFERENCE, until);
    parts.push(tf.reshape(out, [rows, out.size / rows]));
  }
  if (parts.length === 0) {
    const shape = net.layerOutputShape(until ?? net.layers[net.layers.length - 1].name);
    return tf.zeros([0, shape.reduce((a, b) => a * b, 1)]);
  }
  return parts.length === 1 ? parts[0] : tf.concat(parts, 0);
}
