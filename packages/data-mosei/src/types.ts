/**
 * The closed sets and shapes of CMU-MOSEI as this package reads it: three modalities collapsed
 * per labelled segment, four label modes of the sentiment score, two on-disk layouts.
 */

export const MOSEI_MODALITIES = ['text', 'audio', 'visual'] as const;
export type MoseiModality = (typeof MOSEI_MODALITIES)[number];

/**
 * `binary`: sentiment ≥ 0 vs < 0 (the paper's headline); `binary-nonzero`: > 0 vs < 0, segments
 * scored exactly 0 dropped; `seven-class`: rounded and clipped to −3…3; `sentiment`: the
 * continuous score (regression).
 */
export const MOSEI_LABEL_MODES = ['binary', 'binary-nonzero', 'seven-class', 'sentiment'] as const;
export type MoseiLabelMode = (typeof MOSEI_LABEL_MODES)[number];

/** `csd`: the SDK's computational sequences (HDF5); `arrays`: the common word-aligned arrays. */
export const MOSEI_LAYOUTS = ['csd', 'arrays'] as const;
export type MoseiLayout = (typeof MOSEI_LAYOUTS)[number];

/** Feature widths of the published sequences: GloVe 300, COVAREP 74, FACET 4.2 35. */
export const MOSEI_FEATURE_DIMS: Readonly<Record<MoseiModality, number>> = Object.freeze({ text: 300, audio: 74, visual: 35 });

/** The SDK's sequence (and default `.csd` file) names. */
export const MOSEI_SEQUENCES = Object.freeze({
  text: 'CMU_MOSEI_TimestampedWordVectors',
  audio: 'CMU_MOSEI_COVAREP',
  visual: 'CMU_MOSEI_VisualFacet42',
  labels: 'CMU_MOSEI_Labels',
} as const);

/** Labelled segments with every modality collapsed to one vector each. */
export interface MoseiSegments {
  /** `<video>[<segment index>]`, as the SDK names aligned entries. */
  ids: string[];
  /** The video of each segment (splits never separate a video's segments). */
  videos: string[];
  /** The sentiment score (−3…3) of each segment. */
  sentiment: Float64Array;
  /** Collapsed features, segments × dim, row-major. */
  features: Record<MoseiModality, Float32Array>;
  dims: Record<MoseiModality, number>;
}

/** What was left out while reading, counted (never a crash). */
export interface MoseiDrops {
  /** Videos labelled but absent from a modality (all their segments dropped). */
  videosMissing: Record<MoseiModality, number>;
  /** Segments with no frame overlapping them in a modality. */
  segmentsNoFrames: Record<MoseiModality, number>;
  /** Labelled segments of zero length (skipped, as the SDK does). */
  zeroLengthSegments: number;
  /** Feature values that were NaN or ±inf, replaced by 0 before the mean. */
  nonFinite: Record<MoseiModality, number>;
  /** Segments scored exactly 0, dropped by `binary-nonzero`. */
  sentimentZero: number;
}

export function emptyDrops(): MoseiDrops {
  const zero = (): Record<MoseiModality, number> => ({ text: 0, audio: 0, visual: 0 });
  return { videosMissing: zero(), segmentsNoFrames: zero(), zeroLengthSegments: 0, nonFinite: zero(), sentimentZero: 0 };
}
