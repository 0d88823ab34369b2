/**
 * The Cross-modal Complementarity Hypothesis as a decision rule (arXiv 2510.13182): distilling
 * teacher representation H_t into student H_s helps when I(H_t; H_s) > I(H_s; Y). For each
 * teacher this estimates both sides, their margin, an interval for the margin from paired
 * subsamples, and a verdict; teachers are ranked by margin.
 *
 * Caution on absolute values: the two sides come from different estimators (a continuous one for
 * I(H_t;H_s), the mixed one for I(H_s;Y)) and are biased differently — KSG under-estimates strong
 * dependence in high dimension, the mixed estimator is bounded by ln(#classes). REFERENCE.md
 * notes that estimators agree on the ranking of teachers, not on absolute values; read the margin's
 * sign with that in mind, and the ranking with more confidence than the sign.
 */
import { InvalidInputError, Matrix, checkInteger, checkNumber, type Reporter, type Rng } from '@cch-lab/core';
import { subsampleIndices, subsampleSize, summarizeSubsamples } from './intervals/subsample-interval.js';
import { estimateMi, parseEstimatorName } from './registry.js';
import type { Estimate, EstimateMiOptions, EstimatorName, KPerClassPolicy } from './types.js';
import { checkClassSizes } from './validate.js';

export const CRITERION_VERDICTS = ['kd-helps', 'kd-hurts', 'inconclusive'] as const;
export type CriterionVerdict = (typeof CRITERION_VERDICTS)[number];

export interface CriterionTeacher {
  /** Shown in the result (e.g. the file name or modality). */
  name: string;
  /** n × d_t teacher representation, rows aligned with the student's. */
  representation: Matrix;
}

export interface CchCriterionOptions {
  teachers: CriterionTeacher[];
  /** n × d_s student representation. */
  student: Matrix;
  /** n class labels (Int32Array), or n continuous targets (Float32Array / Float64Array, or an n × d Matrix). */
  labels: Int32Array | Float32Array | Float64Array | Matrix;
  /** Estimator of I(H_t; H_s). Default 'ksg'. */
  estimator?: EstimatorName;
  /** Estimator of I(H_s; Y) on the labels. Default 'mixed' for class labels, else the same as `estimator`. */
  labelEstimator?: EstimatorName;
  /** Neighbours for the k-NN estimators. Default 3. */
  k?: number;
  /**
   * Class labels with a k-NN label estimator: a class of k or fewer samples (in the full data or
   * in a subsample) is refused ('refuse') or gets k = class size − 1 ('cap', recorded in the
   * label estimate's details.kCapped). Default 'refuse'; overrides estimateOptions.kPerClass.
   */
  kPerClass?: KPerClassPolicy;
  /** Source of jitter and subsamples. */
  rng: Rng;
  /** Paired subsamples for the margin's interval. Default 20. */
  subsamples?: number;
  /** Subsample size as a fraction of n. Default 0.5. */
  subsampleFraction?: number;
  /** Interval coverage. Default 0.95. */
  level?: number;
  /** Further estimator options (engine, standardize, neural…). dropConstantColumns defaults to true here: dead units are common in real representations. */
  estimateOptions?: EstimateMiOptions;
  /** Progress. */
  reporter?: Reporter;
}

export interface CriterionRow {
  teacher: string;
  /** I(H_t; H_s), nats. */
  i_teacher_student: number;
  /** I(H_s; Y), nats (the same for every teacher). */
  i_student_label: number;
  /** i_teacher_student − i_student_label, nats. */
  margin: number;
  /** Interval for the margin from paired subsamples, nats. */
  interval: { low: number; high: number; level: number };
  /** 'inconclusive' when the interval contains 0. */
  verdict: CriterionVerdict;
}

export interface CriterionResult {
  /** Teachers ranked by margin, largest first. */
  teachers: CriterionRow[];
  units: 'nats';
  n: number;
  estimators: { teacherStudent: EstimatorName; studentLabel: EstimatorName };
  subsamples: { reps: number; size: number; method: 'paired subsamples without replacement' };
  details: Record<string, unknown>;
}

const CRITERION_DEFAULTS = Object.freeze({ estimator: 'ksg' as EstimatorName, k: 3, subsamples: 20, subsampleFraction: 0.5, level: 0.95 });

/**
 * Evaluates the CCH for every teacher. The margin's interval comes from paired subsamples: the
 * same rows feed both terms (and every teacher), so their sampling errors partly cancel.
 * @throws InvalidInputError for no teachers, duplicate names, misaligned rows or bad labels.
 */
