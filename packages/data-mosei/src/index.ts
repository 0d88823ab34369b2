// @cch-lab/data-mosei — the public surface. Re-exports only.

// Closed sets and shapes
export { MOSEI_MODALITIES, MOSEI_LABEL_MODES, MOSEI_LAYOUTS, MOSEI_FEATURE_DIMS, MOSEI_SEQUENCES, emptyDrops } from './types.js';
export type { MoseiModality, MoseiLabelMode, MoseiLayout, MoseiSegments, MoseiDrops } from './types.js';

// Collapse, labels, splits
export { segmentMean } from './collapse/segment-mean.js';
export { sentimentLabels } from './labels/sentiment-labels.js';
export type { SentimentLabels } from './labels/sentiment-labels.js';
export { videoSplit } from './splits/video-split.js';
export type { StandardFolds, VideoSplitOptions, VideoSplit } from './splits/video-split.js';
export { MOSEI_STANDARD_FOLDS, MOSEI_STANDARD_FOLDS_SOURCE } from './folds/standard-folds.js';

// Reading the SDK's computational sequences and aligning them to the labelled segments
export { HDF5_SIGNATURE } from './hdf5/open-hdf5.js';
export { openCsd, readCsd } from './csd/read-csd.js';
export type { CsdSequence, CsdVideo, CsdContents } from './csd/read-csd.js';
export { MOSEI_EPSILON, intersectFrames, isZeroLength } from './align/intersect-frames.js';
export { alignToLabels } from './align/align-to-labels.js';
export type { AlignSources, AlignCounts, AlignResult } from './align/align-to-labels.js';

// The word-aligned arrays
export { collapsePadded } from './arrays/collapse-padded.js';

// Files and loading
export { MOSEI_DATA_SCRIPT, MOSEI_ARRAY_SPLITS, MOSEI_ARRAY_NAMES, MOSEI_ARRAYS_HDF5, MOSEI_DEFAULT_SPLIT } from './files/resolve-options.js';
export type { MoseiLoadOptions, MoseiArraySplit, MoseiSequenceKey, ArraysFormat } from './files/resolve-options.js';
export { moseiDataFiles } from './files/mosei-files.js';
export { loadMosei } from './load-mosei.js';
export type { MoseiSplitProvenance } from './load-mosei.js';
export type { MoseiSequenceInfo } from './read-mosei-segments.js';

// Checking a folder
export { verifyMosei } from './verify/verify-mosei.js';
export type { MoseiVerifyReport } from './verify/verify-mosei.js';
export { formatMoseiVerify } from './verify/format-mosei-verify.js';

// Test helpers
export * as testing from './testing-fixtures/index.js';

// Simulated stand-in
export { simulateMosei, SIMULATED_MOSEI } from './simulate/simulate-mosei.js';
export type { SimulatedMoseiOptions, SimulatedMosei } from './simulate/simulate-mosei.js';
