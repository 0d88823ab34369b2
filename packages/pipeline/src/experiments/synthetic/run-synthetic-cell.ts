/**
 * One cell of the `synthetic` experiment: draw training, held-out and test rows from the joint
 * Gaussian model at one margin level, fit the students, and measure everything the summary
 * compares — observed test MSE, exact risks, estimated margins and the plug-in gain — for each λ.
 */
import { Matrix, matTMul, matVec, solveSpd } from '@cch-lab/core';
import type { Rng } from '@cch-lab/core';
import type { PairedDataset } from '@cch-lab/data';
import { gaussianKdModel } from '@cch-lab/data-synthetic';
import type { GaussianKdModel } from '@cch-lab/data-synthetic';
import { exactKdRisk, plugInGain } from '@cch-lab/theory';
import type { Cell, CellContext, CellOutput, Row } from '../../types.js';
import { closedFormStudents } from './closed-form-students.js';
import { estimatedMargin } from './estimated-margin.js';
import type { EstimatedMargin } from './estimated-margin.js';
import { modelOptions, type MarginMethod, type SyntheticConfig } from './synthetic-config.js';

/** One cell: one draw at one (margin level, n, repeat); everything else it reads is `syntheticCellConfig`. */
export interface SyntheticCellParams {
  /** The requested (analytic) CCH margin in nats. */
  margin: number;
  /** Training rows of the students. */
  n: number;
  rep: number;
  /** The estimators this repeat runs (the neural ones only on the first `neuralRepeats`). */
  estimators: MarginMethod[];
}

/** The config a cell reads (its cache key with the params); a population teacher ignores `teacher.n`. */
export function syntheticCellConfig(c: SyntheticConfig) {
  return {
    model: c.model,
    lambda: c.kd.lambda,
    data: { nTest: c.data.nTest, nEstimation: c.data.nEstimation },
    teacher: c.teacher.kind === 'trained' ? c.teacher : { kind: 'population' as const },
    fit: c.student.fit,
    k: c.estimators.k,
    plugin: c.plugin,
  };
}

/** Rows of one split: the student's features, the label, the teacher's output t = w1'x1. */
interface SplitRows {
  x2: Matrix;
  y: Float64Array;
  t: Float64Array;
}

export async function runSyntheticCell(cell: Cell<SyntheticCellParams>, config: SyntheticConfig, context: CellContext): Promise<CellOutput> {
  const p = { ...cell.params, ...syntheticCellConfig(config) };
  const { rng } = context;
  const model = buildModel(p, rng.derive('teacher'));
  const data = model.sample(p.n, rng.derive('data'), { nTest: p.data.nTest, nVal: p.data.nEstimation });
  const w1 = model.teacherWeights;
  const train = splitRows(data, data.splits.train, w1);
  const held = splitRows(data, data.splits.val ?? new Int32Array(0), w1);
  const test = splitRows(data, data.splits.test, w1);

  const students = closedFormStudents(train.x2, train.y, train.t, p.lambda);
  const mseNoKd = meanSquaredError(test, students.noKd);

  // The representations of Theorem 1's linear case: H1 = t, H2 = ŵ_y'x2, on rows no fit has seen.
  const h1 = Matrix.column(held.t);
  const h2Values = matVec(held.x2, students.noKd);
  const h2 = Matrix.column(h2Values);
  const yHeld = Matrix.column(held.y);
  const estimated: Partial<Record<string, EstimatedMargin>> = {};
  for (const method of p.estimators) {
    estimated[method] = await estimatedMargin(method, h1, h2, yHeld, { k: p.k, rng: rng.derive(`estimator/${method}`) });
  }

  const sides = model.sides;
  const shared: Row = {
    margin_level: p.margin,
    n: p.n,
    p: p.model.studentDims,
    n_over_p: p.n / p.model.studentDims,
    rep: p.rep,
    margin_analytic: sides.margin,
    mi_teacher_student: sides.teacherStudentMi,
    mi_student_label: sides.studentLabelMi,
    teacher_label_corr: sides.teacherLabelCorrelation,
    mse_no_kd: mseNoKd,
  };
  for (const [method, e] of Object.entries(estimated)) {
    if (e === undefined) continue;
    shared[`margin_${method}`] = e.margin;
    shared[`mi_teacher_student_${method}`] = e.teacherStudent;
    shared[`mi_student_label_${method}`] = e.studentLabel;
  }

  const rows: Row[] = p.lambda.map((lambda, i) => {
    const exact = exactKdRisk({ moments: model.moments, lambda, n: p.n });
    const plugin = plugInGain({
      student: p.plugin.representation === 'prediction' ? h2 : held.x2,
      labels: held.y,
      teacher: { predictions: held.t },
      lambda,
      n: p.n,
      p: p.model.studentDims,
      intercept: false,
      biasCorrection: p.plugin.biasCorrection,
    });
    const mseKd = meanSquaredError(test, students.kd[i]);
    return {
      ...shared,
      lambda,
      mse_kd: mseKd,
      gain: mseNoKd - mseKd,
      risk_exact_no_kd: exact.riskNoKd,
      risk_exact_kd: exact.risk,
      exact_gain: exact.gain,
      plugin_gain: plugin.gain,
    };
  });
  return {
    rows,
    sources: [data.source],
    meta: {
      teacher: p.teacher.kind,
      estimatorSeconds: Object.fromEntries(Object.entries(estimated).map(([m, e]) => [m, e?.seconds ?? null])),
    },
  };
}

/** The model at this margin level; with a trained teacher, its own w1 (so the exact risk is for that teacher). */
function buildModel(p: SyntheticCellParams & ReturnType<typeof syntheticCellConfig>, rng: Rng): GaussianKdModel {
  const options = modelOptions(p, p.margin);
  const population = gaussianKdModel(options);
  if (p.teacher.kind === 'population') return population;
  // OLS of y on x1 from rows independent of the student's: the exact risk still applies (DERIVATION.md).
  const rows = population.sample(p.teacher.n, rng, { nTest: 0 });
  const x1 = rows.modalities.x1;
  const w1 = solveSpd(matTMul(x1, x1), matTMul(x1, Matrix.column(rows.labels))).data;
  return gaussianKdModel({ ...options, teacherWeights: w1 });
}

function splitRows(data: PairedDataset, indices: Int32Array, w1: Float64Array): SplitRows {
  const x1 = data.modalities.x1.selectRows(indices);
  const x2 = data.modalities.x2.selectRows(indices);
  const y = Float64Array.from(indices, (i) => data.labels[i]);
  return { x2, y, t: matVec(x1, w1) };
}

/** Mean of (y − w'x2)² over the rows. */
function meanSquaredError(rows: SplitRows, w: Float64Array): number {
  const predictions = matVec(rows.x2, w);
  let s = 0;
  for (let i = 0; i < predictions.length; i++) s += (rows.y[i] - predictions[i]) ** 2;
  return s / predictions.length;
}
