/**
 * The one distillation cell: a split dataset → every model trained once (one per modality or
 * fusion, serving as no-KD student and as teacher) → `runDistillation` per (teacher → student)
 * pair with its λ × T KD students → the CCH criterion on the test rows' representations with every
 * configured estimator → the plug-in prediction → typed rows plus meta.
 *
 * Streams: a model's stream derives from its modality alone (`model/<name>`), so a model is the
 * same whichever pairs, λs or order of work a config asks for; KD students share the initial
 * weights and batch order of their no-KD student; each margin's stream derives from its pair.
 */
import { InvalidInputError, Matrix, fitPca, projectPca, silentReporter, type Reporter, type Rng } from '@cch-lab/core';
import type { PairedDataset } from '@cch-lab/data';
import { cchCriterion, estimateMi, oneHot } from '@cch-lab/estimators';
import { plugInGain } from '@cch-lab/theory';
import { modalityList, modalityName, runDistillation, train, type ModalitySelection, type TrainedModel } from '@cch-lab/trainers';
import type { Scalar } from '../types.js';
import type { DistillationRow, MarginEstimate } from './distillation-row.js';
import { modelMetrics } from './distillation-row.js';
import type { DecisionSection } from './sections/decision-section.js';
import { KNN_FAMILIES, marginEstimators, type EstimatorsSection } from './sections/estimators-section.js';
import { kdSettings, type KdSection } from './sections/kd-section.js';
import type { ModelSection } from './sections/model-section.js';
import { trainOptionsOf, type TrainSection } from './sections/train-section.js';
import { validationScore } from './validation-score.js';

export interface DistillationPair {
  teacher: ModalitySelection;
  /** A list is an early-fused student (fusion + KD). */
  student: ModalitySelection;
}

export interface DistillationCellOptions {
  /** Split into train (fit), val (early stopping, model choice) and test (metrics, representations). */
  dataset: PairedDataset;
  pairs: readonly DistillationPair[];
  /**
   * Further pairs chosen from the models trained for `pairs` (e.g. fusion of the weaker
   * modalities with the strongest as teacher), by their validation scores — never test rows.
   */
  morePairs?: (validation: Readonly<Record<string, number>>) => DistillationPair[];
  model: ModelSection;
  train: TrainSection;
  kd: KdSection;
  estimators: EstimatorsSection;
  decision: DecisionSection;
  rng: Rng;
  /**
   * Modalities whose label information I(H; Y) is measured on their own, on the same held-out
   * rows and with the same estimators (and projection) as the margins' I(H_s; Y): a ranking of
   * the modalities before any KD.
   */
  labelInformation?: readonly ModalitySelection[];
  /** The experiment's keys copied into every row (cohort, repeat, …). */
  context?: Record<string, Scalar>;
  reporter?: Reporter;
}

/** I(H; Y) of one model's held-out representation, by one estimator family. */
export interface LabelInformation {
  modality: string;
  estimator: string;
  nats: number;
  /** Subsample interval at the decision level (NaN when it could not be estimated). */
  low: number;
  high: number;
  n: number;
  effective_k: number;
  /** Classes smaller than k, with the k used for them (the estimator's kCapped), when any. */
  k_capped?: Record<string, { size: number; k: number }>;
}

export interface DistillationCellResult {
  rows: DistillationRow[];
  /** One entry per (labelInformation modality, estimator family), in the order asked. */
  labelInformation: LabelInformation[];
  /** Validation score of every model trained (accuracy, or −MSE), by modality name. */
  validation: Record<string, number>;
  meta: Record<string, unknown>;
}

