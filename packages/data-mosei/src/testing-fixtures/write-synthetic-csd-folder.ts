/**
 * A larger `.csd` folder for end-to-end runs of the real-data path: the SDK's four sequences
 * (h5wasm, gzip 9 with explicit chunks) holding frames whose mean carries the segment's sentiment
 * along a random direction, text clearest and visual faintest, with frames in the gaps between
 * labelled segments (which alignment must leave out). Video ids come from the standard folds, so a
 * load splits them by the folds. Test data, not a stand-in: the experiments never read it.
 */
import path from 'node:path';
import { Rng } from '@cch-lab/core';
import { MOSEI_STANDARD_FOLDS } from '../folds/standard-folds.js';
import { MOSEI_FEATURE_DIMS, MOSEI_MODALITIES, MOSEI_SEQUENCES, type MoseiModality } from '../types.js';
import { writeCsdFile, type CsdFileSpec } from './write-csd-file.js';

export interface SyntheticCsdOptions {
  /** Videos (split 60 / 20 / 20 over the standard train / valid / test folds). */
  videos: number;
  seed: number;
  segmentsPerVideo?: number;
  framesPerSegment?: number;
  dims?: Partial<Record<MoseiModality, number>>;
}

const SIGNAL: Readonly<Record<MoseiModality, number>> = Object.freeze({ text: 1.5, audio: 0.8, visual: 0.5 });

export async function writeSyntheticCsdFolder(dir: string, options: SyntheticCsdOptions): Promise<void> {
  const rng = new Rng(options.seed);
  const segments = options.segmentsPerVideo ?? 5;
  const frames = options.framesPerSegment ?? 6;
  const dims: Record<MoseiModality, number> = { ...MOSEI_FEATURE_DIMS, ...options.dims };
  const nTrain = Math.round(options.videos * 0.6);
  const nValid = Math.round(options.videos * 0.2);
  const ids = [
    ...MOSEI_STANDARD_FOLDS.train.slice(0, nTrain),
    ...MOSEI_STANDARD_FOLDS.valid.slice(0, nValid),
    ...MOSEI_STANDARD_FOLDS.test.slice(0, options.videos - nTrain - nValid),
  ];
  const latent = new Map(ids.map((v) => [v, Array.from({ length: segments }, () => rng.normal())]));
  const labels: CsdFileSpec['videos'] = {};
  for (const v of ids) {
    const t = latent.get(v) as number[];
    const features = new Float64Array(segments * 7);
    t.forEach((x, i) => (features[i * 7] = Math.round(9 * Math.tanh(0.8 * x)) / 3));
    labels[v] = { features, intervals: t.map((_, i) => [10 * i, 10 * i + 8] as const) };
  }
  await writeCsdFile(path.join(dir, `${MOSEI_SEQUENCES.labels}.csd`), { root: MOSEI_SEQUENCES.labels, dim: 7, videos: labels, metadata: { 'root name': MOSEI_SEQUENCES.labels } });
  for (const m of MOSEI_MODALITIES) {
    const d = dims[m];
    const direction = rng.normals(d);
    const norm = Math.sqrt(direction.reduce((s, x) => s + x * x, 0));
    const videos: CsdFileSpec['videos'] = {};
    for (const v of ids) {
      const t = latent.get(v) as number[];
      const rows = segments * (frames + 1);
      const features = new Float32Array(rows * d);
      const intervals: (readonly [number, number])[] = [];
      let r = 0;
      t.forEach((x, i) => {
        const step = 8 / frames;
        for (let f = 0; f <= frames; f++) {
          // The last frame of each segment lies in the gap after it: no segment's frame.
          const start = f < frames ? 10 * i + f * step : 10 * i + 8.5;
          intervals.push([start, f < frames ? start + step : start + 1]);
          const signal = f < frames ? (SIGNAL[m] * x) / norm : 0;
          for (let j = 0; j < d; j++) features[r * d + j] = signal * direction[j] + Math.sqrt(frames) * rng.normal();
          r++;
        }
      });
      videos[v] = { features, intervals };
    }
    await writeCsdFile(path.join(dir, `${MOSEI_SEQUENCES[m]}.csd`), { root: MOSEI_SEQUENCES[m], dim: d, videos, metadata: { 'root name': MOSEI_SEQUENCES[m] } });
  }
}
