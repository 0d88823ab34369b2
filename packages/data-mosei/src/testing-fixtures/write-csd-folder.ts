/** Writes the tiny MOSEI (tiny-mosei.ts) as four SDK .csd files with h5wasm. */
import path from 'node:path';
import { MOSEI_FEATURE_DIMS, MOSEI_MODALITIES, MOSEI_SEQUENCES } from '../types.js';
import type { MoseiModality } from '../types.js';
import { TINY_FRAMES, TINY_SEGMENTS, tinyFeatures } from './tiny-mosei.js';
import { writeCsdFile } from './write-csd-file.js';
import type { CsdFileSpec } from './write-csd-file.js';

export interface CsdFolderOptions {
  /** Root group name per sequence. Default MOSEI_SEQUENCES. */
  roots?: Partial<Record<MoseiModality | 'labels', string>>;
  /** File names per sequence. Default `<MOSEI_SEQUENCES[x]>.csd`. */
  files?: Partial<Record<MoseiModality | 'labels', string>>;
  /** Changes a spec before it is written (to make an invalid file). */
  edit?: (key: MoseiModality | 'labels', spec: CsdFileSpec) => void;
}

/** Writes the four files into `dir`; returns their paths. */
export async function writeCsdFolder(dir: string, options: CsdFolderOptions = {}): Promise<Record<MoseiModality | 'labels', string>> {
  const out = {} as Record<MoseiModality | 'labels', string>;
  const raw = { 'featureset bib citation': '@article{fixture, title={not json}}' };
  for (const m of MOSEI_MODALITIES) {
    const root = options.roots?.[m] ?? MOSEI_SEQUENCES[m];
    const videos: CsdFileSpec['videos'] = {};
    for (const [video, intervals] of Object.entries(TINY_FRAMES[m])) videos[video] = { features: tinyFeatures(m, video, MOSEI_FEATURE_DIMS[m], m !== 'audio'), intervals };
    const spec: CsdFileSpec = { root, dim: MOSEI_FEATURE_DIMS[m], videos, metadata: { 'root name': root, 'dimension names': [] }, rawMetadata: raw };
    options.edit?.(m, spec);
    out[m] = await writeCsdFile(path.join(dir, options.files?.[m] ?? `${MOSEI_SEQUENCES[m]}.csd`), spec);
  }
  const root = options.roots?.labels ?? MOSEI_SEQUENCES.labels;
  const videos: CsdFileSpec['videos'] = {};
  for (const [video, segments] of Object.entries(TINY_SEGMENTS)) {
    const features = new Float64Array(segments.length * 7);
    segments.forEach(([, , s], i) => {
      features[i * 7] = s;
      for (let e = 1; e < 7; e++) features[i * 7 + e] = (i + e) / 10;
    });
    videos[video] = { features, intervals: segments.map(([a, b]) => [a, b] as const) };
  }
  const spec: CsdFileSpec = { root, dim: 7, videos, metadata: { 'root name': root }, rawMetadata: raw };
  options.edit?.('labels', spec);
  out.labels = await writeCsdFile(path.join(dir, options.files?.labels ?? `${MOSEI_SEQUENCES.labels}.csd`), spec);
  return out;
}