export async function runDistillationCell(options: DistillationCellOptions): Promise<DistillationCellResult> {
  const { dataset, rng } = options;
  const reporter = options.reporter ?? silentReporter;
  const trainOptions = trainOptionsOf(options.train);
  const models = new Map<string, TrainedModel>();
  const validation: Record<string, number> = {};
  const modelRng = (selection: ModalitySelection) => rng.derive('model').derive(modalityName(selection));

  const modelOf = async (selection: ModalitySelection): Promise<TrainedModel> => {
    const name = modalityName(selection);
    const known = models.get(name);
    if (known !== undefined) return known;
    // runDistillation's contract: a pretrained student comes from `rng.derive('student')` of its call.
    const model = await train(options.model, dataset, { modality: modalityList(selection), train: trainOptions, rng: modelRng(selection).derive('student'), reporter, label: name });
    models.set(name, model);
    validation[name] = validationScore(model, dataset);
    return model;
  };

  const rows: DistillationRow[] = [];
  const information: LabelInformation[] = [];
  const adjustments: string[] = [];
  // A model's projection depends on that model alone: fitted once, however many pairs it is in.
  const projections = new Map<string, ProjectedSide>();
  const estimatorDetails: Record<string, unknown> = {};
  try {
    const pairs = [...options.pairs];
    for (const p of pairs) {
      await modelOf(p.teacher);
      await modelOf(p.student);
    }
    pairs.push(...(options.morePairs?.(validation) ?? []));
    for (const selection of options.labelInformation ?? []) {
      const measured = await measureLabelInformation(await modelOf(selection), dataset, options, projections, rng.derive('label-information'));
      for (const m of measured) if (m.k_capped !== undefined) adjustments.push(`I(H_${m.modality};Y) (${m.estimator}): ${kCappedText(m.k_capped)}`);
      information.push(...measured);
    }
    const settings = kdSettings(options.kd);
    for (const pair of pairs) {
      const pairName = `${modalityName(pair.teacher)}→${modalityName(pair.student)}`;
      const teacher = await modelOf(pair.teacher);
      const student = await modelOf(pair.student);
      const result = await runDistillation({
        dataset,
        teacherModality: pair.teacher,
        studentModality: pair.student,
        model: options.model,
        kd: settings,
        train: trainOptions,
        rng: modelRng(pair.student),
        reporter,
        pretrained: { teacher, student },
      });
      const reps = result.representations;
      const projected = projectRepresentations(options.estimators.projection, { teacher, student }, dataset, { teacher: reps.teacher, student: reps.student }, projections);
      const margins = await measureMargins({ teacher: reps.teacher, student: reps.student }, projected, reps.labels, pairName, options, rng.derive('cch').derive(pairName));
      for (const m of margins.estimates) {
        if (m.effective_k !== options.estimators.k) adjustments.push(`k lowered to ${m.effective_k} for ${reps.rows.length} representation rows`);
        if (!Number.isFinite(m.margin)) adjustments.push(`${pairName}: the ${m.estimator} margin could not be estimated on ${reps.rows.length} rows (see estimators)`);
      }
      for (const [estimator, detail] of Object.entries(margins.details)) {
        const capped = (detail as { studentLabel?: { kCapped?: Record<string, { size: number; k: number }> } }).studentLabel?.kCapped;
        if (capped !== undefined) adjustments.push(`${pairName}: I(H_s;Y) (${estimator}): ${kCappedText(capped)}`);
      }
      estimatorDetails[pairName] = projected === null ? margins.details : { ...margins.details, projection: projected.meta };
      const teacherLogits = teacher.outputs(teacher.inputs(dataset, reps.rows));
      const noKd = modelMetrics(result.student.metrics);
      for (const [i, kd] of result.kdStudents.entries()) {
        const withKd = modelMetrics(kd.metrics);
        rows.push({
          context: { ...options.context },
          teacher: modalityName(pair.teacher),
          student: modalityName(pair.student),
          lambda: settings[i].lambda,
          temperature: settings[i].temperature,
          form: settings[i].form,
          task: dataset.task,
          source: dataset.source,
          n_train: dataset.splits.train.length,
          n_estimation: reps.rows.length,
          teacher_metrics: modelMetrics(result.teacher.metrics),
          teacher_validation: validation[modalityName(pair.teacher)],
          no_kd: noKd,
          kd: withKd,
          kd_gain: dataset.task === 'classification' ? (withKd.accuracy ?? Number.NaN) - (noKd.accuracy ?? Number.NaN) : (noKd.mse ?? Number.NaN) - (withKd.mse ?? Number.NaN),
          primary: margins.estimates[0],
          margins: margins.estimates,
          plugin_gain: pluginGain(reps.student, reps.labels, teacherLogits, settings[i], dataset.splits.train.length),
        });
      }
    }
  } finally {
    for (const m of models.values()) m.dispose();
  }
  for (const note of new Set(adjustments)) reporter.warn(`${dataset.name}: ${note}`);
  return {
    rows,
    labelInformation: information,
    validation,
    meta: {
      source: dataset.source,
      dataset: dataset.name,
      validation,
      estimators: estimatorDetails,
      ...(adjustments.length > 0 ? { adjustments: [...new Set(adjustments)] } : {}),
    },
  };
}

