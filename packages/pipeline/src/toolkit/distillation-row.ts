/**
 * The one typed row every distillation experiment produces: one (teacher → student, λ, T) of one
 * draw, with the three models' held-out metrics, the observed KD gain, both sides of the CCH
 * margin per estimator (each with its interval and verdict), and the plug-in prediction.
 * `flattenDistillationRow` is the one place its CSV / table column names are made.
 */
import type { DataSource, Task } from '@cch-lab/data';
import type { CriterionVerdict, EstimatorName } from '@cch-lab/estimators';
import type { KdForm, Metrics } from '@cch-lab/trainers';
import type { Row, Scalar } from '../types.js';

/** Held-out metrics of one model; null where the task has no such metric. */
export interface ModelMetrics {
  accuracy: number | null;
  weighted_f1: number | null;
  /** Macro one-vs-rest AUC. */
  auc: number | null;
  mse: number | null;
  mae: number | null;
  /** Pearson's r of predictions and targets (regression). */
  pearson_r: number | null;
}

/** One margin I(H_t;H_s) − I(H_s;Y), from one pair of estimators. */
export interface MarginEstimate {
  /** The family, or `<ts>+<sl>` for an explicit mixed pair. */
  estimator: string;
  teacherStudent: EstimatorName;
  studentLabel: EstimatorName;
  i_teacher_student: number;
  i_student_label: number;
  margin: number;
  /** Paired-subsample interval of the margin at the decision level. */
  low: number;
  high: number;
  verdict: CriterionVerdict;
  /** The k used (lowered from the configured k when the representation rows are few). */
  effective_k: number;
}

export interface DistillationRow {
  /** The experiment's own keys for this row (cohort, repeat, level, …). */
  context: Record<string, Scalar>;
  teacher: string;
  student: string;
  lambda: number;
  temperature: number;
  form: KdForm;
  task: Task;
  source: DataSource;
  /** Training rows of the students, and rows the representations (and MI) come from. */
  n_train: number;
  n_estimation: number;
  teacher_metrics: ModelMetrics;
  /** The teacher's score on the validation rows (accuracy, or −MSE): what a practitioner can rank teachers by without test rows. */
  teacher_validation: number;
  no_kd: ModelMetrics;
  kd: ModelMetrics;
  /** KD − no-KD accuracy (classification) or no-KD − KD MSE (regression): > 0 means KD helped. */
  kd_gain: number;
  /** The first estimator's margin: the row's CCH reading. */
  primary: MarginEstimate;
  /** Every configured estimator's margin, primary first. */
  margins: MarginEstimate[];
  /** Linear-probe plug-in predicted gain (theory's plugInGain on H_s); null when it does not apply. */
  plugin_gain: number | null;
}

export function modelMetrics(metrics: Metrics | null): ModelMetrics {
  const none = { accuracy: null, weighted_f1: null, auc: null, mse: null, mae: null, pearson_r: null };
  if (metrics === null) return none;
  if (metrics.task === 'classification') return { ...none, accuracy: metrics.accuracy, weighted_f1: metrics.weightedF1, auc: metrics.macroAuc };
  return { ...none, mse: metrics.mse, mae: metrics.mae, pearson_r: metrics.pearsonR };
}

/** The observed sign of one row's gain (a single draw: no interval; exact ties are inconclusive). */
export function rowObserved(gain: number): CriterionVerdict {
  return gain > 0 ? 'kd-helps' : gain < 0 ? 'kd-hurts' : 'inconclusive';
}

const METRIC_KEYS = ['accuracy', 'weighted_f1', 'auc', 'mse', 'mae', 'pearson_r'] as const;

/** The flat form of a row for results.csv and tables; metric columns of the other task are left out. */
export function flattenDistillationRow(row: DistillationRow): Row {
  const out: Row = { ...row.context, teacher: row.teacher, student: row.student, lambda: row.lambda, temperature: row.temperature, form: row.form };
  const keys = METRIC_KEYS.filter((k) => row.no_kd[k] !== null || row.kd[k] !== null);
  for (const k of keys) out[`teacher_${k}`] = row.teacher_metrics[k];
  for (const k of keys) {
    out[`no_kd_${k}`] = row.no_kd[k];
    out[`kd_${k}`] = row.kd[k];
  }
  Object.assign(out, {
    kd_gain: row.kd_gain,
    observed: rowObserved(row.kd_gain),
    i_teacher_student: row.primary.i_teacher_student,
    i_student_label: row.primary.i_student_label,
    margin: row.primary.margin,
    margin_low: row.primary.low,
    margin_high: row.primary.high,
    verdict: row.primary.verdict,
    estimator: row.primary.estimator,
    effective_k: row.primary.effective_k,
  });
  for (const m of row.margins.slice(1)) {
    out[`margin_${m.estimator}`] = m.margin;
    out[`verdict_${m.estimator}`] = m.verdict;
  }
  out.plugin_gain = row.plugin_gain;
  out.source = row.source;
  out.n_train = row.n_train;
  out.n_estimation = row.n_estimation;
  return out;
}
