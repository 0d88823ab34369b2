/**
 * The common word-aligned CMU-MOSEI arrays: text (N, 50, 300), audio (N, 50, 74), vision (N, 50, 35)
 * and labels (N, 1, 1) — as .npy files (per split folder train/ valid/ test/, or at the top) or as
 * datasets of one HDF5 file (`<split>/text` … or top-level `text` …). Each row is collapsed over
 * its non-padding steps (collapsePadded); a row that is all padding in a modality is dropped and
 * counted (`segmentsNoFrames`).
 */
import path from 'node:path';
import { InvalidInputError } from '@cch-lab/core';
import { readNpy } from '@cch-lab/data';
import { getEntity, groupKeys, isDataset, isGroup, openHdf5, readFloats } from '../hdf5/open-hdf5.js';
import type { H5File } from '../hdf5/open-hdf5.js';
import { MOSEI_ARRAY_NAMES, MOSEI_ARRAY_SPLITS } from '../files/resolve-options.js';
import type { MoseiArraySplit, MoseiSequenceKey, ResolvedMosei } from '../files/resolve-options.js';
import { MOSEI_FEATURE_DIMS, MOSEI_MODALITIES, emptyDrops } from '../types.js';
import type { MoseiDrops, MoseiModality, MoseiSegments } from '../types.js';
import { filledSegments, segmentBuffers } from '../collapse/segment-buffers.js';
import { collapsePadded } from './collapse-padded.js';

const WHAT = 'arrays file';
const KEYS = [...MOSEI_MODALITIES, 'labels'] as const;

/** One block of arrays (a split, or the whole set) before collapsing. */
interface RawBlock {
  split?: MoseiArraySplit;
  arrays: Record<MoseiSequenceKey, { data: Float32Array | Float64Array; shape: number[]; where: { file: string; dataset?: string } }>;
}

export interface ArraysResult {
  segments: MoseiSegments;
  drops: MoseiDrops;
  /** Rows read (per split when the split is kept) and rows kept. */
  rowsRead: number;
  rowsBySplit?: Record<MoseiArraySplit, number>;
  /** The split stored with the arrays, as indices into `segments` (absent without split folders / groups). */
  fixedSplit?: Record<MoseiArraySplit, Int32Array>;
  /** Steps per row (50 in the common files). */
  steps: number;
}

/**
 * Reads and collapses the arrays `resolved` names (resolveMoseiOptions, files present).
 *
 * @throws InvalidInputError naming the file (and dataset) for a wrong rank or width, arrays of
 *   different N or steps, non-numeric or non-finite labels, or an unreadable file.
 */
export async function readArrays(resolved: ResolvedMosei): Promise<ArraysResult> {
  const arrays = resolved.arrays as NonNullable<ResolvedMosei['arrays']>;
  const blocks = arrays.format === 'hdf5' ? await readHdf5Blocks(arrays.files[0]) : readNpyBlocks(resolved.path, arrays.format === 'npy-splits');
  return collapseBlocks(blocks);
}

function readNpyBlocks(root: string, splits: boolean): RawBlock[] {
  const one = (dir: string, split?: MoseiArraySplit): RawBlock => {
    const out = {} as RawBlock['arrays'];
    for (const k of KEYS) {
      const file = path.join(dir, `${MOSEI_ARRAY_NAMES[k]}.npy`);
      const { data, shape } = readNpy(file);
      if (!(data instanceof Float32Array || data instanceof Float64Array)) {
        throw new InvalidInputError(`'${MOSEI_ARRAY_NAMES[k]}' must hold floats (float32 or float64)`, { details: { file, field: 'dtype', received: data.constructor.name } });
      }
      out[k] = { data, shape, where: { file } };
    }
    return split === undefined ? { arrays: out } : { split, arrays: out };
  };
  return splits ? MOSEI_ARRAY_SPLITS.map((s) => one(path.join(root, s), s)) : [one(root)];
}

async function readHdf5Blocks(file: string): Promise<RawBlock[]> {
  const h5 = await openHdf5(file, WHAT);
  try {
    const top = groupKeys(h5, file, WHAT);
    const splitGroups = MOSEI_ARRAY_SPLITS.filter((s) => top.includes(s));
    if (splitGroups.length > 0) return MOSEI_ARRAY_SPLITS.map((s) => ({ split: s, arrays: readHdf5Set(h5, file, s) }));
    return [{ arrays: readHdf5Set(h5, file, undefined) }];
  } finally {
    h5.close();
  }
}

function readHdf5Set(h5: H5File, file: string, split: MoseiArraySplit | undefined): RawBlock['arrays'] {
  const group = split === undefined ? h5 : getEntity(h5, split, file, WHAT);
  if (!isGroup(group)) {
    throw new InvalidInputError(`missing group '/${split}': an arrays file with split groups needs all of ${MOSEI_ARRAY_SPLITS.map((s) => `/${s}`).join(', ')}`, {
      details: { file, field: `/${split}`, group: `/${split}`, received: 'absent' },
      hint: 'write every split, or all arrays at the top level without splits',
    });
  }
  const out = {} as RawBlock['arrays'];
  for (const k of KEYS) {
    const name = `${split === undefined ? '' : `/${split}`}/${MOSEI_ARRAY_NAMES[k]}`;
    const ds = getEntity(group, MOSEI_ARRAY_NAMES[k], file, WHAT);
    if (!isDataset(ds)) {
      throw new InvalidInputError(`missing dataset '${name}'`, {
        details: { file, field: name, dataset: name, received: ds === null ? 'absent' : 'not a dataset' },
        hint: `the arrays file needs ${KEYS.map((x) => MOSEI_ARRAY_NAMES[x]).join(', ')}${split === undefined ? ' at the top level' : ` in every split group`}`,
      });
    }
    out[k] = { data: readFloats(ds, file, WHAT), shape: ds.shape ?? [], where: { file, dataset: name } };
  }
  return out;
}