/** 'k capped per class: class 3 (4 rows) k = 3', for the adjustments a run lists. */
function kCappedText(capped: Record<string, { size: number; k: number }>): string {
  return `k capped per class: ${Object.entries(capped).map(([label, c]) => `class ${label} (${c.size} rows) k = ${c.k}`).join(', ')}`;
}

/** The k for n representation rows: subsamples hold ⌊n/2⌋ rows and a k-NN estimate needs more than k + 1. */
export function effectiveK(k: number, rows: number): number {
  return Math.max(1, Math.min(k, Math.floor(rows / 2) - 2));
}

interface RepresentationPair {
  teacher: Matrix;
  student: Matrix;
}

interface ProjectedSide {
  projected: Matrix;
  dims: number;
  explained: number;
}

/**
 * Each side projected by PCA fitted on the training rows' representations (never the rows the MI
 * is measured on), or null when no projection is configured. `known` keeps each model's side.
 */
function projectRepresentations(
  projection: EstimatorsSection['projection'],
  models: { teacher: TrainedModel; student: TrainedModel },
  dataset: PairedDataset,
  reps: RepresentationPair,
  known: Map<string, ProjectedSide>,
): (RepresentationPair & { meta: Record<string, unknown> }) | null {
  if (projection.method === 'none') return null;
  const rows = dataset.splits.train;
  const t = projectedSide(projection, models.teacher, dataset, reps.teacher, known);
  const s = projectedSide(projection, models.student, dataset, reps.student, known);
  return {
    teacher: t.projected,
    student: s.projected,
    meta: { method: 'pca', fitRows: rows.length, teacher: { dims: t.dims, explained: t.explained }, student: { dims: s.dims, explained: s.explained } },
  };
}

/** One model's held-out representation projected by PCA fitted on its training rows' representation; cached per model. */
function projectedSide(projection: { dims: number }, model: TrainedModel, dataset: PairedDataset, representation: Matrix, known: Map<string, ProjectedSide>): ProjectedSide {
  const name = modalityName(model.modality);
  const cached = known.get(name);
  if (cached !== undefined) return cached;
  const fitted = fitPca(model.representation(model.inputs(dataset, dataset.splits.train)), Math.min(projection.dims, representation.cols));
  const result = { projected: projectPca(fitted, representation), explained: fitted.explained, dims: fitted.components.cols };
  known.set(name, result);
  return result;
}

/** I(H; Y) of one model on the test rows, by each configured family's label-side estimator. */
async function measureLabelInformation(
  model: TrainedModel,
  dataset: PairedDataset,
  options: DistillationCellOptions,
  known: Map<string, ProjectedSide>,
  rng: Rng,
): Promise<LabelInformation[]> {
  const rows = dataset.splits.test;
  const name = modalityName(model.modality);
  const full = model.representation(model.inputs(dataset, rows));
  const labels = dataset.labels instanceof Int32Array ? Int32Array.from(rows, (i) => dataset.labels[i]) : new Matrix(Float64Array.from(rows, (i) => dataset.labels[i]), rows.length, 1);
  const k = effectiveK(options.estimators.k, rows.length);
  const out: LabelInformation[] = [];
  for (const e of marginEstimators(options.estimators, dataset.task)) {
    const x = options.estimators.projection.method !== 'none' && KNN_FAMILIES.has(e.teacherStudent) ? projectedSide(options.estimators.projection, model, dataset, full, known).projected : full;
    try {
      // Dead units are constant columns; dropped, as the criterion does.
      // A class smaller than k gets k capped to its size: recorded (kCapped), as effective_k is.
      const r = await estimateMi(e.studentLabel, x, labels, { dropConstantColumns: true, kPerClass: 'cap', k, subsamples: options.estimators.subsamples, level: options.decision.level, rng: rng.derive(name).derive(e.name) });
      const capped = (r.details as { kCapped?: Record<string, { size: number; k: number }> } | undefined)?.kCapped;
      out.push({ modality: name, estimator: e.name, nats: r.nats, low: r.interval?.low ?? Number.NaN, high: r.interval?.high ?? Number.NaN, n: r.n, effective_k: k, ...(capped !== undefined ? { k_capped: capped } : {}) });
    } catch (error) {
      // As for margins: too few rows for this estimator is recorded as no number, never invented.
      if (!(error instanceof InvalidInputError)) throw error;
      out.push({ modality: name, estimator: e.name, nats: Number.NaN, low: Number.NaN, high: Number.NaN, n: rows.length, effective_k: k });
    }
  }
  return out;
}

