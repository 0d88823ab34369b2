/**
 * The dataset of a `mosei` run and its per-repeat form. The data (real, or the simulated stand-in)
 * are read once per process; each repeat then gets its split — the standard folds of real `.csd`
 * files (or the arrays' stored split) are kept, otherwise a fresh split by video from the repeat's
 * stream — every modality z-scored on its training rows, and the teacher's noisy copies (one per σ
 * of the sweep, drawn from the repeat's stream, on the standardised input).
 */
import path from 'node:path';
import { InvalidInputError, contentHash, type ConfigIssue, type Rng } from '@cch-lab/core';
import { addGaussianNoise, fingerprintFiles, splitCounts, standardizeModality, type PairedDataset } from '@cch-lab/data';
import { loadMosei, moseiDataFiles, simulateMosei, videoSplit, type MoseiLoadOptions } from '@cch-lab/data-mosei';
import { memoDatasetAsync } from '../../toolkit/dataset-memo.js';
import { wantsRealData } from '../../toolkit/sections/data-section.js';
import { noisyName, type MoseiConfig } from './mosei-config.js';

/** Split rules whose split is the data set's own (kept across repeats). */
const FIXED_RULES = new Set(['standard-folds', 'stored']);

function loadOptions(data: MoseiConfig['data']): MoseiLoadOptions {
  return {
    path: path.resolve(data.path as string),
    layout: data.layout as MoseiLoadOptions['layout'],
    label: data.label,
    ...(data.files !== undefined ? { files: data.files } : {}),
    ...(data.arraysFile !== undefined ? { arraysFile: data.arraysFile } : {}),
  };
}

/** The files a run reads (none for the stand-in). */
export function moseiFiles(data: MoseiConfig['data']): string[] {
  return wantsRealData(data) ? moseiDataFiles(loadOptions(data)) : [];
}

/** The loaded data, before any repeat's split; `meta.videos` holds each row's video. */
export function moseiDataset(config: MoseiConfig): Promise<PairedDataset> {
  const { data } = config;
  const key = contentHash({ data, seed: config.seed, files: fingerprintFiles(moseiFiles(data)) });
  return memoDatasetAsync(`mosei:${key}`, async () => {
    if (wantsRealData(data)) return loadMosei(loadOptions(data));
    const sim = simulateMosei({ videos: data.videos, seed: config.seed, shared: data.shared, label: data.label, split: config.split });
    return { ...sim.dataset, meta: { ...sim.dataset.meta, videos: sim.videos } };
  });
}

/** Whether the data set's own split is kept in every repeat. */
export function hasFixedSplit(dataset: PairedDataset): boolean {
  const rule = (dataset.meta.split as { rule?: string } | undefined)?.rule;
  return rule !== undefined && FIXED_RULES.has(rule);
}

export interface RepeatData {
  dataset: PairedDataset;
  fixedSplit: boolean;
  /** Noise sd by teacher modality name, for the sweep. */
  noise: Record<string, number>;
}

export function repeatData(loaded: PairedDataset, config: MoseiConfig, rng: Rng): RepeatData {
  const fixedSplit = hasFixedSplit(loaded);
  const videos = loaded.meta.videos as string[];
  const splits = fixedSplit ? loaded.splits : videoSplit(videos, { test: config.split.test, val: config.split.val, seed: rng.derive('split') }).splits;
  const empty = emptyParts(splits);
  if (empty.length > 0) {
    const counts = splitCountsText(splits, loaded.labels.length);
    throw new InvalidInputError(`${loaded.name}: the ${fixedSplit ? 'data set’s own' : 'by-video'} split leaves ${empty.join(' and ')} empty (${counts})`, {
      details: { field: fixedSplit ? 'data.path' : 'split', ...(config.data.path !== undefined ? { file: path.resolve(config.data.path) } : {}), received: counts },
      hint: fixedSplit ? 'the standard folds need videos of all three folds; run `cch data verify mosei` to see what is read' : 'use more videos (data.videos) or other split fractions',
    });
  }
  let dataset: PairedDataset = { ...loaded, splits };
  const used = new Set([...config.modalities, ...config.pairs.flatMap((p) => [p.teacher, p.student]), ...(config.noise.sigmas.length > 0 ? [config.noise.teacher, config.noise.student] : [])]);
  const keep = <T>(record: Record<string, T> | undefined) => Object.fromEntries(Object.entries(record ?? {}).filter(([m]) => used.has(m as never)));
  dataset = { ...dataset, modalities: keep(dataset.modalities), featureShapes: keep(dataset.featureShapes) };
  if (config.standardize) for (const m of Object.keys(dataset.modalities)) dataset = standardizeModality(dataset, m);
  const noise: Record<string, number> = {};
  const modalities = { ...dataset.modalities };
  const featureShapes = { ...dataset.featureShapes };
  for (const sigma of config.noise.sigmas) {
    const name = noisyName(config.noise.teacher, sigma);
    noise[name] = sigma;
    if (sigma === 0) continue;
    modalities[name] = addGaussianNoise(dataset.modalities[config.noise.teacher], sigma, rng.derive('noise').derive(String(sigma)));
    featureShapes[name] = [modalities[name].cols];
  }
  return { dataset: { ...dataset, modalities, featureShapes }, fixedSplit, noise };
}

/**
 * Before the first cell: the data set's own split (real .csd files: the standard folds) must leave
 * rows in train, val and test; a split by video must leave every part at least one video.
 */
export async function moseiPreflight(config: MoseiConfig): Promise<ConfigIssue[]> {
  const loaded = await moseiDataset(config);
  if (hasFixedSplit(loaded)) {
    const empty = emptyParts(loaded.splits);
    if (empty.length === 0) return [];
    return [{ path: 'data.path', message: `the data set's own split leaves ${empty.join(' and ')} empty (${splitCountsText(loaded.splits, loaded.labels.length)}); the standard folds need videos of all three folds (cch data verify mosei shows what is read)` }];
  }
  const videos = new Set(loaded.meta.videos as string[]).size;
  const c = splitCounts(videos, { train: 1 - config.split.test - config.split.val, val: config.split.val, test: config.split.test });
  const empty = (['train', 'val', 'test'] as const).filter((part) => c[part] === 0);
  if (empty.length === 0) return [];
  const key = wantsRealData(config.data) ? 'split' : 'data.videos';
  return [{ path: key, message: `${videos} videos split by video (test ${config.split.test}, val ${config.split.val}) leave ${empty.join(' and ')} without a video; use more videos or other fractions` }];
}

/** The parts of a split without a row (one check for the preflight and for each repeat). */
function emptyParts(splits: PairedDataset['splits']): ('train' | 'val' | 'test')[] {
  return (['train', 'val', 'test'] as const).filter((part) => (splits[part]?.length ?? 0) === 0);
}

function splitCountsText(splits: PairedDataset['splits'], rows: number): string {
  return `train ${splits.train.length}, val ${splits.val?.length ?? 0}, test ${splits.test.length} of ${rows} segments`;
}