function collapseBlocks(blocks: RawBlock[]): ArraysResult {
  let total = 0;
  let steps = -1;
  for (const b of blocks) {
    const n = checkBlock(b);
    total += n;
    for (const m of MOSEI_MODALITIES) {
      const s = b.arrays[m].shape[1];
      if (steps === -1) steps = s;
    }
  }
  const dims = { ...MOSEI_FEATURE_DIMS };
  const buffers = segmentBuffers(total, dims);
  const { features, sentiment } = buffers;
  const ids: string[] = [];
  const videos: string[] = [];
  const drops = emptyDrops();
  const fixed: Record<MoseiArraySplit, number[]> = { train: [], valid: [], test: [] };
  const rowsBySplit: Record<MoseiArraySplit, number> = { train: 0, valid: 0, test: 0 };
  for (const b of blocks) {
    const n = b.arrays.labels.shape[0];
    if (b.split !== undefined) rowsBySplit[b.split] = n;
    const scratch = new Int32Array(Math.max(1, ...MOSEI_MODALITIES.map((m) => b.arrays[m].shape[1])));
    for (let r = 0; r < n; r++) {
      const k = ids.length;
      let dropped = false;
      let nonFinite = { text: 0, audio: 0, visual: 0 };
      for (const m of MOSEI_MODALITIES) {
        const a = b.arrays[m];
        const got = collapsePadded(a.data, r, a.shape[1], dims[m], features[m], k * dims[m], scratch);
        if (got === null) {
          drops.segmentsNoFrames[m] += 1;
          dropped = true;
        } else nonFinite = { ...nonFinite, [m]: got };
      }
      if (dropped) {
        // Zero the partial row so the next kept row overwrites clean memory.
        for (const m of MOSEI_MODALITIES) features[m].fill(0, k * dims[m], (k + 1) * dims[m]);
        continue;
      }
      for (const m of MOSEI_MODALITIES) drops.nonFinite[m] += nonFinite[m];
      const video = b.split === undefined ? `row${r}` : `${b.split}-${r}`;
      ids.push(`${video}[0]`);
      videos.push(video);
      sentiment[k] = b.arrays.labels.data[r];
      if (b.split !== undefined) fixed[b.split].push(k);
    }
  }
  const result: ArraysResult = {
    segments: filledSegments(buffers, ids, videos, dims),
    drops,
    rowsRead: total,
    steps: Math.max(steps, 0),
  };
  if (blocks[0]?.split !== undefined) {
    result.rowsBySplit = rowsBySplit;
    result.fixedSplit = { train: Int32Array.from(fixed.train), valid: Int32Array.from(fixed.valid), test: Int32Array.from(fixed.test) };
  }
  return result;
}

/** Checks ranks, widths, N and steps of one block; returns N. */
function checkBlock(b: RawBlock): number {
  const labels = b.arrays.labels;
  const n = labels.shape[0] ?? 0;
  const per = labels.shape.slice(1).reduce((a, c) => a * c, 1);
  if (labels.shape.length === 0 || per !== 1) {
    throw bad(labels.where, `labels must be (N,), (N, 1) or (N, 1, 1): one sentiment score per row`, `shape (${labels.shape.join(', ')})`);
  }
  for (let r = 0; r < n; r++) {
    if (!Number.isFinite(labels.data[r])) throw bad(labels.where, `sentiment score of row ${r + 1} (1-based) is ${labels.data[r]}; scores must be finite`, String(labels.data[r]));
  }
  let steps = -1;
  let stepsOf = '';
  for (const m of MOSEI_MODALITIES) {
    const a = b.arrays[m];
    const name = MOSEI_ARRAY_NAMES[m];
    if (a.shape.length !== 3) throw bad(a.where, `'${name}' must be 3-d (N, steps, ${MOSEI_FEATURE_DIMS[m]})`, `shape (${a.shape.join(', ')})`);
    if (a.shape[2] !== MOSEI_FEATURE_DIMS[m]) throw bad(a.where, `'${name}' must have ${MOSEI_FEATURE_DIMS[m]} features per step`, `shape (${a.shape.join(', ')})`);
    if (a.shape[0] !== n) {
      throw bad(a.where, `'${name}' has ${a.shape[0]} rows but labels ${n}: every array of a set must have the same N`, `N = ${a.shape[0]} vs labels N = ${n} (${describe(labels.where)})`);
    }
    if (steps === -1) {
      steps = a.shape[1];
      stepsOf = name;
    } else if (a.shape[1] !== steps) {
      throw bad(a.where, `'${name}' has ${a.shape[1]} steps per row but '${stepsOf}' has ${steps}`, `shape (${a.shape.join(', ')})`);
    }
  }
  return n;
}

function describe(where: { file: string; dataset?: string }): string {
  return where.dataset === undefined ? where.file : `${where.file}:${where.dataset}`;
}

function bad(where: { file: string; dataset?: string }, message: string, received: string): InvalidInputError {
  return new InvalidInputError(message, {
    details: { file: where.file, ...(where.dataset !== undefined ? { field: where.dataset, dataset: where.dataset } : {}), received },
    hint: 'the arrays layout holds text (N, 50, 300), audio (N, 50, 74), vision (N, 50, 35) and labels (N, 1, 1) per split; see the package README',
  });
}
