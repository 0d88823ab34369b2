/**
 * Writes a tiny word-aligned arrays folder: per split (or at the top) text (N, steps, 300),
 * audio (N, steps, 74), vision (N, steps, 35), labels (N, 1, 1) as .npy, or the same as datasets
 * of one HDF5 file. Row r of a set has `r % steps + 1` real steps at the end (left padding with
 * all-zero steps, as the SDK's get_tensors), value[t, d] = BASE[m] + r + t + d/1000 + 1, and
 * sentiment `SENTIMENTS[r % SENTIMENTS.length]`.
 */
import fs from 'node:fs';
import path from 'node:path';
import h5wasm from 'h5wasm/node';
import { writeNpyAtomic } from '@cch-lab/data';
import { MOSEI_ARRAY_NAMES, MOSEI_ARRAY_SPLITS, MOSEI_ARRAYS_HDF5 } from '../files/resolve-options.js';
import { MOSEI_FEATURE_DIMS, MOSEI_MODALITIES } from '../types.js';
import type { MoseiModality } from '../types.js';
import { TINY_BASE } from './tiny-mosei.js';

/** Sentiment scores cycled over rows. */
export const ARRAY_SENTIMENTS = Object.freeze([1.5, -0.5, 0, 2.5, -3]);

export interface ArraysFolderOptions {
  /** Rows per set; with splits, per split in the order train, valid, test. Default 5, or [6, 3, 4]. */
  rows?: number | readonly [number, number, number];
  /** Steps per row. Default 4. */
  steps?: number;
  /** Write split folders / groups train, valid, test. Default true. */
  splits?: boolean;
  /** 'npy' files or one 'hdf5' file. Default 'npy'. */
  format?: 'npy' | 'hdf5';
  /** Rows (of the train set, or the only set) made all padding in a modality. */
  paddingRows?: ReadonlyArray<readonly [MoseiModality, number]>;
  /** Rows of vision to leave out (mismatched N). */
  shortVision?: number;
  /** Audio value set to −inf at (row 0, last step, column 0). Default true. */
  audioMinusInf?: boolean;
}

/** The value of row r, step t (counted among all steps), column d, or 0 for padding. */
export function arraysValue(m: MoseiModality, r: number, t: number, d: number, steps: number): number {
  const real = (r % steps) + 1;
  return t < steps - real ? 0 : TINY_BASE[m] + r + t + d / 1000 + 1;
}

/** Writes the folder; returns the files written. */
export async function writeArraysFolder(dir: string, options: ArraysFolderOptions = {}): Promise<string[]> {
  const splits = options.splits ?? true;
  const steps = options.steps ?? 4;
  const rows = options.rows ?? (splits ? [6, 3, 4] : 5);
  const sets = splits ? MOSEI_ARRAY_SPLITS.map((s, i) => [s, typeof rows === 'number' ? rows : rows[i]] as const) : ([[undefined, typeof rows === 'number' ? rows : rows[0]]] as const);
  const written: string[] = [];
  const h5 = options.format === 'hdf5' ? (await h5wasm.ready, new h5wasm.File(path.join(dir, MOSEI_ARRAYS_HDF5), 'w')) : undefined;
  try {
    for (const [split, n] of sets) {
      const arrays = buildSet(n, steps, options, split === undefined || split === 'train');
      if (h5 !== undefined) {
        const group = split === undefined ? h5 : h5.create_group(split);
        for (const [name, { data, shape }] of Object.entries(arrays)) {
          group.create_dataset({ name, data, shape, dtype: data instanceof Float32Array ? '<f4' : '<d', chunks: shape.map((s) => Math.max(1, s)), compression: 'gzip', compression_opts: 9 });
        }
      } else {
        const folder = split === undefined ? dir : path.join(dir, split);
        fs.mkdirSync(folder, { recursive: true });
        for (const [name, { data, shape }] of Object.entries(arrays)) {
          const file = path.join(folder, `${name}.npy`);
          writeNpyAtomic(file, data, shape);
          written.push(file);
        }
      }
    }
  } finally {
    h5?.close();
  }
  if (h5 !== undefined) written.push(path.join(dir, MOSEI_ARRAYS_HDF5));
  return written;
}

function buildSet(n: number, steps: number, options: ArraysFolderOptions, first: boolean): Record<string, { data: Float32Array | Float64Array; shape: number[] }> {
  const out: Record<string, { data: Float32Array | Float64Array; shape: number[] }> = {};
  for (const m of MOSEI_MODALITIES) {
    const dim = MOSEI_FEATURE_DIMS[m];
    const rowsHere = m === 'visual' && options.shortVision !== undefined && first ? n - options.shortVision : n;
    const data = new Float32Array(rowsHere * steps * dim);
    for (let r = 0; r < rowsHere; r++) {
      const padded = first && (options.paddingRows ?? []).some(([pm, pr]) => pm === m && pr === r);
      if (padded) continue;
      for (let t = 0; t < steps; t++) for (let d = 0; d < dim; d++) data[(r * steps + t) * dim + d] = arraysValue(m, r, t, d, steps);
    }
    if (m === 'audio' && (options.audioMinusInf ?? true) && rowsHere > 0) data[(steps - 1) * dim] = -Infinity;
    out[MOSEI_ARRAY_NAMES[m]] = { data, shape: [rowsHere, steps, dim] };
  }
  out[MOSEI_ARRAY_NAMES.labels] = { data: Float64Array.from({ length: n }, (_, r) => ARRAY_SENTIMENTS[r % ARRAY_SENTIMENTS.length]), shape: [n, 1, 1] };
  return out;
}
