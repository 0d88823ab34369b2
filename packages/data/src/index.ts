// @cch-lab/data — the public surface. Re-exports only.

// The PairedDataset contract
export { DATA_SOURCES, TASKS } from './types.js';
export type { DataSource, Task, Splits, PairedDataset } from './types.js';
export { assertPairedDataset } from './contract/assert-paired-dataset.js';
export { subsetRows } from './contract/subset-rows.js';
export { SPLIT_NAMES, splitView } from './contract/split-view.js';
export type { SplitName, SplitView } from './contract/split-view.js';

// Splits
export { stratifiedSplit } from './splits/stratified-split.js';
export { randomSplit } from './splits/random-split.js';
export { checkSplitFractions, splitCounts } from './splits/split-fractions.js';
export type { SplitOptions, SplitFractions, SplitCounts } from './splits/split-fractions.js';

// Transforms
export { standardizeModality } from './transforms/standardize-modality.js';
export type { StandardizeOptions, StandardizeRecord } from './transforms/standardize-modality.js';
export { addGaussianNoise } from './transforms/add-gaussian-noise.js';
export { gaussianBlur, gaussianKernel } from './transforms/gaussian-blur.js';

// Readers
export { parseDelimited, detectDelimiter, textLayout } from './readers/parse-delimited.js';
export type { Delimiter, DelimitedRecord, DelimitedStats, TextLayout } from './readers/parse-delimited.js';
export { MISSING_TOKENS, isDecimalComma, parseNumberCell } from './readers/parse-number-cell.js';
export { ID_HEADERS, readCsvMatrix, parseCsvMatrix } from './readers/read-csv-matrix.js';
export type { CsvMatrixOptions, CsvMatrix, CsvDetected } from './readers/read-csv-matrix.js';
export { readLabels } from './readers/read-labels.js';
export type { LabelsOptions, LabelsFile, LabelsDetected } from './readers/read-labels.js';
export { csvInputReport, labelsInputReport, npyInputReport } from './readers/input-report.js';
export type { InputReport } from './readers/input-report.js';
export { alignById } from './readers/align-by-id.js';
export type { IdTable, AlignByIdOptions, Alignment } from './readers/align-by-id.js';
export { NPY_DTYPES } from './readers/npy-format.js';
export type { NpyDtype, NpyData } from './readers/npy-format.js';
export { readNpy, readNpyMatrix } from './readers/read-npy.js';
export type { NpyArray, NpyMatrix, NpyMatrixOptions } from './readers/read-npy.js';
export { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, readIdx } from './readers/read-idx.js';
export type { IdxArray } from './readers/read-idx.js';
export { readMnistIdx } from './readers/read-mnist-idx.js';
export type { MnistIdx, MnistSplit } from './readers/read-mnist-idx.js';
export { MATRIX_EXTENSIONS, readMatrixFile } from './readers/read-matrix-file.js';
export type { MatrixFile, MatrixFileOptions } from './readers/read-matrix-file.js';
export { readInputFile } from './readers/read-input-file.js';
export { readAlignedFiles } from './readers/read-aligned-files.js';
export type { AlignedFiles, AlignedFilesOptions } from './readers/read-aligned-files.js';

// The catalog of real data sets (loaders' messages and `cch doctor` read the same entries)
export { DATASET_NAMES, DATASET_CATALOG, findDatasets } from './registry/dataset-catalog.js';
export type { DatasetName, DatasetEntry, DatasetLayout, DatasetPresence } from './registry/dataset-catalog.js';

// Content fingerprints of data files (cache keys, provenance)
export { fingerprintFile, fingerprintFiles } from './fingerprint/fingerprint-file.js';

// Writers (atomic: temp file in the same directory, fsync, rename)
export { writeFileAtomic, writeTextAtomic } from './writers/write-file-atomic.js';
export type { FileContent } from './writers/write-file-atomic.js';
export { writeJsonAtomic, jsonReplacer } from './writers/write-json-atomic.js';
export type { JsonWriteOptions } from './writers/write-json-atomic.js';
export { writeCsvAtomic } from './writers/write-csv-atomic.js';
export type { CsvScalar, CsvMatrixTable, CsvWriteOptions } from './writers/write-csv-atomic.js';
export { writeNpyAtomic } from './writers/write-npy-atomic.js';
export type { NpyWritable } from './writers/write-npy-atomic.js';
