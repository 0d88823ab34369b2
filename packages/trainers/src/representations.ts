/**
 * Representations H for the MI estimators: the activations of a named layer (by default the
 * penultimate — see Network.representationLayer) for every row, as a float32 Matrix.
 */
import * as tf from '@tensorflow/tfjs';
import { InvalidInputError, Matrix } from '@cch-lab/core';
import { forwardInBatches } from './fit/forward-in-batches.js';
import type { Network } from './models/network.js';

export interface RepresentationOptions {
  /** Layer to read. Default the network's representation layer (the penultimate). */
  layer?: string;
  /** Rows per forward pass. Default 1024. */
  batchSize?: number;
}

/**
 * Layer activations for x (rows × inputWidth) → rows × (layer width, flattened).
 * @throws InvalidInputError for a width mismatch or an unknown layer (listing the valid names).
 */
export function extractRepresentation(net: Network, x: Matrix, options: RepresentationOptions = {}): Matrix<Float32Array> {
  const layer = options.layer ?? net.representationLayer;
  net.layerIndex(layer); // throws, listing the layers, before any tensor is made
  return runForward(net, x, options.batchSize ?? 1024, layer);
}

/** The output layer for x (logits, or regression predictions). */
export function modelOutputs(net: Network, x: Matrix, batchSize = 1024): Matrix<Float32Array> {
  return runForward(net, x, batchSize, undefined);
}

function runForward(net: Network, x: Matrix, batchSize: number, layer: string | undefined): Matrix<Float32Array> {
  if (x.cols !== net.inputWidth) {
    throw new InvalidInputError(`the model takes rows of ${net.inputWidth} values but the input has ${x.cols}`, {
      details: { field: 'x', received: `${x.rows} × ${x.cols}` },
      hint: 'pass the modality (or fusion) the model was trained on',
    });
  }
  const out = tf.tidy(() => forwardInBatches(net, tf.tensor2d(x.toFloat32().data, [x.rows, x.cols]), batchSize, layer));
  let values = out.dataSync() as Float32Array;
  // On the cpu backend a layer that only reshapes can hand back the input's own buffer.
  if (values.buffer === x.data.buffer) values = values.slice();
  const [rows, cols] = out.shape;
  out.dispose();
  return new Matrix(values, rows, cols);
}
