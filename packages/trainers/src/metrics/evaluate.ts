/** The held-out metrics of a trained model, per task, from its outputs on the test rows. */
import type { Matrix } from '@cch-lab/core';
import { accuracy } from './accuracy.js';
import { classCounts, confusionMatrix, type ClassCounts } from './confusion-matrix.js';
import { meanSquaredError } from './mean-squared-error.js';
import { meanAbsoluteError, pearsonR } from './regression-errors.js';
import { macroRocAuc } from './roc-auc.js';
import { weightedF1 } from './weighted-f1.js';

export interface ClassificationMetrics {
  task: 'classification';
  /** Rows evaluated. */
  n: number;
  accuracy: number;
  weightedF1: number;
  /** Macro one-vs-rest AUC; null when no class has both positive and negative rows. */
  macroAuc: number | null;
  /** Per-class support, predictions and hits. */
  perClass: ClassCounts[];
  /** confusion[true][predicted]. */
  confusion: number[][];
}

export interface RegressionMetrics {
  task: 'regression';
  n: number;
  mse: number;
  mae: number;
  /** Pearson's r of predictions and targets; null when either is constant. */
  pearsonR: number | null;
}

export type Metrics = ClassificationMetrics | RegressionMetrics;

/** Metrics from class probabilities (n × C) and the true labels. */
export function classificationMetrics(yTrue: Int32Array, probabilities: Matrix): ClassificationMetrics {
  const classes = probabilities.cols;
  const yPred = argMaxRows(probabilities);
  const confusion = confusionMatrix(yTrue, yPred, classes);
  return {
    task: 'classification',
    n: yTrue.length,
    accuracy: accuracy(yTrue, yPred),
    weightedF1: weightedF1(yTrue, yPred, classes),
    macroAuc: macroRocAuc(yTrue, probabilities),
    perClass: classCounts(confusion),
    confusion,
  };
}

/** Metrics from predictions (n × 1) and the true targets. */
export function regressionMetrics(yTrue: Float32Array | Float64Array, predictions: Matrix): RegressionMetrics {
  return { task: 'regression', n: yTrue.length, mse: meanSquaredError(yTrue, predictions.data), mae: meanAbsoluteError(yTrue, predictions.data), pearsonR: pearsonR(yTrue, predictions.data) };
}

/** Index of the largest value of each row (the first on ties). */
export function argMaxRows(scores: Matrix): Int32Array {
  const out = new Int32Array(scores.rows);
  for (let i = 0; i < scores.rows; i++) {
    let best = 0;
    for (let j = 1; j < scores.cols; j++) if (scores.get(i, j) > scores.get(i, best)) best = j;
    out[i] = best;
  }
  return out;
}
