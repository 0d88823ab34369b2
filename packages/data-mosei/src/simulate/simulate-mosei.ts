/**
 * A simulated stand-in for CMU-MOSEI, for runs where the real sequences are not present. It is
 * sequence-shaped — every segment has frames per modality, collapsed by the same `segmentMean` as
 * the real data — and labelled `simulated` everywhere.
 *
 * Model, per video v and labelled segment i of it:
 *
 *     t_i   = u_i + w_v                       u_i ~ N(0, 1), w_v ~ N(0, VIDEO_SD²) (speaker bias)
 *     s_i   = round₃( 3 · tanh(0.8 · t_i) )   the sentiment score in −3…3, in annotator thirds
 *     frame x_{i,f}^m = α_m · a_m · t_i + shared · B_m c_i + √T_{i,m} · ε      c_i ~ N(0, I_r)
 *
 * a_m is a random unit direction and B_m a random d_m × r matrix with unit columns, drawn once per
 * modality; ε ~ N(0, I). The mean over a segment's T_{i,m} frames has unit noise per dimension, so
 * α_m² is the collapsed signal-to-noise ratio along a_m whatever the modality's width: α² = 1.5,
 * 0.32, 0.13 for text, audio, visual give a Bayes accuracy on the binary label of about 0.80, 0.68
 * and 0.62 — the paper's ordering (text > audio > visual) and roughly published unimodal levels.
 * c_i is a component all three modalities share that says nothing about the label: `shared`
 * scales it, so the cross-modal information I(H_t; H_s) can grow without I(H_s; Y) growing. A small
 * share of audio values is −inf, as COVAREP writes for silent frames; they count as 0 (and are
 * counted), as with the real data.
 */
import { InvalidInputError, Matrix, Rng } from '@cch-lab/core';
import { assertPairedDataset, type PairedDataset } from '@cch-lab/data';
import { segmentMean } from '../collapse/segment-mean.js';
import { sentimentLabels } from '../labels/sentiment-labels.js';
import { videoSplit } from '../splits/video-split.js';
import { MOSEI_FEATURE_DIMS, MOSEI_MODALITIES, emptyDrops, type MoseiDrops, type MoseiLabelMode, type MoseiModality } from '../types.js';

export interface SimulatedMoseiOptions {
  /** Videos; each has SEGMENTS_PER_VIDEO labelled segments. */
  videos: number;
  seed: number;
  /** Scale of the label-free component the modalities share. Default 1. */
  shared?: number;
  label?: MoseiLabelMode;
  /** Feature widths; default the published 300 / 74 / 35. */
  dims?: Partial<Record<MoseiModality, number>>;
  /** The default split's fractions (by video). Default test 0.3, val 0.15. */
  split?: { test: number; val: number };
}

export interface SimulatedMosei {
  dataset: PairedDataset;
  /** The video of each row (for splits by video). */
  videos: string[];
}

/** Generator constants (recorded in meta). */
export const SIMULATED_MOSEI = Object.freeze({
  /** Collapsed signal-to-noise ratio α_m² per modality. */
  snr: Object.freeze({ text: 1.5, audio: 0.32, visual: 0.13 }) as Readonly<Record<MoseiModality, number>>,
  /** Frames per segment: uniform integer in [low, high]. */
  frames: Object.freeze({ text: [5, 25], audio: [20, 60], visual: [10, 30] }) as Readonly<Record<MoseiModality, readonly [number, number]>>,
  segmentsPerVideo: [2, 8] as const,
  videoSd: 0.5,
  sharedFactors: 4,
  audioNegInfRate: 0.002,
});

