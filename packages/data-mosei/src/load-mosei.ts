/** `loadMosei`: CMU-MOSEI from disk (SDK .csd files or the word-aligned arrays) as a PairedDataset. */
import { InvalidInputError, Matrix } from '@cch-lab/core';
import { assertPairedDataset } from '@cch-lab/data';
import type { PairedDataset, Splits } from '@cch-lab/data';
import { moseiNotFound } from './files/mosei-files.js';
import { resolveMoseiOptions } from './files/resolve-options.js';
import type { MoseiLoadOptions, ResolvedMosei } from './files/resolve-options.js';
import { MOSEI_STANDARD_FOLDS, MOSEI_STANDARD_FOLDS_SOURCE } from './folds/standard-folds.js';
import { sentimentLabels } from './labels/sentiment-labels.js';
import type { SentimentLabels } from './labels/sentiment-labels.js';
import { readMoseiSegments } from './read-mosei-segments.js';
import type { MoseiRead } from './read-mosei-segments.js';
import { videoSplit } from './splits/video-split.js';
import { MOSEI_MODALITIES } from './types.js';
import type { MoseiModality, MoseiSegments } from './types.js';

/** Where the splits came from, and how many segments each rule placed. */
export interface MoseiSplitProvenance {
  /** 'standard-folds' (csd), 'stored' (arrays with split folders / groups), 'seeded' (arrays without). */
  rule: 'standard-folds' | 'stored' | 'seeded';
  byFold: number;
  bySeed: number;
  seed?: number;
  fractions?: { test: number; val: number };
  foldsSource?: string;
  counts: { train: number; val: number; test: number };
}

/**
 * Loads CMU-MOSEI: modalities `text`, `audio`, `visual` (segments × dim, float32, each segment's
 * frames collapsed to their mean), labels from the sentiment score by `label` mode, splits by video
 * (csd: the SDK's standard folds, the seeded split for unlisted videos; arrays: the stored split
 * when there are split folders, else a seeded split of rows). `meta` records the files, sequence
 * roots and metadata, drops, the label mode and balance, and the split's provenance (README).
 *
 * @throws DataNotFoundError listing every missing file; InvalidInputError naming the file (and
 *   group / dataset) for malformed input.
 */
export async function loadMosei(options: MoseiLoadOptions): Promise<PairedDataset> {
  const resolved = resolveMoseiOptions(options);
  if (resolved.missing.length > 0) throw moseiNotFound(resolved);
  const read = await readMoseiSegments(resolved);
  return buildMoseiDataset(resolved, read);
}

/** The label / split / meta half of a load, shared with verifyMosei. */
export function labelAndSplit(resolved: ResolvedMosei, read: MoseiRead): { labelled: SentimentLabels; kept: MoseiSegments; splits: Splits; provenance: MoseiSplitProvenance; sentimentZero: number } {
  const { segments } = read;
  const labelled = sentimentLabels(segments.sentiment, resolved.label);
  let sentimentZero = 0;
  for (const s of segments.sentiment) if (s === 0) sentimentZero += 1;
  const kept = labelled.keep.length === segments.ids.length ? segments : subsetSegments(segments, labelled.keep);
  const { splits, provenance } = splitSegments(resolved, read, kept, labelled.keep);
  return { labelled, kept, splits, provenance, sentimentZero: resolved.label === 'binary-nonzero' ? sentimentZero : 0 };
}

