// @cch-lab/data-tcga — the public surface. Re-exports only.

// Closed sets, options and metadata
export { OMICS, TCGA_LAYOUTS, TCGA_COHORTS, DROP_REASONS, LOG2_HINTS } from './types.js';
export type {
  Omics,
  TcgaLayout,
  TcgaCohort,
  TcgaSource,
  DropReason,
  TcgaLoadOptions,
  TcgaSourceDrops,
  TcgaDrops,
  Log2Hint,
  MissingCells,
  TcgaMeta,
} from './types.js';

// Files and loading
export { MOGCN_FILES, MOGCN_LABELS_FILE, XENA_FILES, MOGONET_VIEWS, TCGA_DATA_SCRIPT } from './files/resolve-options.js';
export { tcgaFiles } from './files/tcga-files.js';
export { loadTcga, TCGA_DEFAULT_SPLIT_SEED, TCGA_DEFAULT_SPLIT } from './load-tcga.js';
export { PRIMARY_TUMOUR_TYPE, parseBarcode } from './readers/barcode.js';
export type { ParsedBarcode } from './readers/barcode.js';
export { XENA_LABEL_COLUMNS, STAGE_COLUMN, stageGroup } from './readers/label-rules.js';

// Checking a folder
export { verifyTcga } from './verify/verify-tcga.js';
export type { TcgaVerifyReport, TcgaVerifyOmics } from './verify/verify-tcga.js';
export { formatTcgaVerify } from './verify/format-tcga-verify.js';

// Preprocessing (fitted on training rows only)
export { preprocessOmics } from './preprocess/preprocess-omics.js';
export type { OmicsPreprocessOptions, OmicsPreprocessRecord, PreprocessReport } from './preprocess/preprocess-omics.js';
export { COUNTS_MIN_MAX } from './preprocess/log2-rule.js';

// Simulated stand-in
export { simulateTcgaCohort, SIMULATED_FEATURES, SIMULATED_SEPARATION, SIMULATION_CONSTANTS } from './simulate/simulate-tcga-cohort.js';
export type { SimulatedCohortOptions } from './simulate/simulate-tcga-cohort.js';
export { COHORT_PROFILES } from './simulate/cohort-profiles.js';
export type { CohortProfile } from './simulate/cohort-profiles.js';

// Test helpers
export * as testing from './testing-fixtures/index.js';