export function simulateMosei(options: SimulatedMoseiOptions): SimulatedMosei {
  if (!Number.isInteger(options.videos) || options.videos < 10) {
    throw new InvalidInputError(`the simulated MOSEI needs at least 10 videos, got ${options.videos}`, { details: { field: 'videos', received: String(options.videos) } });
  }
  const shared = options.shared ?? 1;
  if (!(shared >= 0) || !Number.isFinite(shared)) throw new InvalidInputError(`shared must be a finite number ≥ 0, got ${shared}`, { details: { field: 'shared', received: String(shared) } });
  const dims: Record<MoseiModality, number> = { ...MOSEI_FEATURE_DIMS, ...options.dims };
  const root = new Rng(options.seed).derive('simulated-mosei');
  const r = SIMULATED_MOSEI.sharedFactors;

  const loadings = Object.fromEntries(
    MOSEI_MODALITIES.map((m) => {
      const rng = root.derive(`loadings/${m}`);
      return [m, { a: unitColumns(rng, dims[m], 1), b: unitColumns(rng, dims[m], r) }];
    }),
  ) as Record<MoseiModality, { a: Float64Array; b: Float64Array }>;

  const segRng = root.derive('segments');
  const videos: string[] = [];
  const scores: number[] = [];
  const latents: { t: number; c: Float64Array }[] = [];
  for (let v = 0; v < options.videos; v++) {
    const video = `sim${String(v).padStart(4, '0')}`;
    const w = SIMULATED_MOSEI.videoSd * segRng.normal();
    const [lo, hi] = SIMULATED_MOSEI.segmentsPerVideo;
    const count = lo + segRng.int(hi - lo + 1);
    for (let s = 0; s < count; s++) {
      const t = segRng.normal() + w;
      videos.push(video);
      scores.push(Math.round(3 * 3 * Math.tanh(0.8 * t)) / 3);
      latents.push({ t, c: segRng.normals(r) });
    }
  }

  const labelled = sentimentLabels(scores, options.label ?? 'binary');
  const keep = labelled.keep;
  const drops: MoseiDrops = emptyDrops();
  drops.sentimentZero = scores.length - keep.length;
  const modalities: Record<string, Matrix> = {};
  for (const m of MOSEI_MODALITIES) {
    const rng = root.derive(`frames/${m}`);
    const d = dims[m];
    const out = new Float32Array(keep.length * d);
    const alpha = Math.sqrt(SIMULATED_MOSEI.snr[m]);
    const [fLo, fHi] = SIMULATED_MOSEI.frames[m];
    const { a, b } = loadings[m];
    const mean = new Float64Array(d);
    keep.forEach((row, k) => {
      const { t, c } = latents[row];
      for (let j = 0; j < d; j++) {
        let x = alpha * a[j] * t;
        for (let q = 0; q < r; q++) x += shared * b[j * r + q] * c[q];
        mean[j] = x;
      }
      const frames = fLo + rng.int(fHi - fLo + 1);
      const sd = Math.sqrt(frames);
      const block = new Float64Array(frames * d);
      for (let f = 0; f < frames; f++) {
        for (let j = 0; j < d; j++) {
          block[f * d + j] = m === 'audio' && rng.uniform() < SIMULATED_MOSEI.audioNegInfRate ? Number.NEGATIVE_INFINITY : mean[j] + sd * rng.normal();
        }
      }
      drops.nonFinite[m] += segmentMean(block, null, frames, d, out, k * d);
    });
    modalities[m] = new Matrix(out, keep.length, d);
  }

  const rowVideos = Array.from(keep, (i) => videos[i]);
  const split = options.split ?? { test: 0.3, val: 0.15 };
  const { splits } = videoSplit(rowVideos, { ...split, seed: root.derive('split') });
  const dataset: PairedDataset = {
    name: 'cmu-mosei-simulated',
    source: 'simulated',
    task: labelled.task,
    modalities,
    featureShapes: Object.fromEntries(MOSEI_MODALITIES.map((m) => [m, [dims[m]]])),
    labels: labelled.labels,
    ...(labelled.classes !== undefined ? { classes: labelled.classes } : {}),
    splits,
    meta: {
      generator: 'simulateMosei',
      seed: options.seed,
      videos: options.videos,
      segments: keep.length,
      shared,
      label: options.label ?? 'binary',
      dims,
      constants: SIMULATED_MOSEI,
      drops,
    },
  };
  assertPairedDataset(dataset);
  return { dataset, videos: rowVideos };
}

/** A d × k matrix (row-major) of i.i.d. normal columns, each scaled to unit norm. */
function unitColumns(rng: Rng, d: number, k: number): Float64Array {
  const m = rng.normals(d * k);
  for (let q = 0; q < k; q++) {
    let norm = 0;
    for (let j = 0; j < d; j++) norm += m[j * k + q] ** 2;
    const s = 1 / Math.sqrt(norm);
    for (let j = 0; j < d; j++) m[j * k + q] *= s;
  }
  return m;
}
