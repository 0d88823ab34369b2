/** A trained teacher or student: its network, how it was trained, its held-out metrics, and inference. */
import * as tf from '@tensorflow/tfjs';
import { Matrix } from '@cch-lab/core';
import type { PairedDataset, Task } from '@cch-lab/data';
import type { FitHistory } from './fit/fit-loop.js';
import { modalityMatrix } from './fusion.js';
import type { Metrics } from './metrics/evaluate.js';
import type { ResolvedModelSpec } from './models/model-spec.js';
import type { Network } from './models/network.js';
import { extractRepresentation, modelOutputs } from './representations.js';

export interface TrainedModelInit {
  net: Network;
  spec: ResolvedModelSpec;
  modality: readonly string[];
  task: Task;
  classes: number;
  history: FitHistory;
  metrics: Metrics | null;
  seconds: number;
  evalBatchSize: number;
}

export class TrainedModel {
  readonly net: Network;
  readonly spec: ResolvedModelSpec;
  /** The modalities it reads, fused in this order (one for a single modality). */
  readonly modality: readonly string[];
  readonly task: Task;
  /** Classes (classification) or 1 (regression). */
  readonly classes: number;
  readonly history: FitHistory;
  /** Metrics on the data set's test split; null when the split is empty. */
  readonly metrics: Metrics | null;
  /** Wall time of the whole training run, seconds. */
  readonly seconds: number;
  private readonly evalBatchSize: number;

  constructor(init: TrainedModelInit) {
    this.net = init.net;
    this.spec = init.spec;
    this.modality = init.modality;
    this.task = init.task;
    this.classes = init.classes;
    this.history = init.history;
    this.metrics = init.metrics;
    this.seconds = init.seconds;
    this.evalBatchSize = init.evalBatchSize;
  }

  /** Its input rows from a data set (the same modality or fusion), optionally only some rows. */
  inputs(dataset: PairedDataset, rows?: ArrayLike<number>): Matrix<Float32Array> {
    const x = modalityMatrix(dataset, this.modality);
    return rows === undefined ? x : x.selectRows(rows);
  }

  /** Raw outputs: logits (rows × classes) or predictions (rows × 1). */
  outputs(x: Matrix): Matrix<Float32Array> {
    return modelOutputs(this.net, x, this.evalBatchSize);
  }

  /** Class probabilities (softmax of the logits) or regression predictions. */
  predict(x: Matrix): Matrix<Float32Array> {
    const logits = this.outputs(x);
    if (this.task === 'regression') return logits;
    const probs = tf.tidy(() => tf.softmax(tf.tensor2d(logits.data, [logits.rows, logits.cols])));
    const values = probs.dataSync() as Float32Array;
    probs.dispose();
    return new Matrix(values.slice(), logits.rows, logits.cols);
  }

  /** Activations of `layer` (default the penultimate) for x: the representation H. */
  representation(x: Matrix, layer?: string): Matrix<Float32Array> {
    return extractRepresentation(this.net, x, { layer, batchSize: this.evalBatchSize });
  }

  /** Frees the network's variables. */
  dispose(): void {
    this.net.dispose();
  }
}
