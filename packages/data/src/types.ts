/**
 * The PairedDataset contract: the one shape every loader returns and every step consumes.
 * Rows are aligned across modalities: row i of every modality and labels[i] are one sample.
 * `assertPairedDataset` checks every rule stated here; loaders call it before returning.
 */
import type { Matrix } from '@cch-lab/core';

/** Where the numbers came from; travels into every table and figure. Ordered from most to least real. */
export const DATA_SOURCES = ['real', 'embedded', 'simulated'] as const;
export type DataSource = (typeof DATA_SOURCES)[number];

export const TASKS = ['classification', 'regression'] as const;
export type Task = (typeof TASKS)[number];

/**
 * Index arrays into the rows (0..n−1); disjoint, no index repeated. `stratifiedSplit` and
 * `randomSplit` return them sorted ascending; rows may belong to no split.
 */
export interface Splits {
  train: Int32Array;
  val?: Int32Array;
  test: Int32Array;
}

export interface PairedDataset {
  /** Short identifier, e.g. `mnist-mnistm`, `synthetic-gaussian`. */
  name: string;
  /** real = a published data set read from disk; embedded = shipped with the code; simulated = generated stand-in. */
  source: DataSource;
  /** Each modality: n × d_m, row-major. Images are flattened; see `featureShapes`. */
  modalities: Record<string, Matrix>;
  /** Optional per-modality shape of one row (e.g. [28, 28, 3] for an HWC image). */
  featureShapes?: Record<string, number[]>;
  /** Class indices 0..C−1 (Int32Array) for classification; targets (Float32Array) for regression. */
  labels: Int32Array | Float32Array;
  task: Task;
  /** Class names in index order (classification only). */
  classes?: string[];
  splits: Splits;
  /**
   * Free-form provenance: paths read, generator parameters, warnings. JSON-serialisable.
   * Transforms add to it (e.g. `standardized`, `subsetOf`); they never remove keys.
   */
  meta: Record<string, unknown>;
}
