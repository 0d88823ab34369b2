/**
 * The config of the `mfh-gauss` experiment (configs/mfh-gauss.yaml): the synthetic benchmark of the
 * Modality Focusing Hypothesis (Xue et al., ICLR 2023; REFERENCE.md §1) — a γ sweep and an α sweep,
 * linear teacher and students, full-batch SGD — with the CCH margin measured on the models'
 * representations beside the MFH's own γ rule. Every default is the paper's size except where the
 * YAML's profiles say otherwise.
 */
import type { ConfigIssue } from '@cch-lab/core';
import { MFH_PAPER_LEVELS } from '@cch-lab/data-synthetic';
import type { MfhSweep } from '@cch-lab/data-synthetic';
import { z } from 'zod';
import { baseConfigShape } from '../../config/base-schema.js';
import type { BaseConfig } from '../../types.js';

/** Estimators of I(H_t; H_s) (continuous) and of I(H_s; Y) (class labels). */
export const TEACHER_STUDENT_ESTIMATORS = ['ksg', 'ksg2', 'gaussian'] as const;
export const STUDENT_LABEL_ESTIMATORS = ['mixed', 'gaussian'] as const;

export interface MfhGaussConfig extends BaseConfig {
  sweeps: Record<MfhSweep, number[]>;
  data: { nTrain: number; nTest: number; noiseScale: number };
  model: { bias: boolean };
  train: { epochs: number; learningRate: number };
  kd: { lambda: number; temperature: number };
  estimators: {
    teacherStudent: (typeof TEACHER_STUDENT_ESTIMATORS)[number];
    studentLabel: (typeof STUDENT_LABEL_ESTIMATORS)[number];
    k: number;
    subsamples: number;
  };
  mfh: { breakEvenGamma: number };
  decision: { level: number };
}

const int = (min: number) => z.number().int().min(min);

export const mfhGaussSchema = z.strictObject({
  ...baseConfigShape,
  repeats: int(2).default(10).describe('seeds per setting (the MFH paper: 10); ≥ 2 for the interval of the KD effect'),
  sweeps: z
    .strictObject({
      gamma: z.array(int(0).max(10)).default([...MFH_PAPER_LEVELS.gamma]).describe('sweep 1: decisive dims shared by x1 and x2 (0..10)'),
      alpha: z.array(int(0).max(40)).default([...MFH_PAPER_LEVELS.alpha]).describe('sweep 2: decisive dims only x1 holds (0..40)'),
    })
    .prefault({}),
  data: z
    .strictObject({
      nTrain: int(10).default(200).describe('training rows (the MFH paper: 200)'),
      nTest: int(50).default(1000).describe('test rows (the MFH paper: 1000); also the rows the representations come from'),
      noiseScale: z.number().min(0).default(1).describe('sd of the noise coordinates'),
    })
    .prefault({}),
  model: z.strictObject({ bias: z.boolean().default(true).describe('linear models with an intercept (torch nn.Linear)') }).prefault({}),
  train: z
    .strictObject({
      epochs: int(1).default(1000).describe('full-batch SGD steps (the MFH paper: 1000)'),
      learningRate: z.number().gt(0).default(0.1).describe('SGD step size (the MFH paper: 0.1)'),
    })
    .prefault({}),
  kd: z
    .strictObject({
      lambda: z.number().min(0).default(0.5).describe('weight of T²·KL per row in CE + λ·KD (0.5 reproduces torch KLDivLoss(reduction=mean) over 2 classes)'),
      temperature: z.number().gt(0).default(1).describe('softmax temperature T'),
    })
    .prefault({}),
  estimators: z
    .strictObject({
      teacherStudent: z.enum(TEACHER_STUDENT_ESTIMATORS).default('ksg').describe('estimator of I(H_t; H_s)'),
      studentLabel: z.enum(STUDENT_LABEL_ESTIMATORS).default('mixed').describe('estimator of I(H_s; Y) with class labels'),
      k: int(1).default(3).describe('neighbours for the k-NN estimators'),
      subsamples: int(2).default(20).describe('paired subsamples for the margin interval of each seed'),
    })
    .prefault({}),
  mfh: z
    .strictObject({ breakEvenGamma: z.number().min(0).max(1).default(0.25).describe('the MFH rule: KD helps when γ exceeds this') })
    .prefault({}),
  decision: z
    .strictObject({ level: z.number().gt(0).lt(1).default(0.95).describe('coverage of the interval that decides the observed sign') })
    .prefault({}),
});

export function mfhGaussRules(config: MfhGaussConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (config.sweeps.gamma.length + config.sweeps.alpha.length === 0) {
    issues.push({ path: 'sweeps', message: 'both sweeps are empty; give at least one level' });
  }
  for (const sweep of ['gamma', 'alpha'] as const) {
    if (new Set(config.sweeps[sweep]).size !== config.sweeps[sweep].length) {
      issues.push({ path: `sweeps.${sweep}`, message: 'lists a level twice; each level is one setting' });
    }
  }
  if (config.data.nTest <= config.estimators.k + 1) {
    issues.push({ path: 'data.nTest', message: `must exceed k + 1 = ${config.estimators.k + 1} for the k-NN estimators` });
  }
  return issues;
}
