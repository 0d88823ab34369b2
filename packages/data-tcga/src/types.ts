/**
 * The closed sets and option / metadata shapes of the TCGA loaders. Every list is a `const` tuple
 * with its union, so a new member fails to compile until it is handled.
 */

/** The omics this project uses, in their canonical order (the modality names of every dataset). */
export const OMICS = ['mrna', 'cnv', 'rppa'] as const;
export type Omics = (typeof OMICS)[number];

/** File layouts the loader reads (REFERENCE.md §3 "TCGA multi-omics"). */
export const TCGA_LAYOUTS = ['mogonet', 'mogcn', 'xena'] as const;
export type TcgaLayout = (typeof TCGA_LAYOUTS)[number];

/** Cohorts with a simulated stand-in and documented label defaults. */
export const TCGA_COHORTS = ['brca', 'kipan', 'lihc'] as const;
export type TcgaCohort = (typeof TCGA_COHORTS)[number];

/** Where a sample can be dropped: one of the omics files, or the label table. */
export type TcgaSource = Omics | 'labels';

/** Why a sample read from a file is not in the dataset. */
export const DROP_REASONS = ['notPrimaryTumour', 'duplicateAliquot', 'missingLabel', 'notInEveryOmics'] as const;
export type DropReason = (typeof DROP_REASONS)[number];

export interface TcgaLoadOptions {
  /** The folder holding the files. */
  path: string;
  layout: TcgaLayout;
  /**
   * Name used in `dataset.name` (`tcga-<cohort>`, lower-cased). Default: the folder's basename.
   * For xena it also names the default clinical file `<COHORT>_clinicalMatrix` and the default label column.
   */
  cohort?: string;
  /** Omics to load, in this order. Default all three (`OMICS`). */
  omics?: Omics[];
  /**
   * Per-omics file names inside `path` (mogcn and xena). Defaults: mogcn `fpkm_data.csv`,
   * `gistic_data.csv`, `rppa_data.csv`; xena `HiSeqV2`, `Gistic2_CopyNumber_Gistic2_all_thresholded.by_genes`, `RPPA`.
   * A missing file `X` is also looked for as `X.gz`.
   */
  files?: Partial<Record<Omics, string>>;
  /** MOGONET view number of each omics. Default mrna 1, cnv 2, rppa 3. */
  views?: Partial<Record<Omics, number>>;
  /** The label table (mogcn, xena). Defaults: mogcn `sample_classes.csv`; xena `<COHORT>_clinicalMatrix`. */
  labelsFile?: string;
  /**
   * The label table's column holding the class (mogcn, xena). Defaults: mogcn the second column;
   * xena per cohort (see `XENA_LABEL_COLUMNS`): brca `PAM50Call_RNAseq`, kipan `histological_type`,
   * lihc `pathologic_stage` (binned early / late). Otherwise required; the error lists the columns.
   */
  labelColumn?: string;
}

/** Per source: how many samples were read, kept, and dropped for each reason (with a few examples). */
export interface TcgaSourceDrops {
  /** The file the samples were read from (for MOGONET views, the `_tr` file). */
  file: string;
  /** Samples (columns of a Xena matrix, rows otherwise) in the file. */
  read: number;
  /** Of those, in the dataset. `read = kept + every reason's count`. */
  kept: number;
  counts: Record<DropReason, number>;
  /** Up to five ids (barcodes as written) per reason. */
  examples: Record<DropReason, string[]>;
}

export type TcgaDrops = Partial<Record<TcgaSource, TcgaSourceDrops>>;

/** What the loader knows about the scale of an omics file, for preprocessOmics' log2 'auto' rule. */
export const LOG2_HINTS = ['already-logged', 'counts', 'unknown'] as const;
export type Log2Hint = (typeof LOG2_HINTS)[number];

/**
 * Missing cells of one modality: the matrix holds the placeholder 0 there, and `cells` lists the
 * flat row-major positions (row · cols + column) so `preprocessOmics` can impute them with the
 * training mean. JSON-serialisable, so it survives workers and caches.
 */
export interface MissingCells {
  count: number;
  cells: number[];
}

/** `dataset.meta` of a loaded TCGA dataset (JSON-serialisable). */
export interface TcgaMeta {
  layout: TcgaLayout;
  cohort: string;
  /** The folder, absolute. */
  path: string;
  /** Every file read (absolute), as `tcgaFiles` returns them. */
  files: string[];
  /** True for MOGONET (its train/test split is kept); false when the split is the seeded default. */
  fixedSplit: boolean;
  /** Seed of the default stratified split (only when fixedSplit is false). */
  splitSeed?: number;
  featureNames: Partial<Record<Omics, string[]>>;
  /** One per row: the patient barcode (xena), the file's id (mogcn), or `tr-<i>` / `te-<i>` (mogonet). */
  sampleIds: string[];
  drops: TcgaDrops;
  /** The label table's column used (mogcn, xena). */
  labelColumn?: string;
  log2Hint: Partial<Record<Omics, Log2Hint>>;
  missing: Partial<Record<Omics, MissingCells>>;
}
