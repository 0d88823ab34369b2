/**
 * Trains one model on one modality (or an early fusion) of a paired data set: a teacher, a
 * student, or — with `kd` — a student distilled from a trained teacher. All three go through the
 * same fit loop; only the objective and the target tensors differ.
 */
import * as tf from '@tensorflow/tfjs';
import { InvalidInputError, Matrix, checkFiniteMatrix, silentReporter, type Reporter, type Rng } from '@cch-lab/core';
import type { PairedDataset } from '@cch-lab/data';
import { classWeightVector } from './fit/class-weights.js';
import { fitLoop, type EpochRecord, type FitData } from './fit/fit-loop.js';
import { forwardInBatches } from './fit/forward-in-batches.js';
import { resolveTrainOptions, type TrainOptions } from './fit/train-options.js';
import { modalityFeatureShape, modalityList, modalityMatrix, modalityName, type ModalitySelection } from './fusion.js';
import { prepareTrainingBackend } from './kernels/prepare-backend.js';
import { resolveKdOptions, teacherLogProbabilities, type KdOptions, type ResolvedKdOptions } from './losses/kd-loss.js';
import { taskObjective } from './losses/objective.js';
import { classificationMetrics, regressionMetrics, type Metrics } from './metrics/evaluate.js';
import { buildModel } from './models/build-model.js';
import { resolveModelSpec, type ModelSpec } from './models/model-spec.js';
import type { Network } from './models/network.js';
import { taskLabels } from './task-labels.js';
import { TrainedModel } from './trained-model.js';

/** Distillation from a trained teacher: its KD settings plus the teacher itself. */
export interface DistillFrom extends KdOptions {
  /** A trained model on the same data set (same task and classes), frozen during training. */
  teacher: TrainedModel;
}

export interface TrainRunOptions {
  /** Input modality, or several to fuse early (columns concatenated in this order). */
  modality: ModalitySelection;
  /** Training settings; see TrainOptions for the defaults. */
  train?: TrainOptions;
  /** Distil from a teacher (its soft targets / predictions on the same rows, computed once). */
  kd?: DistillFrom;
  /** Initial weights, batch order and dropout masks all derive from it. */
  rng: Rng;
  /** Progress (one line per epoch) and warnings. Default silent. */
  reporter?: Reporter;
  /** Name in progress lines. Default the modality name. */
  label?: string;
  /** Called after every epoch. */
  onEpochEnd?: (record: EpochRecord) => void;
}

/**
 * Trains `spec` on `dataset`'s training split (validation split for early stopping and the
 * per-epoch validation line), evaluates on its test split, and returns the trained model (the
 * caller disposes it). Uses the active tfjs backend, registering the wasm kernels when needed.
 * @throws UnknownMethodError / InvalidInputError for a bad spec, options, modality or labels.
 */
export async function train(spec: ModelSpec, dataset: PairedDataset, options: TrainRunOptions): Promise<TrainedModel> {
  const started = performance.now();
  const resolvedSpec = resolveModelSpec(spec);
  const opts = resolveTrainOptions(options.train);
  const { task, classes } = taskLabels(dataset);
  const modality = modalityList(options.modality);
  const x = modalityMatrix(dataset, modality);
  checkFiniteMatrix(x, `modalities.${modalityName(modality)}`, { where: dataset.name });
  const kd = options.kd === undefined ? undefined : checkTeacher(options.kd, dataset, task, classes);
  const hasVal = (dataset.splits.val?.length ?? 0) > 0;
  if (opts.earlyStopping !== null && !hasVal) {
    throw new InvalidInputError(`early stopping needs a validation split, and '${dataset.name}' has none`, {
      details: { field: 'train.earlyStopping' },
      hint: 'add a val split (stratifiedSplit with a val fraction) or set earlyStopping to null',
    });
  }
  if (opts.earlyStopping?.monitor === 'val_accuracy' && task !== 'classification') {
    throw new InvalidInputError("monitor 'val_accuracy' needs a classification task", {
      details: { field: 'train.earlyStopping.monitor', received: 'val_accuracy' },
    });
  }
  if (task === 'regression' && opts.classWeights !== 'none') {
    throw new InvalidInputError('class weights apply to classification only', {
      details: { field: 'train.classWeights', received: JSON.stringify(opts.classWeights) },
    });
  }
  // Weights come from the training rows' class counts and apply to every split's loss.
  const classWeights =
    task === 'classification'
      ? classWeightVector(Int32Array.from(dataset.splits.train, (i) => dataset.labels[i]), classes, opts.classWeights)
      : null;
  prepareTrainingBackend();
  const net = buildModel(resolvedSpec, { inputWidth: x.cols, featureShape: modalityFeatureShape(dataset, modality), outputUnits: classes }, options.rng.derive('init'));
  let trainData: FitData | undefined;
  let valData: FitData | undefined;
  try {
    trainData = splitTensors(dataset, x, dataset.splits.train, classes, classWeights, kd);
    if (hasVal) valData = splitTensors(dataset, x, dataset.splits.val as Int32Array, classes, classWeights, kd);
    const history = await fitLoop(net, trainData, valData, taskObjective(task, kd?.options), {
      train: opts,
      rng: options.rng.derive('fit'),
      reporter: options.reporter ?? silentReporter,
      label: options.label ?? modalityName(modality),
      onEpochEnd: options.onEpochEnd,
    });
    const metrics = testMetrics(net, dataset, x, opts.evalBatchSize);
    return new TrainedModel({
      net,
      spec: resolvedSpec,
      modality,
      task,
      classes,
      history,
      metrics,
      seconds: (performance.now() - started) / 1000,
      evalBatchSize: opts.evalBatchSize,
    });
  } catch (error) {
    net.dispose();
    throw error;
  } finally {
    if (trainData !== undefined) disposeFitData(trainData);
    if (valData !== undefined) disposeFitData(valData);
  }
}

