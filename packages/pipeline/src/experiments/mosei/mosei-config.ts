/**
 * The config of the `mosei` experiment (configs/mosei.yaml): the data (the simulated stand-in by
 * default, or the SDK's `.csd` files / the word-aligned arrays at `data.path`), the label mode, the
 * modalities ranked, the teacher → student pairs, the teacher-noise sweep, and the toolkit's
 * sections (one MLP for every modality; AdamW, as the paper trains MOSEI).
 */
import type { ConfigIssue } from '@cch-lab/core';
import { MOSEI_LABEL_MODES, MOSEI_LAYOUTS, MOSEI_MODALITIES } from '@cch-lab/data-mosei';
import { z } from 'zod';
import { baseConfigShape } from '../../config/base-schema.js';
import { dataRules, dataSection, wantsRealData } from '../../toolkit/sections/data-section.js';
import { decisionSection } from '../../toolkit/sections/decision-section.js';
import { estimatorsSection } from '../../toolkit/sections/estimators-section.js';
import { kdRules, kdSection } from '../../toolkit/sections/kd-section.js';
import { modelSection } from '../../toolkit/sections/model-section.js';
import { trainSection } from '../../toolkit/sections/train-section.js';

const modality = z.enum(MOSEI_MODALITIES);
const pair = z.strictObject({ teacher: modality, student: modality });

export const DEFAULT_PAIRS = [
  { teacher: 'text', student: 'visual' },
  { teacher: 'text', student: 'audio' },
  { teacher: 'audio', student: 'visual' },
] as const;

export const moseiSchema = z.strictObject({
  ...baseConfigShape,
  repeats: z.number().int().min(1).default(3).describe('repeats: a fresh split by video and model seeds (real data keep the standard folds; repeats are model seeds)'),
  data: dataSection({
    layout: z.enum(MOSEI_LAYOUTS).optional().describe('real files: csd (the SDK’s computational sequences) | arrays (the word-aligned arrays); required with a path'),
    label: z.enum(MOSEI_LABEL_MODES).default('binary').describe('binary (sentiment ≥ 0, the paper’s headline) | binary-nonzero | seven-class | sentiment (regression: MSE, MAE, Pearson r)'),
    videos: z.number().int().min(10).max(100_000).default(600).describe('simulated: videos (2–8 labelled segments each)'),
    shared: z.number().min(0).max(100).default(1).describe('simulated: scale of the label-free component the three modalities share'),
    files: z.partialRecord(z.enum([...MOSEI_MODALITIES, 'labels']), z.string().min(1)).optional().describe('csd: file name per sequence (default the SDK’s names)'),
    arraysFile: z.string().min(1).optional().describe('arrays: the HDF5 file name (default mosei_aligned.h5)'),
  }).prefault({}),
  modalities: z.array(modality).min(2).default([...MOSEI_MODALITIES]).describe('the modalities ranked by I(H; Y)'),
  pairs: z.array(pair).min(1).default(DEFAULT_PAIRS.map((p) => ({ ...p }))).describe('teacher → student pairs'),
  noise: z
    .strictObject({
      teacher: modality.default('text'),
      student: modality.default('visual'),
      sigmas: z.array(z.number().min(0).max(100)).default([0, 0.5, 1, 2, 4]).describe('Gaussian noise sd on the teacher’s standardised input, one teacher per level; [] turns the sweep off'),
    })
    .prefault({}),
  split: z
    .strictObject({
      test: z.number().gt(0).lt(1).default(0.3).describe('test fraction of videos (the stand-in, split-less arrays; real .csd files use the standard folds)'),
      val: z.number().gt(0).lt(1).default(0.15).describe('validation fraction of videos'),
    })
    .prefault({}),
  standardize: z.boolean().default(true).describe('z-score every modality with statistics of the training rows'),
  model: modelSection,
  train: trainSection,
  kd: kdSection,
  estimators: estimatorsSection,
  decision: decisionSection,
});
export type MoseiConfig = z.output<typeof moseiSchema>;

export function moseiRules(config: MoseiConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [...kdRules(config.kd), ...dataRules(config.data)];
  if (wantsRealData(config.data) && config.data.layout === undefined) issues.push({ path: 'data.layout', message: `real data need a layout: ${MOSEI_LAYOUTS.join(' | ')}` });
  if (new Set(config.modalities).size !== config.modalities.length) issues.push({ path: 'modalities', message: 'lists a modality twice' });
  const used = new Set(config.modalities);
  config.pairs.forEach((p, i) => {
    if (p.teacher === p.student) issues.push({ path: `pairs.${i}`, message: 'teacher and student are the same modality' });
    for (const side of ['teacher', 'student'] as const) if (!used.has(p[side])) issues.push({ path: `pairs.${i}.${side}`, message: `'${p[side]}' is not in modalities` });
  });
  if (new Set(config.pairs.map((p) => `${p.teacher}→${p.student}`)).size !== config.pairs.length) issues.push({ path: 'pairs', message: 'lists a pair twice' });
  if (config.noise.sigmas.length > 0 && config.noise.teacher === config.noise.student) issues.push({ path: 'noise', message: 'teacher and student are the same modality' });
  if (new Set(config.noise.sigmas).size !== config.noise.sigmas.length) issues.push({ path: 'noise.sigmas', message: 'lists a level twice' });
  if (config.split.test + config.split.val >= 0.9) issues.push({ path: 'split', message: 'test + val leave less than 10 % of the videos to train on' });
  return issues;
}

/** The teacher modality of a noise level: the clean modality at σ = 0. */
export function noisyName(teacher: string, sigma: number): string {
  return sigma === 0 ? teacher : `${teacher}-noise-${sigma}`;
}