function buildMoseiDataset(resolved: ResolvedMosei, read: MoseiRead): PairedDataset {
  const { labelled, kept, splits, provenance, sentimentZero } = labelAndSplit(resolved, read);
  if (kept.ids.length === 0) {
    throw new InvalidInputError('no labelled segment is left after alignment and the label mode', {
      details: { file: resolved.files.join(', '), field: 'segments', received: '0 segments', drops: read.drops },
      hint: 'run `cch data verify mosei` to see why segments were dropped (missing videos, no frames)',
    });
  }
  const modalities: Record<string, Matrix> = {};
  for (const m of MOSEI_MODALITIES) modalities[m] = new Matrix(kept.features[m], kept.ids.length, kept.dims[m]);
  const meta: Record<string, unknown> = {
    layout: resolved.layout,
    path: resolved.path,
    files: resolved.files,
    label: resolved.label,
    labelBalance: labelBalance(labelled),
    drops: { ...read.drops, sentimentZero },
    split: provenance,
    segmentIds: kept.ids,
    videos: kept.videos,
    dims: kept.dims,
  };
  if (read.sequences !== undefined) {
    meta.sequences = read.sequences;
    meta.roots = Object.fromEntries(Object.entries(read.sequences).map(([k, s]) => [k, s.root]));
  }
  if (read.align !== undefined) meta.alignment = read.align;
  if (read.arrays !== undefined) meta.arrays = { format: resolved.arrays?.format, rowsRead: read.arrays.rowsRead, rowsBySplit: read.arrays.rowsBySplit, steps: read.arrays.steps };
  const dataset: PairedDataset = {
    name: 'cmu-mosei',
    source: 'real',
    modalities,
    labels: labelled.labels,
    task: labelled.task,
    splits,
    meta,
  };
  if (labelled.classes !== undefined) dataset.classes = labelled.classes;
  assertPairedDataset(dataset, 'loadMosei');
  return dataset;
}

/** Class counts (classification) or the score's range and mean (regression). */
export function labelBalance(labelled: SentimentLabels): Record<string, number> {
  if (labelled.task === 'regression') {
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    for (const v of labelled.labels) {
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
    }
    const n = labelled.labels.length;
    return n === 0 ? { n: 0 } : { n, min, max, mean: sum / n };
  }
  const classes = labelled.classes ?? [];
  const counts: Record<string, number> = Object.fromEntries(classes.map((c) => [c, 0]));
  for (const l of labelled.labels) counts[classes[l] ?? String(l)] = (counts[classes[l] ?? String(l)] ?? 0) + 1;
  return counts;
}

function splitSegments(resolved: ResolvedMosei, read: MoseiRead, kept: MoseiSegments, keep: Int32Array): { splits: Splits; provenance: MoseiSplitProvenance } {
  const stored = read.arrays?.fixedSplit;
  if (stored !== undefined) {
    const at = new Int32Array(read.segments.ids.length).fill(-1);
    keep.forEach((row, k) => (at[row] = k));
    const map = (rows: Int32Array): Int32Array => Int32Array.from(Array.from(rows, (r) => at[r]).filter((k) => k >= 0)).sort();
    const splits: Splits = { train: map(stored.train), val: map(stored.valid), test: map(stored.test) };
    const counts = { train: splits.train.length, val: splits.val?.length ?? 0, test: splits.test.length };
    return { splits, provenance: { rule: 'stored', byFold: kept.ids.length, bySeed: 0, counts } };
  }
  const csd = resolved.layout === 'csd';
  const { test, val, seed } = resolved.split;
  const result = videoSplit(kept.videos, csd ? { folds: MOSEI_STANDARD_FOLDS, test, val, seed } : { test, val, seed });
  const counts = { train: result.splits.train.length, val: result.splits.val?.length ?? 0, test: result.splits.test.length };
  const provenance: MoseiSplitProvenance = { rule: csd ? 'standard-folds' : 'seeded', byFold: result.byFold, bySeed: result.bySeed, seed, fractions: { test, val }, counts };
  if (csd) provenance.foldsSource = MOSEI_STANDARD_FOLDS_SOURCE;
  return { splits: result.splits, provenance };
}

function subsetSegments(s: MoseiSegments, keep: Int32Array): MoseiSegments {
  const features = {} as Record<MoseiModality, Float32Array>;
  for (const m of MOSEI_MODALITIES) {
    const d = s.dims[m];
    const out = new Float32Array(keep.length * d);
    keep.forEach((row, k) => out.set(s.features[m].subarray(row * d, (row + 1) * d), k * d));
    features[m] = out;
  }
  return {
    ids: Array.from(keep, (r) => s.ids[r]),
    videos: Array.from(keep, (r) => s.videos[r]),
    sentiment: Float64Array.from(keep, (r) => s.sentiment[r]),
    features,
    dims: { ...s.dims },
  };
}
