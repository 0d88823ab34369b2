/** `loadMosei`'s options, checked once, and the exact files each layout reads. */
import fs from 'node:fs';
import path from 'node:path';
import { InvalidInputError } from '@cch-lab/core';
import { MOSEI_LABEL_MODES, MOSEI_LAYOUTS, MOSEI_MODALITIES, MOSEI_SEQUENCES } from '../types.js';
import type { MoseiLabelMode, MoseiLayout, MoseiModality } from '../types.js';

/** Where to fetch the data (loaders' messages point here). */
export const MOSEI_DATA_SCRIPT = 'data-scripts/mosei/README.md';

/** The arrays layout's split folders (the common pickles' names: train / valid / test). */
export const MOSEI_ARRAY_SPLITS = ['train', 'valid', 'test'] as const;
export type MoseiArraySplit = (typeof MOSEI_ARRAY_SPLITS)[number];

/** Array names of the arrays layout, per modality (the common files call the visual one `vision`). */
export const MOSEI_ARRAY_NAMES: Readonly<Record<MoseiModality | 'labels', string>> = Object.freeze({ text: 'text', audio: 'audio', visual: 'vision', labels: 'labels' });

/** The arrays layout's HDF5 file, read when there are no .npy files. */
export const MOSEI_ARRAYS_HDF5 = 'mosei_aligned.h5';

/** Seed and fractions of the split of videos no standard fold lists (and of split-less arrays). */
export const MOSEI_DEFAULT_SPLIT = Object.freeze({ test: 0.2, val: 0.1, seed: 20240607 });

export type MoseiSequenceKey = MoseiModality | 'labels';

export interface MoseiLoadOptions {
  /** The data set's folder. */
  path: string;
  layout: MoseiLayout;
  /** Label mode (MOSEI_LABEL_MODES). Default 'binary'. */
  label?: MoseiLabelMode;
  /** csd: file names (relative to `path`) per sequence. Default `<MOSEI_SEQUENCES[x]>.csd`. */
  files?: Partial<Record<MoseiSequenceKey, string>>;
  /** arrays: the HDF5 file read when no .npy files are there. Default MOSEI_ARRAYS_HDF5. */
  arraysFile?: string;
  /** Split of videos the standard folds do not list (and of split-less arrays). Default MOSEI_DEFAULT_SPLIT. */
  split?: { test: number; val: number; seed: number };
}

export type ArraysFormat = 'npy-splits' | 'npy' | 'hdf5';

export interface ResolvedMosei {
  path: string;
  layout: MoseiLayout;
  label: MoseiLabelMode;
  split: { test: number; val: number; seed: number };
  /** csd: absolute file per sequence. */
  csd?: Record<MoseiSequenceKey, string>;
  /** arrays: the format found and its files (absolute, reading order). */
  arrays?: { format: ArraysFormat; files: string[] };
  /** Every file read, in reading order. */
  files: string[];
  /** Files expected but absent. */
  missing: string[];
}

/**
 * Checks options and locates files (nothing is read).
 * @throws InvalidInputError for an unknown layout or label mode, an empty path, or a bad split.
 */
export function resolveMoseiOptions(options: MoseiLoadOptions): ResolvedMosei {
  if (typeof options.path !== 'string' || options.path === '') {
    throw new InvalidInputError("'path' must be the CMU-MOSEI folder", { details: { field: 'path', received: String(options.path) } });
  }
  if (!(MOSEI_LAYOUTS as readonly string[]).includes(options.layout)) {
    throw new InvalidInputError(`unknown MOSEI layout; expected one of: ${MOSEI_LAYOUTS.join(', ')}`, { details: { field: 'layout', received: String(options.layout) } });
  }
  const label = options.label ?? 'binary';
  if (!(MOSEI_LABEL_MODES as readonly string[]).includes(label)) {
    throw new InvalidInputError(`unknown MOSEI label mode; expected one of: ${MOSEI_LABEL_MODES.join(', ')}`, { details: { field: 'label', received: String(label) } });
  }
  const split = options.split ?? { ...MOSEI_DEFAULT_SPLIT };
  const ok = (x: number): boolean => Number.isFinite(x) && x >= 0 && x < 1;
  if (!ok(split.test) || !ok(split.val) || split.test + split.val >= 1 || !Number.isInteger(split.seed)) {
    throw new InvalidInputError('split needs test and val fractions in [0, 1) with test + val < 1, and an integer seed', {
      details: { field: 'split', received: JSON.stringify(split) },
    });
  }
  const root = path.resolve(options.path);
  const base = { path: root, layout: options.layout, label, split };
  if (options.layout === 'csd') {
    const csd = {} as Record<MoseiSequenceKey, string>;
    for (const key of [...MOSEI_MODALITIES, 'labels'] as const) csd[key] = path.resolve(root, options.files?.[key] ?? `${MOSEI_SEQUENCES[key]}.csd`);
    const files = Object.values(csd);
    return { ...base, csd, files, missing: files.filter((f) => !isFile(f)) };
  }
  const names = [...MOSEI_MODALITIES, 'labels'] as const;
  const npy = (dir: string): string[] => names.map((k) => path.join(dir, `${MOSEI_ARRAY_NAMES[k]}.npy`));
  if (MOSEI_ARRAY_SPLITS.some((s) => isDir(path.join(root, s)))) {
    const files = MOSEI_ARRAY_SPLITS.flatMap((s) => npy(path.join(root, s)));
    return { ...base, arrays: { format: 'npy-splits', files }, files, missing: files.filter((f) => !isFile(f)) };
  }
  const flat = npy(root);
  const h5 = path.resolve(root, options.arraysFile ?? MOSEI_ARRAYS_HDF5);
  if (flat.some(isFile) || !isFile(h5)) {
    const missing = flat.filter((f) => !isFile(f));
    // Neither format is there: say both (the split folders are a third choice, in the hint).
    if (missing.length === flat.length) missing.push(h5);
    return { ...base, arrays: { format: 'npy', files: flat }, files: flat, missing };
  }
  return { ...base, arrays: { format: 'hdf5', files: [h5] }, files: [h5], missing: [] };
}

function isFile(f: string): boolean {
  return fs.statSync(f, { throwIfNoEntry: false })?.isFile() === true;
}

function isDir(f: string): boolean {
  return fs.statSync(f, { throwIfNoEntry: false })?.isDirectory() === true;
}