export async function cchCriterion(options: CchCriterionOptions): Promise<CriterionResult> {
  const o = { ...CRITERION_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as Required<CchCriterionOptions>;
  const where = { where: 'cchCriterion' };
  if (o.teachers.length === 0) {
    throw new InvalidInputError('cchCriterion: pass at least one teacher', { details: { field: 'teachers', received: '0 teachers' } });
  }
  const names = new Set(o.teachers.map((t) => t.name));
  if (names.size !== o.teachers.length) {
    throw new InvalidInputError('cchCriterion: teacher names must be distinct', { details: { field: 'teachers', received: o.teachers.map((t) => t.name).join(', ') } });
  }
  const estimator = parseEstimatorName(o.estimator);
  const labels: Int32Array | Matrix = labelTarget(o.labels);
  const labelEstimator = parseEstimatorName(o.labelEstimator ?? (labels instanceof Int32Array ? 'mixed' : estimator));
  checkInteger(o.subsamples, 'subsamples', { min: 2, max: 10_000 }, where);
  checkNumber(o.subsampleFraction, 'subsampleFraction', { min: 0.05, max: 0.95 }, where);
  const kPerClass = options.kPerClass ?? o.estimateOptions?.kPerClass ?? 'refuse';
  const base: EstimateMiOptions = { dropConstantColumns: true, ...o.estimateOptions, k: o.k, kPerClass, reporter: undefined, shuffles: 0, subsamples: 0 };
  const n = o.student.rows;
  const m = subsampleSize(n, o.subsampleFraction);
  if (labels instanceof Int32Array && kPerClass === 'refuse' && (['ksg', 'ksg2', 'mixed'] as EstimatorName[]).includes(labelEstimator) && labels.length === n) {
    // Before any estimate: a random half of a small class may be too small for k while the whole class is not.
    checkClassSizes(labels, o.k, { reps: o.subsamples, size: m, rng: o.rng }, 'cchCriterion');
  }
  const run = (name: EstimatorName, x: Matrix, y: Matrix | Int32Array, rng: Rng) => estimateMi(name, x, y, { ...base, rng });

  const studentLabel = await run(labelEstimator, o.student, labels, o.rng.derive('student-label'));
  const full: Estimate[] = [];
  for (const t of o.teachers) full.push(await run(estimator, t.representation, o.student, o.rng.derive('teacher').derive(t.name)));

  const margins = o.teachers.map(() => new Float64Array(o.subsamples));
  for (let r = 0; r < o.subsamples; r++) {
    const rows = subsampleIndices(n, m, r, o.rng);
    const student = o.student.selectRows(rows);
    const rrng = o.rng.derive('subsample-estimate').derive(r);
    const sy = await run(labelEstimator, student, labels instanceof Int32Array ? Int32Array.from(rows, (i) => labels[i]) : labels.selectRows(rows), rrng.derive('student-label'));
    for (const [t, teacher] of o.teachers.entries()) {
      const ts = await run(estimator, teacher.representation.selectRows(rows), student, rrng.derive('teacher').derive(teacher.name));
      margins[t][r] = ts.nats - sy.nats;
    }
    o.reporter?.progress('criterion subsamples', r + 1, o.subsamples);
  }

  const rows: CriterionRow[] = o.teachers.map((t, i) => {
    const margin = full[i].nats - studentLabel.nats;
    const iv = summarizeSubsamples(margin, margins[i], n, m, o.level);
    const verdict: CriterionVerdict = iv.low <= 0 && iv.high >= 0 ? 'inconclusive' : margin > 0 ? 'kd-helps' : 'kd-hurts';
    return {
      teacher: t.name,
      i_teacher_student: full[i].nats,
      i_student_label: studentLabel.nats,
      margin,
      interval: { low: iv.low, high: iv.high, level: iv.level },
      verdict,
    };
  });
  rows.sort((a, b) => b.margin - a.margin);
  return {
    teachers: rows,
    units: 'nats',
    n,
    estimators: { teacherStudent: estimator, studentLabel: studentLabel.method },
    subsamples: { reps: o.subsamples, size: m, method: 'paired subsamples without replacement' },
    details: {
      caution:
        'the two sides come from different estimators and are biased differently; estimators agree on the ranking of teachers, not on absolute values (REFERENCE.md §2)',
      interval: 'spread of paired-subsample margins, rescaled by √(m/(n−m)), around the full-sample margin; sampling variability only, not estimator bias',
      studentLabel: { method: studentLabel.method, details: studentLabel.details },
      teacherStudent: Object.fromEntries(o.teachers.map((t, i) => [t.name, { method: full[i].method, dims: full[i].dims, details: full[i].details }])),
    },
  };
}

/** Class labels stay labels; continuous targets become an n × 1 (or n × d) matrix for the continuous estimators. */
function labelTarget(labels: CchCriterionOptions['labels']): Int32Array | Matrix {
  if (labels instanceof Int32Array || labels instanceof Matrix) return labels;
  return new Matrix(Float64Array.from(labels), labels.length, 1);
}
