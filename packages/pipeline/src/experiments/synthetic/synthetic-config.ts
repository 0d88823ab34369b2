/**
 * The config of the `synthetic` experiment (configs/synthetic.yaml): the paper's joint Gaussian
 * model swept over CCH margin levels × λ × training size n, with repeats. Every default below is
 * the `quick` size; the YAML's profiles set smoke and paper sizes. The students are fitted in
 * closed form and the model is the Gaussian one's, so of the toolkit's sections only `decision`
 * applies; `kd` and `estimators` keep their own keys (no temperature or loss form; estimators by
 * method with the neural ones on the first repeats only).
 */
import type { ConfigIssue } from '@cch-lab/core';
import { gaussianKdModel } from '@cch-lab/data-synthetic';
import { z } from 'zod';
import { baseConfigShape, numberList } from '../../config/base-schema.js';
import { decisionSection } from '../../toolkit/sections/decision-section.js';

/** Estimators of the CCH margin on the representations; the neural ones are slow and optional. */
export const MARGIN_METHODS = ['ksg', 'ksg2', 'gaussian', 'mine', 'lmi'] as const;
export type MarginMethod = (typeof MARGIN_METHODS)[number];
/** Estimators that train a network: run only on the first `estimators.neuralRepeats` repeats. */
export const NEURAL_ESTIMATORS: readonly MarginMethod[] = Object.freeze(['mine', 'lmi']);

/** population: w1 = Σ11⁻¹Σ13 (Theorem 1's teacher); trained: OLS of y on x1 from independent rows. */
export const TEACHER_KINDS = ['population', 'trained'] as const;
export type TeacherKind = (typeof TEACHER_KINDS)[number];

/** closed-form: the exact minimiser of the KD objective, ŵ(λ) = (ŵ_y + λŵ_t)/(1+λ). */
export const STUDENT_FITS = ['closed-form'] as const;
export type StudentFit = (typeof STUDENT_FITS)[number];

/** What the plug-in criterion takes as H2: the no-KD student's predictions, or its raw features x2. */
export const PLUGIN_REPRESENTATIONS = ['prediction', 'features'] as const;
export type PluginRepresentation = (typeof PLUGIN_REPRESENTATIONS)[number];

const int = (min: number) => z.number().int().min(min);

export const syntheticSchema = z.strictObject({
  ...baseConfigShape,
  repeats: int(2).default(10).describe('Independent draws per setting (≥ 2: the observed sign needs an interval)'),
  model: z
    .strictObject({
      teacherDims: int(1).default(100).describe('p1, dimension of the teacher modality x1'),
      studentDims: int(2).default(100).describe('p, dimension of the student modality x2'),
      studentLabelMi: z.number().gt(0).default(0.5 * Math.LN2).describe("I(w*'x2; y) in nats, fixed across the sweep (default ½ ln 2: ρ² = 0.5)"),
      privileged: z.number().min(-1).max(1).default(0.3).describe('c_ε: how much of the label noise the student cannot see the teacher knows'),
      offTarget: z.number().min(-1).max(1).default(0).describe('c_r: teacher alignment with a student direction unrelated to y'),
    })
    .prefault({}),
  margins: numberList(-5, 5).default([-0.3, -0.2, -0.1, 0.1, 0.2, 0.3]).describe('CCH margin levels in nats (analytic)'),
  kd: z.strictObject({ lambda: numberList(0, 1e6).default([0.2, 0.3, 0.5, 0.7, 0.8]).describe('KD weights λ') }).prefault({}),
  data: z
    .strictObject({
      n: z.array(int(3)).min(1).default([150, 300, 1000, 10000]).describe('training sizes (the n/p sweep)'),
      nTest: int(100).default(10000).describe('fresh test rows per draw for the observed MSE'),
      nEstimation: int(20).default(2000).describe('held-out rows per draw for the estimated margins and the plug-in'),
    })
    .prefault({}),
  teacher: z
    .strictObject({
      kind: z.enum(TEACHER_KINDS).default('population').describe('population fit w1, or OLS on independent rows'),
      n: int(3).default(10000).describe('training rows of a trained teacher (independent of the student)'),
    })
    .prefault({}),
  student: z.strictObject({ fit: z.enum(STUDENT_FITS).default('closed-form').describe('how the students are fitted') }).prefault({}),
  estimators: z
    .strictObject({
      methods: z.array(z.enum(MARGIN_METHODS)).min(1).default(['ksg', 'gaussian']).describe('MI estimators for the estimated margin'),
      k: int(1).default(3).describe('neighbours for the k-NN estimators'),
      neuralRepeats: int(0).default(3).describe('repeats on which MINE / LMI run (they are slow)'),
    })
    .prefault({}),
  plugin: z
    .strictObject({
      representation: z.enum(PLUGIN_REPRESENTATIONS).default('prediction').describe('H2 for the plug-in: student predictions or raw x2'),
      biasCorrection: z.boolean().default(true).describe("the plug-in's finite-sample bias correction"),
    })
    .prefault({}),
  decision: decisionSection,
});
export type SyntheticConfig = z.output<typeof syntheticSchema>;

/** Cross-field checks: sizes the exact risk needs, feasible margins, no duplicate sweep values. */
export function syntheticRules(config: SyntheticConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const p = config.model.studentDims;
  config.data.n.forEach((n, i) => {
    if (n < p + 2) issues.push({ path: `data.n.${i}`, message: `n = ${n} must exceed p + 1 = ${p + 1} (the OLS risk is infinite below)` });
  });
  for (const [path, values] of [
    ['data.n', config.data.n],
    ['margins', config.margins],
    ['kd.lambda', config.kd.lambda],
    ['estimators.methods', config.estimators.methods],
  ] as const) {
    const seen = new Set<string>();
    for (const v of values) {
      if (seen.has(String(v))) issues.push({ path, message: `lists ${String(v)} twice; each value is one setting` });
      seen.add(String(v));
    }
  }
  config.margins.forEach((margin, i) => {
    try {
      gaussianKdModel(modelOptions(config, margin));
    } catch (error) {
      issues.push({ path: `margins.${i}`, message: `margin ${margin} is not realisable: ${(error as Error).message}` });
    }
  });
  if (config.plugin.representation === 'features' && config.data.nEstimation < p + 3) {
    issues.push({ path: 'data.nEstimation', message: `the plug-in on raw features needs at least p + 3 = ${p + 3} rows` });
  }
  if (config.data.nEstimation <= config.estimators.k + 1) {
    issues.push({ path: 'data.nEstimation', message: `must exceed k + 1 = ${config.estimators.k + 1} for the k-NN estimators` });
  }
  if (config.teacher.kind === 'trained' && config.teacher.n < config.model.teacherDims + 2) {
    issues.push({ path: 'teacher.n', message: `a trained teacher needs more than p1 + 1 = ${config.model.teacherDims + 1} rows` });
  }
  return issues;
}

/** The data-synthetic options of one margin level (axis directions: the model is the same in every cell). */
export function modelOptions(config: Pick<SyntheticConfig, 'model'>, margin: number) {
  return {
    teacherDims: config.model.teacherDims,
    studentDims: config.model.studentDims,
    studentLabelMi: config.model.studentLabelMi,
    margin,
    privileged: config.model.privileged,
    offTarget: config.model.offTarget,
  };
}