interface CheckedKd {
  teacher: TrainedModel;
  options: ResolvedKdOptions;
  /** The teacher's inputs (all rows of the data set). */
  teacherInputs: Matrix<Float32Array>;
}

function checkTeacher(kd: DistillFrom, dataset: PairedDataset, task: string, classes: number): CheckedKd {
  const { teacher } = kd;
  if (!(teacher instanceof TrainedModel)) {
    throw new InvalidInputError('kd.teacher must be a trained model (the result of train())', { details: { field: 'kd.teacher' } });
  }
  if (teacher.task !== task || teacher.classes !== classes) {
    throw new InvalidInputError(`the teacher was trained for ${teacher.task} with ${teacher.classes} outputs, the student's data set needs ${task} with ${classes}`, {
      details: { field: 'kd.teacher', received: `${teacher.task}/${teacher.classes}` },
    });
  }
  const teacherInputs = modalityMatrix(dataset, teacher.modality, 'kd.teacher.modality');
  if (teacherInputs.cols !== teacher.net.inputWidth) {
    throw new InvalidInputError(`the teacher takes rows of ${teacher.net.inputWidth} values but '${modalityName(teacher.modality)}' has ${teacherInputs.cols}`, {
      details: { field: 'kd.teacher', received: String(teacherInputs.cols) },
    });
  }
  return { teacher, options: resolveKdOptions(kd), teacherInputs };
}

/** Inputs, targets, teacher targets and class weights of some rows, as backend tensors. */
function splitTensors(
  dataset: PairedDataset,
  x: Matrix<Float32Array>,
  rows: Int32Array,
  classes: number,
  classWeights: Float64Array | null,
  kd: CheckedKd | undefined,
): FitData {
  const n = rows.length;
  const xs = x.selectRows(rows);
  const targets: tf.Tensor[] = [];
  let weights: tf.Tensor1D | undefined;
  if (dataset.task === 'classification') {
    const labels = dataset.labels as Int32Array;
    const oneHot = new Float32Array(n * classes);
    for (let r = 0; r < n; r++) oneHot[r * classes + labels[rows[r]]] = 1;
    targets.push(tf.tensor2d(oneHot, [n, classes]));
    if (classWeights !== null) weights = tf.tensor1d(Float32Array.from(rows, (i) => classWeights[labels[i]]));
  } else {
    targets.push(tf.tensor2d(Float32Array.from(rows, (i) => dataset.labels[i]), [n, 1]));
  }
  if (kd !== undefined) {
    // The teacher is frozen and deterministic at inference, so its targets are computed once.
    const teacherOut = kd.teacher.outputs(kd.teacherInputs.selectRows(rows));
    targets.push(
      tf.tidy(() => {
        const t = tf.tensor2d(teacherOut.data, [teacherOut.rows, teacherOut.cols]);
        return dataset.task === 'classification' ? teacherLogProbabilities(t, kd.options.temperature) : t;
      }),
    );
  }
  return { x: tf.tensor2d(xs.data, [n, x.cols]), targets, weights };
}

function disposeFitData(data: FitData): void {
  tf.dispose([data.x, ...data.targets]);
  if (data.weights !== undefined) data.weights.dispose();
}

/** Held-out metrics on the test split, or null when it is empty. */
function testMetrics(net: Network, dataset: PairedDataset, x: Matrix<Float32Array>, batchSize: number): Metrics | null {
  const rows = dataset.splits.test;
  if (rows.length === 0) return null;
  const xs = x.selectRows(rows);
  const out = tf.tidy(() => {
    const outputs = forwardInBatches(net, tf.tensor2d(xs.data, [xs.rows, xs.cols]), batchSize);
    return dataset.task === 'classification' ? tf.softmax(outputs) : outputs;
  });
  const values = new Matrix(out.dataSync().slice() as Float32Array, out.shape[0], out.shape[1]);
  out.dispose();
  if (dataset.task === 'classification') {
    return classificationMetrics(Int32Array.from(rows, (i) => dataset.labels[i]), values);
  }
  return regressionMetrics(Float32Array.from(rows, (i) => dataset.labels[i]), values);
}
