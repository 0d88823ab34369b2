// Test helpers of @cch-lab/data-mosei, exported as the `testing` namespace: .csd and arrays fixture
// folders written with h5wasm / writeNpyAtomic, and the committed h5py-written fixture. Re-exports only.
export { makeTempDir, removeDir } from './temp-dir.js';
export { writeCsdFile } from './write-csd-file.js';
export type { CsdFileSpec, CsdVideoSpec } from './write-csd-file.js';
export { writeCsdFolder } from './write-csd-folder.js';
export type { CsdFolderOptions } from './write-csd-folder.js';
export { writeArraysFolder, arraysValue, ARRAY_SENTIMENTS } from './write-arrays-folder.js';
export type { ArraysFolderOptions } from './write-arrays-folder.js';
export { TINY_BASE, TINY_VIDEO_BASE, TINY_SEGMENTS, TINY_FRAMES, TINY_NON_FINITE, tinyValue, tinyFeatures, tinyExpectedMean } from './tiny-mosei.js';
export type { Interval } from './tiny-mosei.js';
export { SDK_FIXTURE_DIR } from './sdk-fixture.js';
export { writeSyntheticCsdFolder } from './write-synthetic-csd-folder.js';
export type { SyntheticCsdOptions } from './write-synthetic-csd-folder.js';
