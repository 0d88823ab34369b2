/**
 * The one training loop. Teacher, student and KD student differ only in the objective and the
 * target tensors they pass. Lean by design (the benchmark measures it against Keras's fit):
 *
 *   data stay tensors on the backend → per step: gather the batch rows by an index tensor (from
 *   the Rng's permutation), gradients by tf.variableGrads, the optimizer update, and the batch
 *   loss added to a running sum — all inside one tf.tidy, with no read-back → once per epoch:
 *   read the summed loss, evaluate the validation split, report, early-stop.
 *
 * On the native backend a step whose network and objective have a graph form is instead one
 * TensorFlow session run (kernels/native/graph/): the same batches and dropout seeds, the weights
 * copied back to the tfjs variables after each epoch.
 *
 * tf.memory().numTensors is the same at the end of every epoch (tested).
 */
import * as tf from '@tensorflow/tfjs';
import type { Reporter, Rng } from '@cch-lab/core';
import type { ForwardContext } from '../models/layers/layer.js';
import type { Network } from '../models/network.js';
import type { Objective } from '../losses/objective.js';
import { weightedMean } from '../losses/weighted-mean.js';
import { graphTrainStep, type GraphTrainStep } from '../kernels/native/graph/graph-train-step.js';
import { createOptimizer, type Optimizer } from '../optimizers.js';
import { learningRateAt } from '../schedules.js';
import { forwardInBatches } from './forward-in-batches.js';
import type { ResolvedTrainOptions } from './train-options.js';

/** Rows of one split as backend tensors. */
export interface FitData {
  /** Inputs, rows × inputWidth, float32. */
  x: tf.Tensor2D;
  /** Target tensors with the same rows, in the order the objective expects. */
  targets: tf.Tensor[];
  /** Per-row loss weights (class weights), or none. */
  weights?: tf.Tensor1D;
}

export interface EpochRecord {
  /** 1-based. */
  epoch: number;
  /** Mean training loss over the epoch's batches (weighted by batch rows). */
  loss: number;
  /** Loss on the validation split after the epoch, when there is one. */
  valLoss?: number;
  /** Accuracy on the validation split (classification). */
  valAccuracy?: number;
  learningRate: number;
  seconds: number;
}

export interface FitHistory {
  /** The objective's name, e.g. 'cross-entropy', 'kd-hinton', 'mse'. */
  objective: string;
  epochs: EpochRecord[];
  /** The epoch with the best monitored validation value (the last epoch without early stopping). */
  bestEpoch: number;
  stoppedEarly: boolean;
  /** True when the weights were set back to those of `bestEpoch`. */
  restoredBest: boolean;
  /** True when the loss became NaN or infinite (training stopped there). */
  diverged: boolean;
  /** Optimizer steps taken. */
  steps: number;
  seconds: number;
}

export interface FitLoopOptions {
  train: ResolvedTrainOptions;
  /** Batch order and dropout masks. */
  rng: Rng;
  reporter: Reporter;
  /** Task name in progress lines, e.g. 'teacher (mnist)'. */
  label: string;
  /** Called after each epoch (after validation and early-stopping bookkeeping). */
  onEpochEnd?: (record: EpochRecord) => void;
}