async function measureMargins(
  full: RepresentationPair,
  projected: RepresentationPair | null,
  labels: Int32Array | Float32Array,
  pairName: string,
  options: DistillationCellOptions,
  rng: Rng,
): Promise<{ estimates: MarginEstimate[]; details: Record<string, unknown> }> {
  const task = labels instanceof Int32Array ? 'classification' : 'regression';
  const k = effectiveK(options.estimators.k, full.student.rows);
  const estimates: MarginEstimate[] = [];
  const details: Record<string, unknown> = {};
  for (const e of marginEstimators(options.estimators, task)) {
    const { teacher, student } = projected !== null && KNN_FAMILIES.has(e.teacherStudent) ? projected : full;
    let r: Awaited<ReturnType<typeof cchCriterion>>;
    try {
      r = await cchCriterion({
        teachers: [{ name: pairName, representation: teacher }],
        student,
        labels,
        estimator: e.teacherStudent,
        labelEstimator: e.studentLabel,
        k,
        kPerClass: 'cap',
        subsamples: options.estimators.subsamples,
        level: options.decision.level,
        rng: rng.derive(e.name),
      });
    } catch (error) {
      // Too few rows for this estimator (e.g. a class with one row in a subsample of a small cohort):
      // no margin and no verdict, recorded — never an invented number.
      if (!(error instanceof InvalidInputError)) throw error;
      estimates.push({ ...e, estimator: e.name, i_teacher_student: Number.NaN, i_student_label: Number.NaN, margin: Number.NaN, low: Number.NaN, high: Number.NaN, verdict: 'inconclusive', effective_k: k });
      details[e.name] = { unestimable: error.message, k, n: student.rows };
      continue;
    }
    const t = r.teachers[0];
    estimates.push({
      estimator: e.name,
      teacherStudent: e.teacherStudent,
      studentLabel: e.studentLabel,
      i_teacher_student: t.i_teacher_student,
      i_student_label: t.i_student_label,
      margin: t.margin,
      low: t.interval.low,
      high: t.interval.high,
      verdict: t.verdict,
      effective_k: k,
    });
    // The criterion's caution and interval notes are the same for every pair; the report states them once.
    const { studentLabel, teacherStudent } = r.details as { studentLabel: unknown; teacherStudent: Record<string, unknown> };
    details[e.name] = { ...r.estimators, k, subsamples: r.subsamples.reps, n: r.n, studentLabel, teacherStudent: teacherStudent[pairName] };
  }
  return { estimates, details };
}

/**
 * The linear-probe plug-in: theory's linear-Gaussian gain for a linear head on H_s fitted to the
 * labels (one-hot for classes) blended with the teacher's outputs (softmax(logits/T) for classes).
 * The Hinton form's (1 − λ)·y + λ·t blend is the theorem form's with λ' = λ/(1 − λ). It is a
 * documented extension for classification (REFERENCE.md: the theory is for regression); null when
 * the fit is impossible on these rows (too few for H_s's width, a singular covariance).
 */
function pluginGain(student: Matrix, labels: Int32Array | Float32Array, teacherOutputs: Matrix, kd: { lambda: number; temperature: number; form: string }, nTrain: number): number | null {
  const lambda = kd.form === 'hinton' ? (kd.lambda >= 1 ? Number.POSITIVE_INFINITY : kd.lambda / (1 - kd.lambda)) : kd.lambda;
  try {
    const target = labels instanceof Int32Array ? oneHot(labels).matrix : new Matrix(Float64Array.from(labels), labels.length, 1);
    const teacher = labels instanceof Int32Array ? softmaxRows(teacherOutputs, kd.temperature) : teacherOutputs;
    if (labels instanceof Int32Array && teacher.cols !== target.cols) return null; // a class absent from these rows
    const g = plugInGain({ student, labels: target, teacher: { predictions: teacher }, lambda, n: nTrain, p: student.cols, intercept: true, ridge: 1e-6 });
    return Number.isFinite(g.gain) ? g.gain : null;
  } catch (error) {
    // theory says why a fit is impossible with an InvalidInputError; anything else is a bug.
    if (error instanceof InvalidInputError) return null;
    throw error;
  }
}

/** softmax(logits / T) row by row, in float64. */
export function softmaxRows(logits: Matrix, temperature: number): Matrix<Float64Array> {
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
