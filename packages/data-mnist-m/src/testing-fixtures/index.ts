// Test helpers of @cch-lab/data-mnist-m, exported as the `testing` namespace: generated IDX folders
// and PNG fixtures. Re-exports only.
export { makeTempDir, removeDir } from './temp-dir.js';
export { idxBytes, writeIdxFolder } from './idx-folder.js';
export type { IdxFolderOptions, IdxFolder } from './idx-folder.js';
export { gradientRgb, writeBackgroundPngs, writeMnistMPngFolder } from './png-fixtures.js';
export type { MnistMPngFolder } from './png-fixtures.js';
