/**
 * One cell of `mfh-gauss`: one draw of the MFH benchmark, the three linear models trained as the
 * reference code trains them (full-batch SGD; KD = CE + λ·T²·KL), their test accuracies, the CCH
 * margin on their representations (the logits, for a linear model) and the plug-in gain.
 */
import { Matrix } from '@cch-lab/core';
import { mfhGaussian } from '@cch-lab/data-synthetic';
import { cchCriterion, oneHot } from '@cch-lab/estimators';
import { plugInGain } from '@cch-lab/theory';
import { runDistillation } from '@cch-lab/trainers';
import type { FitHistory, Metrics } from '@cch-lab/trainers';
import type { Cell, CellContext, CellOutput, Row } from '../../types.js';
import type { MfhGaussCellParams } from './mfh-gauss-cells.js';

export async function runMfhGaussCell(cell: Cell<MfhGaussCellParams>, context: CellContext): Promise<CellOutput> {
  const p = cell.params;
  const { rng } = context;
  const dataset = mfhGaussian(
    {
      sweep: p.sweep,
      ...(p.sweep === 'gamma' ? { shared: p.level } : { extra: p.level }),
      nTrain: p.data.nTrain,
      nTest: p.data.nTest,
      noiseScale: p.data.noiseScale,
    },
    rng.derive('data'),
  );
  const result = await runDistillation({
    dataset,
    teacherModality: 'x1',
    studentModality: 'x2',
    model: { kind: 'linear', bias: p.model.bias },
    // The theorem's form CE + λ·T²·KL: the reference code's `CE + KLDivLoss` (see the config on λ).
    kd: { lambda: p.kd.lambda, temperature: p.kd.temperature, form: 'theorem' },
    train: { epochs: p.train.epochs, batchSize: 'full', optimizer: { name: 'sgd', learningRate: p.train.learningRate } },
    representationSplit: 'test',
    rng: rng.derive('train'),
    // No reporter: it prints a line per epoch per model (3000 per cell); the pipeline reports cells.
  });
  const reps = result.representations;
  const labels = reps.labels as Int32Array;
  const criterion = await cchCriterion({
    teachers: [{ name: 'x1', representation: reps.teacher }],
    student: reps.student,
    labels,
    estimator: p.estimators.teacherStudent,
    labelEstimator: p.estimators.studentLabel,
    k: p.estimators.k,
    subsamples: p.estimators.subsamples,
    rng: rng.derive('cch'),
  });
  const cch = criterion.teachers[0];
  // The linear-Gaussian plug-in read for classification: least squares on one-hot labels with the
  // teacher's class probabilities as the KD target (a linear-probability stand-in for CE + KL).
  const plugin = plugInGain({
    student: reps.student,
    labels: oneHot(labels).matrix,
    teacher: { predictions: softmaxRows(reps.teacher, p.kd.temperature) },
    lambda: p.kd.lambda,
    n: p.data.nTrain,
    p: dataset.modalities.x2.cols,
    intercept: p.model.bias,
  });
  const meta = dataset.meta as { gamma: number; alpha: number | null };
  const teacherAcc = accuracyOf(result.teacher.metrics);
  const noKdAcc = accuracyOf(result.student.metrics);
  const kdAcc = accuracyOf(result.kdStudent.metrics);
  const row: Row = {
    sweep: p.sweep,
    level: p.level,
    gamma: meta.gamma,
    alpha: meta.alpha,
    seed: p.seed,
    teacher_acc: teacherAcc,
    no_kd_acc: noKdAcc,
    kd_acc: kdAcc,
    kd_effect: kdAcc - noKdAcc,
    mi_teacher_student: cch.i_teacher_student,
    mi_student_label: cch.i_student_label,
    margin: cch.margin,
    margin_low: cch.interval.low,
    margin_high: cch.interval.high,
    cch_verdict: cch.verdict,
    plugin_gain: plugin.gain,
  };
  return {
    rows: [row],
    meta: {
      backend: result.backend,
      seconds: result.seconds,
      finalLoss: {
        teacher: lastLoss(result.teacher.history),
        student: lastLoss(result.student.history),
        kd: lastLoss(result.kdStudent.history),
      },
      estimators: criterion.estimators,
    },
  };
}

function accuracyOf(metrics: Metrics | null): number {
  return metrics !== null && metrics.task === 'classification' ? metrics.accuracy : Number.NaN;
}

function lastLoss(history: FitHistory): number | null {
  return history.epochs.at(-1)?.loss ?? null;
}

/** softmax(logits / T) row by row, in float64. */
function softmaxRows(logits: Matrix, temperature: number): Matrix<Float64Array> {
  const out = Matrix.zeros(logits.rows, logits.cols);
  for (let i = 0; i < logits.rows; i++) {
    let max = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < logits.cols; j++) max = Math.max(max, logits.get(i, j) / temperature);
    let sum = 0;
    for (let j = 0; j < logits.cols; j++) {
      const e = Math.exp(logits.get(i, j) / temperature - max);
      out.set(i, j, e);
      sum += e;
    }
    for (let j = 0; j < logits.cols; j++) out.set(i, j, out.get(i, j) / sum);
  }
  return out;
}
