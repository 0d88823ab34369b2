/**
 * The collapsed segments a reader fills row by row: buffers sized for every segment it might keep,
 * then the filled rows as MoseiSegments (segments dropped while reading leave the tail unused).
 */
import { MOSEI_MODALITIES, type MoseiModality, type MoseiSegments } from '../types.js';

export interface SegmentBuffers {
  sentiment: Float64Array;
  /** capacity × dim per modality, row-major. */
  features: Record<MoseiModality, Float32Array>;
}

export function segmentBuffers(capacity: number, dims: Readonly<Record<MoseiModality, number>>): SegmentBuffers {
  const features = Object.fromEntries(MOSEI_MODALITIES.map((m) => [m, new Float32Array(capacity * dims[m])])) as Record<MoseiModality, Float32Array>;
  return { sentiment: new Float64Array(capacity), features };
}

/** The first `ids.length` rows of the buffers: the segments kept. */
export function filledSegments(buffers: SegmentBuffers, ids: string[], videos: string[], dims: Record<MoseiModality, number>): MoseiSegments {
  const n = ids.length;
  const features = Object.fromEntries(MOSEI_MODALITIES.map((m) => [m, buffers.features[m].slice(0, n * dims[m])])) as Record<MoseiModality, Float32Array>;
  return { ids, videos, sentiment: buffers.sentiment.slice(0, n), features, dims };
}
