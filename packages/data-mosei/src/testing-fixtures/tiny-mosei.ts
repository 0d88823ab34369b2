/**
 * The tiny CMU-MOSEI of the fixtures, in one place: the same videos, segments, frames and values
 * as fixtures/make-sdk-fixture.py writes with h5py (value[t, d] = BASE[m] + VIDEO_BASE[v] + t + d/1000),
 * so an h5wasm-written folder and the committed h5py one load to the same numbers.
 */
import type { MoseiModality } from '../types.js';

export type Interval = readonly [number, number];

/** Feature offset per modality. */
export const TINY_BASE: Readonly<Record<MoseiModality, number>> = Object.freeze({ text: 0, audio: 100, visual: 200 });

/** Feature offset per video; the first three are in the standard train, valid and test folds. */
export const TINY_VIDEO_BASE: Readonly<Record<string, number>> = Object.freeze({ '-3nNcZdcdvU': 1, '188343': 10, '7l3BNtSE0xc': 20, zzFixtureVid: 30 });

/** Labelled segments per video: start, end, sentiment. */
export const TINY_SEGMENTS: Readonly<Record<string, ReadonlyArray<readonly [number, number, number]>>> = Object.freeze({
  '-3nNcZdcdvU': [[0, 2, 1], [2, 4, -0.5], [4, 4, 3], [5, 6, 2]],
  '188343': [[0, 3, 0], [3, 6, -2]],
  '7l3BNtSE0xc': [[1, 2, -1.5], [2, 3, 0.5]],
  zzFixtureVid: [[0, 1.5, 0.5], [1.5, 3, -1], [3, 4.5, 1.5]],
});

/** Frame intervals per modality and video; '7l3BNtSE0xc' has no visual frames at all. */
export const TINY_FRAMES: Readonly<Record<MoseiModality, Readonly<Record<string, readonly Interval[]>>>> = Object.freeze({
  text: {
    '-3nNcZdcdvU': [[0, 0.5], [0.5, 1.5], [1.5, 2.5], [2.5, 4], [5.5, 7]],
    '188343': [[0, 1], [1, 3], [3, 6]],
    '7l3BNtSE0xc': [[1, 1.5], [1.5, 3]],
    zzFixtureVid: [[0, 0.75], [0.75, 1.5], [1.5, 3], [3, 4.5]],
  },
  audio: {
    '-3nNcZdcdvU': [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 6]],
    '188343': [[0, 2], [2, 4], [4, 6]],
    '7l3BNtSE0xc': [[1, 2], [2, 3]],
    zzFixtureVid: [[0, 1.5], [1.5, 3], [3, 4.5]],
  },
  visual: {
    '-3nNcZdcdvU': [[0, 1.5], [1.5, 3], [3, 4]],
    '188343': [[0, 6]],
    zzFixtureVid: [[0, 1], [1, 2], [2, 3], [3, 4.5]],
  },
});

/** The non-finite cells: modality, video, row, column, value. */
export const TINY_NON_FINITE: ReadonlyArray<readonly [MoseiModality, string, number, number, number]> = Object.freeze([
  ['audio', '-3nNcZdcdvU', 0, 3, -Infinity],
  ['visual', 'zzFixtureVid', 0, 0, Number.NaN],
]);

/** value[t, d] of the formula (before the non-finite cells). */
export function tinyValue(modality: MoseiModality, video: string, t: number, d: number): number {
  return TINY_BASE[modality] + (TINY_VIDEO_BASE[video] as number) + t + d / 1000;
}

/** frames × dim features of one video (non-finite cells included). */
export function tinyFeatures(modality: MoseiModality, video: string, dim: number, float32: boolean): Float32Array | Float64Array {
  const frames = TINY_FRAMES[modality][video]?.length ?? 0;
  const out = float32 ? new Float32Array(frames * dim) : new Float64Array(frames * dim);
  for (let t = 0; t < frames; t++) for (let d = 0; d < dim; d++) out[t * dim + d] = tinyValue(modality, video, t, d);
  for (const [m, v, r, c, value] of TINY_NON_FINITE) if (m === modality && v === video) out[r * dim + c] = value;
  return out;
}

/**
 * The expected collapsed value of column d of a segment: the mean of the formula over `rows`
 * (the frames that intersect it), a non-finite cell counting as 0.
 */
export function tinyExpectedMean(modality: MoseiModality, video: string, rows: readonly number[], d: number): number {
  let sum = 0;
  for (const t of rows) {
    const nonFinite = TINY_NON_FINITE.some(([m, v, r, c]) => m === modality && v === video && r === t && c === d);
    sum += nonFinite ? 0 : tinyValue(modality, video, t, d);
  }
  return sum / rows.length;
}
