// Test helpers of @cch-lab/data-tcga, exported as the `testing` namespace: fixture folders in each
// layout, written from a small simulated cohort. Re-exports only.
export { makeTempDir, removeDir, writeText } from './temp-dir.js';
export { tinyCohort, featureNamesOf, sampleIdsOf } from './tiny-cohort.js';
export type { TinyCohortOptions } from './tiny-cohort.js';
export { writeMogonetFolder } from './write-mogonet-folder.js';
export type { MogonetFixtureOptions } from './write-mogonet-folder.js';
export { writeMogcnFolder } from './write-mogcn-folder.js';
export type { MogcnFixtureOptions } from './write-mogcn-folder.js';
export { writeXenaFolder, NORMAL_OFFSET, ALIQUOT_OFFSET } from './write-xena-folder.js';
export type { XenaFixtureOptions, XenaFixture } from './write-xena-folder.js';
