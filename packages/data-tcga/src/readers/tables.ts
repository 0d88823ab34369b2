/** What the per-layout readers hand to the assembly step: one table per omics and the label table. */
import type { Matrix } from '@cch-lab/core';
import type { Omics } from '../types.js';

/** One omics as read: samples × features, NaN where a cell is missing. */
export interface OmicsTable {
  omics: Omics;
  /** Files read for it (absolute, `.gz` variants as found). */
  files: string[];
  /** Sample ids after the layout's id rule, one per matrix row. */
  ids: string[];
  /** Samples in the file before the id rule (Xena columns). */
  read: number;
  featureNames: string[];
  /** samples × features, float64; NaN marks a missing cell. */
  matrix: Matrix<Float64Array>;
  /** Barcodes dropped by the barcode rule (xena only). */
  notPrimaryTumour: string[];
  duplicateAliquot: string[];
}

/** The class of each sample, as text; undefined where the label is missing. */
export interface LabelTable {
  file: string;
  ids: string[];
  read: number;
  values: (string | undefined)[];
  /** The column used (mogcn / xena). */
  labelColumn?: string;
  /** Every column name of the table, when it has a header. */
  columns?: string[];
  notPrimaryTumour: string[];
  duplicateAliquot: string[];
  /**
   * Set instead of `values` being meaningful when the label column could not be chosen (the loader
   * throws it; verifyTcga reports it).
   */
  columnProblem?: string;
}

export interface TcgaTables {
  omics: OmicsTable[];
  labels: LabelTable;
  /** MOGONET: the ids that form the fixed training split (`tr-<i>`); undefined otherwise. */
  fixedTrainIds?: Set<string>;
}
