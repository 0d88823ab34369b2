/**
 * A KD criterion none of the papers has: the linear-Gaussian plug-in of the exact risk. From
 * sample moments of (H1, H2, Y) it predicts the KD gain R0 − R(λ) itself — not only its sign —
 * for a given λ, training size n and student dimension p.
 *
 * Definition (the choices, stated once):
 * - The student is linear least squares on H2 (N × p; p = dim H2, any p ≥ 1 including a scalar),
 *   with an intercept by default because learned representations are not centred.
 * - The teacher's output t is either given (`teacher.predictions`: the teacher's predictions, one
 *   column per label column) or, from a teacher representation H1, the best linear map of H1 to
 *   Y, fitted by least squares with intercept on the same N rows (in-sample, so slightly
 *   optimistic about the teacher).
 * - Y is one column (regression targets, or 0/1 labels) or several (e.g. one-hot classes with the
 *   teacher's class probabilities as t); OLS fits each column separately, so risks and gains add up
 *   over columns.
 * - All moments are centred sample (co)variances (denominator N − 1); they replace the population
 *   moments in `exactKdRisk`. The raw plug-in is biased at small N: in-sample residual
 *   (co)variances shrink by (N−p−1)/(N−1), and ‖v̂ − ŵ*‖² is inflated by D·p/(N−1) on average
 *   (the noise of the OLS fit of t − y on H2). `biasCorrection` (default on) undoes both; in the
 *   tests it removes the bias of the predicted gain over repeated samples (N = 60, p = 3).
 */
import {
  InvalidInputError,
  Matrix,
  checkFiniteArray,
  checkFiniteMatrix,
  checkInteger,
  checkNumber,
  checkSameRows,
  cholesky,
  choleskySolve,
  columnMeans,
  crossCovariance,
  covariance,
  hstack,
} from '@cch-lab/core';
import { checkLambda, exactKdRisk } from './exact-risk.js';
import type { ExactKdRisk } from './exact-risk.js';
import type { KdMoments } from './kd-moments.js';
import { populationFromMoments } from './kd-population.js';
import type { KdPopulation } from './kd-population.js';
import { residualDifferenceVariance } from './risk-terms.js';

/** The teacher: its predictions, or a representation from which the best linear prediction is fitted. */
export type PlugInTeacher = { predictions: ArrayLike<number> | Matrix } | { representation: Matrix };

export interface PlugInGainInput {
  /** H2, the student's features: N × p. */
  student: Matrix;
  /** Y: length N, or N × c (one column per output, e.g. one-hot classes). */
  labels: ArrayLike<number> | Matrix;
  teacher: PlugInTeacher;
  /** KD weight λ ≥ 0 (`Infinity` allowed). */
  lambda: number;
  /** Training rows the prediction is for. Default N, the number of rows given. */
  n?: number;
  /** Fitted slope coefficients. Default dim H2. */
  p?: number;
  /** The student fits an intercept. Default true. */
  intercept?: boolean;
  /** Correct the plug-in's finite-sample bias (see the file's doc); false gives the raw plug-in. Default true. */
  biasCorrection?: boolean;
  /** Ridge added to Cov(H2)'s diagonal, as a fraction of its mean diagonal. Default 0. */
  ridge?: number;
}

const PLUG_IN_DEFAULTS = Object.freeze({ intercept: true, biasCorrection: true, ridge: 0 });

export interface PlugInGain {
  /** Predicted R0 − R(λ), summed over label columns (units of y²). */
  gain: number;
  /** Sign of the predicted gain: 1 KD helps, −1 KD hurts, 0 no effect. */
  sign: -1 | 0 | 1;
  /** Predicted R(λ) and R0, summed over label columns. */
  risk: number;
  riskNoKd: number;
  /** gain / riskNoKd. */
  relativeGain: number;
  /** The linear-Gaussian CCH margin I(t; ŵ*'H2) − I(ŵ*'H2; y) of each label column, in nats. */
  margins: number[];
  /** The exact risk evaluated at the plug-in moments, one per label column. */
  outputs: ExactKdRisk[];
  teacherSource: 'predictions' | 'representation';
  /** Rows the moments came from. */
  sampleSize: number;
  n: number;
  p: number;
  lambda: number;
  intercept: boolean;
  biasCorrection: boolean;
}

/**
 * Predicts the KD gain from sample moments of (H1 or teacher predictions, H2, Y) via the exact
 * linear-Gaussian risk.
 * @throws InvalidInputError on misaligned, non-finite or too-small inputs, or a singular Cov(H2)
 * (use `ridge`).
 */