/** Trains `net` in place and returns its history. The caller owns (and disposes) the data tensors. */
export async function fitLoop(
  net: Network,
  train: FitData,
  val: FitData | undefined,
  objective: Objective,
  options: FitLoopOptions,
): Promise<FitHistory> {
  const started = performance.now();
  const opts = options.train;
  const n = train.x.shape[0];
  const batchSize = opts.batchSize === 'full' ? n : Math.min(opts.batchSize, n);
  const fullBatch = batchSize >= n;
  const variables = net.trainableVariables();
  // On the native backend a whole step is one TensorFlow session run when the network and the
  // objective have a graph form; the op-by-op path below otherwise.
  const graph: GraphTrainStep | undefined =
    objective.graphLoss !== undefined && train.targets.length === (objective.graphKd === undefined ? 1 : 2)
      ? graphTrainStep(net, objective.graphLoss, objective.graphKd, opts.optimizer, { x: train.x, targets: train.targets[0], teacher: train.targets[1], weights: train.weights })
      : undefined;
  const optimizer: Optimizer | undefined = graph === undefined ? createOptimizer(opts.optimizer, variables) : undefined;
  const batchRng = options.rng.derive('batches');
  const dropoutRng = options.rng.derive('dropout');
  const context: ForwardContext = { training: true, nextSeed: () => dropoutRng.nextUint32() };
  const stopping = opts.earlyStopping;
  const history: FitHistory = {
    objective: objective.name,
    epochs: [],
    bestEpoch: 0,
    stoppedEarly: false,
    restoredBest: false,
    diverged: false,
    steps: 0,
    seconds: 0,
  };
  let best: number | undefined;
  let bestSeen = 0;
  let checkpoint: tf.Tensor[] | undefined;

  const step = (xb: tf.Tensor, tb: readonly tf.Tensor[], wb: tf.Tensor | undefined, learningRate: number): tf.Scalar => {
    const { value, grads } = tf.variableGrads(() => weightedMean(objective.perSample(net.apply(xb, context), tb), wb), variables);
    // Only the op-by-op path calls step, and it always has an optimizer.
    optimizer!.apply(
      variables.map((v) => grads[v.name] ?? tf.zerosLike(v)),
      learningRate,
    );
    return value;
  };

  try {
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      const epochStart = performance.now();
      const learningRate = learningRateAt(opts.schedule, opts.optimizer.learningRate, epoch, opts.epochs);
      let loss: number;
      if (graph !== undefined) {
        const order = fullBatch ? Int32Array.from({ length: n }, (_, i) => i) : batchRng.permutation(n);
        for (let start = 0; start < n; start += batchSize) {
          const seeds = Array.from({ length: graph.dropoutLayers }, () => context.nextSeed());
          graph.step(order.subarray(start, Math.min(n, start + batchSize)), learningRate, seeds);
          history.steps += 1;
        }
        loss = (await graph.takeLossSum()) / n;
        graph.syncWeights();
      } else {
        let lossSum: tf.Scalar;
        if (fullBatch) {
          lossSum = tf.tidy(() => tf.mul(step(train.x, train.targets, train.weights, learningRate), n));
          history.steps += 1;
        } else {
          const order = batchRng.permutation(n);
          lossSum = tf.scalar(0);
          for (let start = 0; start < n; start += batchSize) {
            const end = Math.min(n, start + batchSize);
            const previous = lossSum;
            lossSum = tf.tidy(() => {
              const rows = tf.tensor1d(order.subarray(start, end), 'int32');
              const xb = tf.gather(train.x, rows);
              const tb = train.targets.map((t) => tf.gather(t, rows));
              const wb = train.weights === undefined ? undefined : tf.gather(train.weights, rows);
              return tf.add(previous, tf.mul(step(xb, tb, wb, learningRate), end - start));
            });
            previous.dispose();
            history.steps += 1;
          }
        }
        loss = (await lossSum.data())[0] / n;
        lossSum.dispose();
      }
      const record: EpochRecord = { epoch: epoch + 1, loss, learningRate, seconds: 0 };
      if (val !== undefined && val.x.shape[0] > 0) Object.assign(record, await evaluateSplit(net, val, objective, opts.evalBatchSize));
      record.seconds = (performance.now() - epochStart) / 1000;
      history.epochs.push(record);
      options.reporter.progress(options.label, record.epoch, opts.epochs, statusLine(record));

      if (!Number.isFinite(loss)) {
        history.diverged = true;
        options.reporter.warn(`${options.label}: the training loss is ${loss} at epoch ${record.epoch}; stopping (lower the learning rate)`);
        options.onEpochEnd?.(record);
        break;
      }
      if (stopping !== null) {
        const value = stopping.monitor === 'val_loss' ? record.valLoss : record.valAccuracy;
        const sign = stopping.monitor === 'val_loss' ? 1 : -1;
        if (value !== undefined && (best === undefined || sign * (best - value) > stopping.minDelta)) {
          best = value;
          bestSeen = record.epoch;
          if (stopping.restoreBestWeights) {
            if (checkpoint !== undefined) tf.dispose(checkpoint);
            checkpoint = net.snapshot();
          }
        }
      }
      options.onEpochEnd?.(record);
      // Only an epoch that did not improve can stop the run (so patience 0 stops at the first
      // such epoch, as Keras's EarlyStopping, instead of after epoch 1 however it went).
      const stale = record.epoch - bestSeen;
      if (stopping !== null && stale > 0 && stale >= stopping.patience && record.epoch < opts.epochs) {
        history.stoppedEarly = true;
        break;
      }
    }
    const last = history.epochs.length;
    history.bestEpoch = stopping === null || bestSeen === 0 ? last : bestSeen;
    if (checkpoint !== undefined && bestSeen !== last) {
      net.restore(checkpoint);
      history.restoredBest = true;
    }
  } finally {
    optimizer?.dispose();
    graph?.dispose();
    if (checkpoint !== undefined) tf.dispose(checkpoint);
  }
  history.seconds = (performance.now() - started) / 1000;
  return history;
}

/** Validation loss (and accuracy) with one read-back. */
async function evaluateSplit(
  net: Network,
  data: FitData,
  objective: Objective,
  batchSize: number,
): Promise<{ valLoss: number; valAccuracy?: number }> {
  const packed = tf.tidy(() => {
    const outputs = forwardInBatches(net, data.x, batchSize);
    const loss = weightedMean(objective.perSample(outputs, data.targets), data.weights);
    const correct = objective.correct?.(outputs, data.targets) ?? tf.scalar(Number.NaN);
    return tf.stack([loss, correct]);
  });
  const [valLoss, correct] = await packed.data();
  packed.dispose();
  return objective.correct === undefined ? { valLoss } : { valLoss, valAccuracy: correct / data.x.shape[0] };
}

function statusLine(r: EpochRecord): string {
  const parts = [`loss ${fmt(r.loss)}`];
  if (r.valLoss !== undefined) parts.push(`val_loss ${fmt(r.valLoss)}`);
  if (r.valAccuracy !== undefined) parts.push(`val_acc ${r.valAccuracy.toFixed(3)}`);
  parts.push(`lr ${r.learningRate.toPrecision(3)}`, `${r.seconds.toFixed(2)}s`);
  return parts.join(' ');
}

function fmt(x: number): string {
  return Math.abs(x) >= 1e-3 || x === 0 ? x.toFixed(4) : x.toExponential(3);
}
