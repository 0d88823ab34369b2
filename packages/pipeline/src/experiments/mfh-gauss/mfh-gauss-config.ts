/**
 * The config of the `mfh-gauss` experiment (configs/mfh-gauss.yaml): the synthetic benchmark of the
 * Modality Focusing Hypothesis (Xue et al., ICLR 2023; REFERENCE.md §1) — a γ sweep and an α sweep —
 * composed from the toolkit's sections. The sections keep their keys; only their defaults become
 * the MFH paper's (linear models, full-batch SGD at lr 0.1 for 1000 epochs, KD = CE + λ·T²·KL with
 * λ = 0.5, T = 1), key by key, so a YAML that sets one key keeps the paper's value for the rest.
 */
import type { ConfigIssue } from '@cch-lab/core';
import { MFH_PAPER_LEVELS, MFH_SWEEPS } from '@cch-lab/data-synthetic';
import { z } from 'zod';
import { baseConfigShape } from '../../config/base-schema.js';
import { decisionSection } from '../../toolkit/sections/decision-section.js';
import { estimatorsSection } from '../../toolkit/sections/estimators-section.js';
import { kdRules, kdSection } from '../../toolkit/sections/kd-section.js';
import { modelSection } from '../../toolkit/sections/model-section.js';
import { trainSection } from '../../toolkit/sections/train-section.js';

const int = (min: number) => z.number().int().min(min);
const train = trainSection.unwrap().shape;
const optimizer = train.optimizer.unwrap();
const kd = kdSection.unwrap().shape;

export const mfhGaussSchema = z.strictObject({
  ...baseConfigShape,
  repeats: int(2).default(10).describe('seeds per setting (the MFH paper: 10), shared by every level of a sweep; ≥ 2 for the interval of the KD effect'),
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
  model: modelSection.unwrap().prefault({ kind: 'linear' }),
  train: trainSection
    .unwrap()
    .extend({
      epochs: train.epochs.default(1000),
      batchSize: train.batchSize.default('full'),
      optimizer: optimizer.extend({ name: optimizer.shape.name.default('sgd'), learningRate: optimizer.shape.learningRate.default(0.1) }).prefault({}),
    })
    .prefault({}),
  // λ = 0.5 per row is the reference code's CE + torch KLDivLoss(reduction='mean') over 2 classes.
  kd: kdSection
    .unwrap()
    .extend({ lambda: kd.lambda.default([0.5]), temperature: kd.temperature.default([1]), form: kd.form.default('theorem') })
    .prefault({}),
  estimators: estimatorsSection,
  mfh: z
    .strictObject({ breakEvenGamma: z.number().min(0).max(1).default(0.25).describe('the MFH rule: KD helps when γ exceeds this') })
    .prefault({}),
  decision: decisionSection,
});
export type MfhGaussConfig = z.output<typeof mfhGaussSchema>;

export function mfhGaussRules(config: MfhGaussConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [...kdRules(config.kd)];
  if (MFH_SWEEPS.every((s) => config.sweeps[s].length === 0)) issues.push({ path: 'sweeps', message: 'both sweeps are empty; give at least one level' });
  for (const sweep of MFH_SWEEPS) {
    if (new Set(config.sweeps[sweep]).size !== config.sweeps[sweep].length) issues.push({ path: `sweeps.${sweep}`, message: 'lists a level twice; each level is one setting' });
  }
  return issues;
}
