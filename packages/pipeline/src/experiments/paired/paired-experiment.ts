/**
 * Experiment `paired` (configs/paired.example.yaml): a user's own modalities — one CSV / .npy file
 * each, rows aligned or matched by an id column — and labels; the pairs to test; one model. For
 * every pair: teacher, no-KD and KD students, the CCH margin per estimator, the observed sign,
 * agreement and teacher selection. One cell per repeat (a fresh split each).
 */
import path from 'node:path';
import { InvalidInputError, Matrix, contentHash } from '@cch-lab/core';
import { TASKS, fingerprintFiles, readAlignedFiles, standardizeModality, type PairedDataset } from '@cch-lab/data';
import { z } from 'zod';
import { baseConfigShape } from '../../config/base-schema.js';
import { memoDataset } from '../../toolkit/dataset-memo.js';
import { runDistillationCell } from '../../toolkit/distillation-cell.js';
import { distillationSections } from '../../toolkit/distillation-sections.js';
import { distillationFigures, distillationNotes, distillationTables } from '../../toolkit/distillation-report.js';
import { flattenDistillationRow, type DistillationRow } from '../../toolkit/distillation-row.js';
import { distillationNumbers, distillationScorecard, distillationSummary } from '../../toolkit/distillation-summary.js';
import { expandSweep, repeatAxis, sweepCells } from '../../toolkit/expand-sweep.js';
import { decisionSection } from '../../toolkit/sections/decision-section.js';
import { estimatorsSection } from '../../toolkit/sections/estimators-section.js';
import { kdRules, kdSection } from '../../toolkit/sections/kd-section.js';
import { modelSection } from '../../toolkit/sections/model-section.js';
import { trainSection } from '../../toolkit/sections/train-section.js';
import { sourcesOf } from '../../toolkit/sources.js';
import { splitForRepeat } from '../../toolkit/split-for-repeat.js';
import type { ExperimentDefinition } from '../../types.js';

const pairedSchema = z.strictObject({
  ...baseConfigShape,
  repeats: z.number().int().min(1).default(5).describe('repeated splits'),
  data: z.strictObject({
    modalities: z.record(z.string().regex(/^[A-Za-z0-9_-]+$/, 'modality names are letters, digits, - and _'), z.string().min(1)).describe('modality name → file (CSV / TSV / .npy)'),
    labels: z.string().min(1).describe('the labels (class labels, or a numeric target with task: regression)'),
    task: z.enum(TASKS).default('classification'),
  }),
  pairs: z.array(z.strictObject({ teacher: z.string(), student: z.union([z.string(), z.array(z.string()).min(2)]) })).default([]).describe('teacher → student pairs; default every ordered pair'),
  split: z.strictObject({ test: z.number().gt(0).lt(1).default(0.3), val: z.number().gt(0).lt(1).default(0.2) }).prefault({}),
  standardize: z.boolean().default(true).describe('z-score every modality with training-row statistics'),
  model: modelSection,
  train: trainSection,
  kd: kdSection,
  estimators: estimatorsSection,
  decision: decisionSection,
});
export type PairedConfig = z.output<typeof pairedSchema>;
type PairedData = PairedConfig['data'];

/** The data section with absolute paths (resolved against the working directory once, in the main thread). */
function absolute(data: PairedData): PairedData {
  return { ...data, modalities: Object.fromEntries(Object.entries(data.modalities).map(([m, f]) => [m, path.resolve(f)])), labels: path.resolve(data.labels) };
}

const dataFiles = (data: PairedData) => [...Object.values(data.modalities), data.labels];

function loadPaired(data: PairedData): PairedDataset {
  return memoDataset(`paired:${contentHash({ modalities: data.modalities, labels: data.labels, files: fingerprintFiles(dataFiles(data)) })}:${data.task}`, () => {
    const names = Object.keys(data.modalities);
    const read = readAlignedFiles(Object.values(data.modalities), data.labels, { labels: data.task === 'classification' });
    const labels = read.y instanceof Int32Array ? read.y : Float32Array.from(read.y.data);
    if (!(read.y instanceof Int32Array) && read.y.cols !== 1) {
      throw new InvalidInputError('a regression target must have one column', { details: { file: read.yFile, received: `${read.y.cols} columns` } });
    }
    const modalities = Object.fromEntries(names.map((m, i) => [m, new Matrix(Float64Array.from(read.matrices[i].data), read.matrices[i].rows, read.matrices[i].cols)]));
    const all = Int32Array.from(labels, (_, i) => i);
    return {
      name: 'paired',
      source: 'real',
      task: data.task,
      modalities,
      labels,
      ...(read.classes !== undefined ? { classes: read.classes } : {}),
      splits: { train: all, test: new Int32Array(0) },
      meta: { files: read.files, labelsFile: read.yFile, alignedById: read.alignedById },
    };
  });
}

export const pairedExperiment: ExperimentDefinition<PairedConfig, { repeat: number; data: PairedData }> = {
  name: 'paired',
  title: 'Your modalities: which teacher helps which student?',
  description: 'A user’s own modalities and labels: teacher → no-KD student → KD students per pair, the CCH margin per estimator, the observed KD effect over repeated splits, and teacher selection.',
  version: 1,
  schema: pairedSchema,
  rules: (config) => {
    const names = Object.keys(config.data.modalities);
    const issues = [...kdRules(config.kd)];
    if (names.length < 2) issues.push({ path: 'data.modalities', message: 'name at least two modalities (a teacher and a student)' });
    for (const [i, p] of config.pairs.entries()) {
      for (const m of [p.teacher, ...[p.student].flat()]) if (!names.includes(m)) issues.push({ path: `pairs.${i}`, message: `'${m}' is not a modality in data.modalities (${names.join(', ')})` });
    }
    return issues;
  },
  cells: (config) => sweepCells(expandSweep({ rep: repeatAxis(config.repeats) }), (p) => ({ repeat: p.values.rep, data: absolute(config.data) })),
  cellConfig: ({ title: _t, profile: _p, profiles: _ps, data: _d, repeats: _r, ...rest }) => rest,
  dataFiles: (cell) => dataFiles(cell.params.data),
  async runCell(cell, config, context) {
    let dataset = splitForRepeat(loadPaired(cell.params.data), config.split, context.rng);
    if (config.standardize) for (const m of Object.keys(dataset.modalities)) dataset = standardizeModality(dataset, m);
    const names = Object.keys(dataset.modalities);
    const pairs = config.pairs.length > 0 ? config.pairs : names.flatMap((t) => names.filter((s) => s !== t).map((s) => ({ teacher: t, student: s })));
    const result = await runDistillationCell({ ...distillationSections(config), dataset, pairs, rng: context.rng, context: { repeat: cell.params.repeat }, reporter: context.reporter });
    return { rows: result.rows.map(flattenDistillationRow), distillation: result.rows, sources: [dataset.source], meta: result.meta };
  },
  summarize(records, config) {
    const sources = sourcesOf(records);
    const numbers = distillationNumbers(records.flatMap((r) => (r.output.distillation ?? []) as DistillationRow[]), { estimators: config.estimators, level: config.decision.level });
    const scorecard = distillationScorecard(numbers, 'your own data: the paper makes no claim here; the CCH predicts KD helps where the margin is positive');
    return { rows: numbers.flat, summary: distillationSummary(numbers), scorecard, tables: distillationTables(numbers, sources), figures: distillationFigures(numbers, sources), sources, notes: distillationNotes(numbers) };
  },
};
