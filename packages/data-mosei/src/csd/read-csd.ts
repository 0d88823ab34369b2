/**
 * The CMU Multimodal SDK's computational sequence (`.csd`, HDF5; file_ops.py read_CSD/write_CSD):
 * one root group named after the sequence (taken from the file, never assumed), holding
 * `data/<video>/features` (frames × dim) and `data/<video>/intervals` (frames × 2, seconds), and
 * `metadata/<key>`, each a one-element string dataset holding JSON.
 *
 * `openCsd` checks the whole structure (every video's shapes) up front but reads a video's values
 * only when asked, so alignment streams one video at a time — real COVAREP is gigabytes.
 */
import { InvalidInputError } from '@cch-lab/core';
import { corrupt, getEntity, groupKeys, isDataset, isGroup, openHdf5, readFloats } from '../hdf5/open-hdf5.js';
import type { H5Dataset, H5File, H5Group } from '../hdf5/open-hdf5.js';

const WHAT = 'computational sequence (.csd)';

/** One video of a sequence: `frames` rows of `dim` features and of [start, end] seconds. */
export interface CsdVideo {
  /** frames × dim, row-major, as stored (float32 or float64). */
  features: Float32Array | Float64Array;
  /** frames × 2, row-major: start and end of each frame in seconds. */
  intervals: Float64Array;
  frames: number;
  dim: number;
}

/** An open computational sequence; call `close()` when done (try/finally). */
export interface CsdSequence {
  file: string;
  /** The root group's name (the sequence name). */
  root: string;
  /** Metadata values parsed as JSON, or the raw string when not JSON (as the SDK's metadata_to_dict). */
  metadata: Record<string, unknown>;
  /** Video ids in the file's order. */
  videoIds: string[];
  /** Frames per video (from the shapes; nothing is read). */
  frames: Map<string, number>;
  /** The feature width, shared by every video (0 for a sequence without videos). */
  dim: number;
  has(video: string): boolean;
  /** Reads one video's values. @throws InvalidInputError for an unknown video or unreadable data. */
  read(video: string): CsdVideo;
  close(): void;
}

/** A whole sequence in memory (small files; tests). */
export interface CsdContents {
  file: string;
  root: string;
  metadata: Record<string, unknown>;
  videos: Map<string, CsdVideo>;
}

/**
 * Opens a `.csd` file and checks its structure.
 *
 * @throws InvalidInputError (file and group in `details`) for a file that is not HDF5, truncated or
 *   corrupt; no root group or more than one ("unexpected root"); no `data` group; a video without
 *   `features` or `intervals`; intervals not frames × 2; features not 2-d; feature rows ≠ interval
 *   rows; a feature width that differs between videos.
 */
export async function openCsd(file: string): Promise<CsdSequence> {
  const h5 = await openHdf5(file, WHAT);
  try {
    return describe(h5, file);
  } catch (error) {
    h5.close();
    throw error;
  }
}

/** Reads a whole `.csd` file (every video's values) and closes it. @throws as openCsd. */
export async function readCsd(file: string): Promise<CsdContents> {
  const seq = await openCsd(file);
  try {
    const videos = new Map<string, CsdVideo>();
    for (const v of seq.videoIds) videos.set(v, seq.read(v));
    return { file, root: seq.root, metadata: seq.metadata, videos };
  } finally {
    seq.close();
  }
}

