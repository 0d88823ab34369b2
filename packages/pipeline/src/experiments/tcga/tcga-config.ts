/**
 * The config of the `tcga` experiment (configs/tcga.yaml): cohorts (each with its own `data`
 * section; the simulated BRCA-, KIPAN- and LIHC-like cohorts by default, or one user cohort from a
 * top-level `data`), the omics, preprocessing, splits, and the shared toolkit sections.
 */
import path from 'node:path';
import type { ConfigIssue } from '@cch-lab/core';
import { OMICS, TCGA_COHORTS, TCGA_LAYOUTS } from '@cch-lab/data-tcga';
import type { TcgaLoadOptions } from '@cch-lab/data-tcga';
import { z } from 'zod';
import { baseConfigShape } from '../../config/base-schema.js';
import { dataRules, dataSection, wantsRealData } from '../../toolkit/sections/data-section.js';
import { decisionSection } from '../../toolkit/sections/decision-section.js';
import { estimatorsSection } from '../../toolkit/sections/estimators-section.js';
import { kdRules, kdSection } from '../../toolkit/sections/kd-section.js';
import { modelSection } from '../../toolkit/sections/model-section.js';
import { trainSection } from '../../toolkit/sections/train-section.js';

const omics = z.enum(OMICS);

export const tcgaDataSection = dataSection({
  layout: z.enum(TCGA_LAYOUTS).optional().describe('real files: mogonet | mogcn | xena (required with a path)'),
  cohort: z.string().min(1).optional().describe('simulated: the profile (brca | kipan | lihc); real: the cohort name (default the folder name)'),
  samples: z.number().int().min(30).max(100_000).optional().describe('simulated: patients (default the profile’s cohort size)'),
  labelColumn: z.string().min(1).optional().describe('real: the label column of the clinical / class table'),
  labelsFile: z.string().min(1).optional().describe('real: the label table’s file name'),
  files: z.partialRecord(omics, z.string().min(1)).optional().describe('real: file name per omics'),
  views: z.partialRecord(omics, z.number().int().min(1)).optional().describe('mogonet: view number per omics (default mrna 1, cnv 2, rppa 3)'),
});
export type TcgaDataSection = z.output<typeof tcgaDataSection>;

const DEFAULT_COHORTS = Object.fromEntries(TCGA_COHORTS.map((c) => [c, { data: { source: 'simulated' as const, cohort: c } }]));

export const tcgaSchema = z.strictObject({
  ...baseConfigShape,
  repeats: z.number().int().min(1).default(5).describe('repeated stratified splits (model seeds for a fixed MOGONET split)'),
  cohorts: z
    .record(z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'cohort names are lower-case letters, digits, - and _'), z.strictObject({ data: tcgaDataSection }))
    .prefault(DEFAULT_COHORTS)
    .describe('cohorts by name, each with its own data section'),
  data: tcgaDataSection.optional().describe('one user cohort; replaces `cohorts`'),
  omics: z.array(omics).min(2).default([...OMICS]).describe('the omics used as teachers and students'),
  preprocess: z
    .strictObject({
      log2: z.union([z.literal('auto'), z.boolean()]).default('auto').describe("log2(x+1): 'auto' applies it to count-like matrices (never to an already-logged Xena matrix)"),
      topK: z.number().int().min(1).nullable().default(200).describe('keep the k features of largest training variance per omics; null keeps all'),
      standardize: z.boolean().default(true),
    })
    .prefault({}),
  split: z
    .strictObject({
      test: z.number().gt(0).lt(1).default(0.3).describe('test fraction (ignored for MOGONET, whose split is kept)'),
      val: z.number().gt(0).lt(1).default(0.2).describe('validation fraction of the training rows (early stopping, strongest omics)'),
    })
    .prefault({}),
  fusion: z
    .strictObject({
      strongestAsTeacher: z.boolean().default(true).describe('fuse the weaker omics as a student of the strongest (chosen on validation rows)'),
      pairs: z.array(z.strictObject({ teacher: z.union([omics, z.array(omics).min(2)]), student: z.array(omics).min(2) })).default([]),
    })
    .prefault({}),
  model: modelSection,
  train: trainSection,
  kd: kdSection,
  estimators: estimatorsSection,
  decision: decisionSection,
});
export type TcgaConfig = z.output<typeof tcgaSchema>;

/** The cohorts a run uses: the top-level `data` as one cohort, else `cohorts`. */
export function tcgaCohorts(config: TcgaConfig): Record<string, TcgaDataSection> {
  if (config.data !== undefined) {
    const name = config.data.cohort ?? (config.data.path !== undefined ? path.basename(path.resolve(config.data.path)).toLowerCase() : 'cohort');
    return { [name]: config.data };
  }
  return Object.fromEntries(Object.entries(config.cohorts).map(([name, c]) => [name, c.data]));
}

/** The loader's options for a real cohort section: only the configured omics are read and intersected. */
export function tcgaLoadOptions(name: string, section: TcgaDataSection, omics: TcgaConfig['omics']): TcgaLoadOptions {
  return {
    path: path.resolve(section.path as string),
    layout: section.layout as TcgaLoadOptions['layout'],
    cohort: section.cohort ?? name,
    omics: [...omics],
    ...(section.files !== undefined ? { files: section.files } : {}),
    ...(section.views !== undefined ? { views: section.views } : {}),
    ...(section.labelsFile !== undefined ? { labelsFile: section.labelsFile } : {}),
    ...(section.labelColumn !== undefined ? { labelColumn: section.labelColumn } : {}),
  };
}

export function tcgaRules(config: TcgaConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [...kdRules(config.kd)];
  const sections: [string, TcgaDataSection][] =
    config.data !== undefined ? [['data', config.data]] : Object.entries(config.cohorts).map(([name, c]) => [`cohorts.${name}.data`, c.data]);
  for (const [where, section] of sections) {
    issues.push(...dataRules(section, where));
    if (wantsRealData(section)) {
      if (section.layout === undefined) issues.push({ path: `${where}.layout`, message: `real data need a layout: ${TCGA_LAYOUTS.join(' | ')}` });
      if (section.samples !== undefined) issues.push({ path: `${where}.samples`, message: 'samples applies to the simulated stand-in only' });
    } else if (!(TCGA_COHORTS as readonly string[]).includes(section.cohort ?? '')) {
      issues.push({ path: `${where}.cohort`, message: `the simulated stand-in needs a profile: ${TCGA_COHORTS.join(' | ')}` });
    }
  }
  if (new Set(config.omics).size !== config.omics.length) issues.push({ path: 'omics', message: 'lists an omics twice' });
  // Only the configured omics are read, so a fusion pair naming another would fail after every single-omics model is trained.
  config.fusion.pairs.forEach((pair, i) => {
    for (const role of ['teacher', 'student'] as const) {
      const outside = [pair[role]].flat().filter((o) => !config.omics.includes(o));
      if (outside.length > 0) issues.push({ path: `fusion.pairs.${i}.${role}`, message: `${outside.map((o) => `'${o}'`).join(' and ')} ${outside.length === 1 ? 'is' : 'are'} not in omics [${config.omics.join(', ')}]` });
    }
  });
  return issues;
}