export function plugInGain(input: PlugInGainInput): PlugInGain {
  const where = 'plugInGain';
  const at = { where };
  const intercept = input.intercept ?? PLUG_IN_DEFAULTS.intercept;
  const biasCorrection = input.biasCorrection ?? PLUG_IN_DEFAULTS.biasCorrection;
  const ridge = checkNumber(input.ridge ?? PLUG_IN_DEFAULTS.ridge, 'ridge', { min: 0 }, at);
  const lambda = checkLambda(input.lambda, where);
  const h2 = input.student;
  checkFiniteMatrix(h2, 'student', at);
  const labels = asColumns(input.labels, 'labels', where);
  checkSameRows(h2, labels, ['student', 'labels'], at);
  checkFiniteMatrix(labels, 'labels', at);
  const sampleSize = h2.rows;
  const p = input.p === undefined ? h2.cols : checkInteger(input.p, 'p', { min: 1 }, at);
  const n = input.n === undefined ? sampleSize : checkInteger(input.n, 'n', { min: 1 }, at);
  if (sampleSize < h2.cols + 3) {
    throw new InvalidInputError(`${where}: moments of ${h2.cols} student features need at least ${h2.cols + 3} rows, got ${sampleSize}`, {
      details: { field: 'student', received: `${h2.rows} × ${h2.cols}` },
    });
  }

  const teacherSource = 'predictions' in input.teacher ? 'predictions' : 'representation';
  const predictions =
    'predictions' in input.teacher
      ? asColumns(input.teacher.predictions, 'teacher.predictions', where)
      : linearTeacher(input.teacher.representation, labels, where);
  checkSameRows(h2, predictions, ['student', 'teacher'], at);
  checkFiniteMatrix(predictions, 'teacher', at);
  if (predictions.cols !== labels.cols) {
    throw new InvalidInputError(`${where}: the teacher has ${predictions.cols} output columns but the labels have ${labels.cols}`, {
      details: { field: 'teacher.predictions', received: String(predictions.cols) },
      hint: 'give one teacher prediction column per label column (e.g. class probabilities for one-hot labels)',
    });
  }

  const sigma22 = covariance(h2);
  if (ridge > 0) addRidge(sigma22, ridge);
  const both = hstack([labels.toFloat64(), predictions.toFloat64()]);
  const crossX2 = crossCovariance(h2, both); // p × 2c
  const crossYT = covariance(both); // 2c × 2c
  const c = labels.cols;
  const outputs: ExactKdRisk[] = [];
  const margins: number[] = [];
  for (let j = 0; j < c; j++) {
    const moments: KdMoments = {
      sigma22,
      covX2Y: crossX2.columnValues(j),
      covX2T: crossX2.columnValues(c + j),
      varY: crossYT.get(j, j),
      varT: crossYT.get(c + j, c + j),
      covYT: crossYT.get(j, c + j),
    };
    let population = populationFromMoments(moments);
    margins.push(population.margin);
    if (biasCorrection) population = correctBias(population, sampleSize, h2.cols);
    outputs.push(exactKdRisk({ population, lambda, n, p, intercept }));
  }
  const gain = outputs.reduce((s, o) => s + o.gain, 0);
  const risk = outputs.reduce((s, o) => s + o.risk, 0);
  const riskNoKd = outputs.reduce((s, o) => s + o.riskNoKd, 0);
  return {
    gain,
    sign: gain > 0 ? 1 : gain < 0 ? -1 : 0,
    risk,
    riskNoKd,
    relativeGain: riskNoKd > 0 ? gain / riskNoKd : 0,
    margins,
    outputs,
    teacherSource,
    sampleSize,
    n,
    p,
    lambda,
    intercept,
    biasCorrection,
  };
}

/**
 * In-sample residual (co)variances shrink by (N−p−1)/(N−1); ‖v̂ − ŵ*‖² is inflated by the
 * estimation noise of the OLS fit of t − y on H2, whose expectation is D·p/(N−1).
 */
function correctBias(pop: KdPopulation, sampleSize: number, dims: number): KdPopulation {
  const scale = (sampleSize - 1) / (sampleSize - dims - 1);
  const corrected = { ...pop, varEy: pop.varEy * scale, varEt: pop.varEt * scale, covEyEt: pop.covEyEt * scale };
  const inflation = (residualDifferenceVariance(corrected) * dims) / (sampleSize - 1);
  return { ...corrected, biasDistance: Math.max(0, pop.biasDistance - inflation) };
}

/** Least-squares predictions of each label column from H1, with intercept, in-sample. */
function linearTeacher(h1: Matrix, labels: Matrix, where: string): Matrix<Float64Array> {
  checkFiniteMatrix(h1, 'teacher.representation', { where });
  checkSameRows(h1, labels, ['teacher.representation', 'labels'], { where });
  if (h1.rows < h1.cols + 2) {
    throw new InvalidInputError(`${where}: fitting the teacher's linear map needs more rows (${h1.rows}) than features + 1 (${h1.cols + 1})`, {
      details: { field: 'teacher.representation', received: `${h1.rows} × ${h1.cols}` },
    });
  }
  const beta = choleskySolve(cholesky(covariance(h1)), crossCovariance(h1, labels)); // d1 × c
  const means1 = columnMeans(h1);
  const meansY = columnMeans(labels);
  const c = labels.cols;
  const d1 = h1.cols;
  const out = Matrix.zeros(h1.rows, c);
  for (let i = 0; i < h1.rows; i++) {
    for (let j = 0; j < c; j++) {
      let s = meansY[j];
      for (let k = 0; k < d1; k++) s += (h1.data[i * d1 + k] - means1[k]) * beta.data[k * c + j];
      out.data[i * c + j] = s;
    }
  }
  return out;
}

function addRidge(s: Matrix<Float64Array>, ridge: number): void {
  let trace = 0;
  for (let i = 0; i < s.rows; i++) trace += s.data[i * s.cols + i];
  const add = (ridge * trace) / s.rows;
  for (let i = 0; i < s.rows; i++) s.data[i * s.cols + i] += add;
}

function asColumns(values: ArrayLike<number> | Matrix, field: string, where: string): Matrix {
  if (values instanceof Matrix) return values;
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new InvalidInputError(`${where}: ${field} must be an array of numbers or a Matrix`, { details: { field, received: typeof values } });
  }
  checkFiniteArray(values, field, { where });
  return Matrix.column(values);
}