function describe(h5: H5File, file: string): CsdSequence {
  const roots = groupKeys(h5, file, WHAT);
  if (roots.length !== 1) {
    throw new InvalidInputError(`unexpected root: a computational sequence has exactly one top-level group (named after the sequence), this file has ${roots.length}`, {
      details: { file, field: '/', group: '/', received: roots.length === 0 ? 'no groups' : roots.map((r) => `'${r}'`).join(', ') },
      hint: 'each .csd file holds one sequence; split a file with several roots, or check that this is an SDK .csd file',
    });
  }
  const root = roots[0];
  const rootGroup = getEntity(h5, root, file, WHAT);
  if (!isGroup(rootGroup)) {
    throw structural(file, `/${root}`, `the top-level entry '${root}' is not a group`, 'a dataset');
  }
  const data = getEntity(rootGroup, 'data', file, WHAT);
  if (!isGroup(data)) {
    throw structural(file, `/${root}/data`, `missing 'data' group under the root '${root}'`, data === null ? 'no data group' : 'not a group');
  }
  const metadata = readMetadata(rootGroup, root, file);
  const videoIds = groupKeys(data, file, WHAT);
  const frames = new Map<string, number>();
  const datasets = new Map<string, { features: H5Dataset; intervals: H5Dataset }>();
  let dim = -1;
  let dimVideo = '';
  for (const video of videoIds) {
    const group = `/${root}/data/${video}`;
    const vg = getEntity(data, video, file, WHAT);
    if (!isGroup(vg)) throw structural(file, group, `video entry '${video}' is not a group`, 'not a group');
    const features = getEntity(vg, 'features', file, WHAT);
    const intervals = getEntity(vg, 'intervals', file, WHAT);
    if (!isDataset(features)) throw structural(file, `${group}/features`, `video '${video}' has no 'features' dataset`, features === null ? 'missing' : 'not a dataset');
    if (!isDataset(intervals)) throw structural(file, `${group}/intervals`, `video '${video}' has no 'intervals' dataset`, intervals === null ? 'missing' : 'not a dataset');
    const fShape = shapeOf(features, file);
    const iShape = shapeOf(intervals, file);
    if (iShape.length !== 2 || iShape[1] !== 2) {
      throw structural(file, `${group}/intervals`, `intervals of video '${video}' must be frames × 2 (start, end seconds)`, `shape (${iShape.join(', ')})`);
    }
    if (fShape.length !== 2) {
      throw structural(file, `${group}/features`, `features of video '${video}' must be 2-d (frames × dim)`, `shape (${fShape.join(', ')})`);
    }
    if (fShape[0] !== iShape[0]) {
      throw structural(file, `${group}/features`, `video '${video}' has ${fShape[0]} feature rows but ${iShape[0]} intervals`, `${fShape[0]} ≠ ${iShape[0]}`);
    }
    if (dim === -1) {
      dim = fShape[1];
      dimVideo = video;
    } else if (fShape[1] !== dim) {
      throw structural(file, `${group}/features`, `video '${video}' has ${fShape[1]} features per frame but video '${dimVideo}' has ${dim}`, `width ${fShape[1]}`);
    }
    frames.set(video, fShape[0]);
    datasets.set(video, { features, intervals });
  }

  return {
    file,
    root,
    metadata,
    videoIds,
    frames,
    dim: Math.max(dim, 0),
    has: (video) => datasets.has(video),
    read(video) {
      const ds = datasets.get(video);
      if (ds === undefined) {
        throw new InvalidInputError(`video '${video}' is not in the sequence '${root}'`, { details: { file, field: `/${root}/data/${video}`, group: `/${root}/data` } });
      }
      const n = frames.get(video) as number;
      const features = readFloats(ds.features, file, WHAT);
      const raw = readFloats(ds.intervals, file, WHAT);
      const intervals = raw instanceof Float64Array ? raw : Float64Array.from(raw);
      if (features.length !== n * dim || intervals.length !== n * 2) throw corrupt(file, WHAT, undefined, `/${root}/data/${video}`);
      return { features, intervals, frames: n, dim };
    },
    close: () => h5.close(),
  };
}

/** metadata/<key>: a (1,) vlen string; JSON.parse it, else keep the raw string (metadata_to_dict). */
function readMetadata(rootGroup: H5Group, root: string, file: string): Record<string, unknown> {
  const group = getEntity(rootGroup, 'metadata', file, WHAT);
  const out: Record<string, unknown> = {};
  if (!isGroup(group)) return out; // the SDK can read data without metadata; the loader records {}
  for (const key of groupKeys(group, file, WHAT)) {
    const ds = getEntity(group, key, file, WHAT);
    if (!isDataset(ds)) continue;
    let value: unknown;
    try {
      value = ds.value;
    } catch (cause) {
      throw corrupt(file, WHAT, cause, `/${root}/metadata/${key}`);
    }
    const first = Array.isArray(value) ? value[0] : value;
    const text = typeof first === 'string' ? first : first instanceof Uint8Array ? Buffer.from(first).toString('utf8') : undefined;
    if (text === undefined) {
      out[key] = typeof first === 'bigint' ? String(first) : ArrayBuffer.isView(first) ? Array.from(first as unknown as ArrayLike<number>) : first;
      continue;
    }
    try {
      out[key] = JSON.parse(text) as unknown;
    } catch {
      out[key] = text;
    }
  }
  return out;
}

function shapeOf(ds: H5Dataset, file: string): number[] {
  try {
    return ds.shape ?? [];
  } catch (cause) {
    throw corrupt(file, WHAT, cause, ds.path);
  }
}

function structural(file: string, group: string, message: string, received: string): InvalidInputError {
  return new InvalidInputError(message, {
    details: { file, field: group, group, received },
    hint: 'the file does not have the SDK computational-sequence layout (<root>/data/<video>/{features,intervals}); fetch or write it again',
  });
}
