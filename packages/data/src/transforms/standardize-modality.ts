/** Z-scoring one modality with statistics from the training rows only. */
import { InvalidInputError, Matrix, columnMeans, columnStandardDeviations } from '@cch-lab/core';
import type { PairedDataset } from '../types.js';

export interface StandardizeOptions {
  /**
   * Rows the mean and sd are estimated on. 'train' (default) uses `splits.train` only, so nothing
   * about the val/test rows leaks into the transform; 'all' uses every row (for unsupervised use
   * where no split will be evaluated).
   */
  fitOn?: 'train' | 'all';
}

const STANDARDIZE_DEFAULTS = Object.freeze({ fitOn: 'train' as const });

/** What `meta.standardized[name]` records. */
export interface StandardizeRecord {
  fitOn: 'train' | 'all';
  /** Rows the statistics came from. */
  fitRows: number;
  /** 0-based columns whose fit-rows sd was 0; they are set to 0 in every row. */
  constantColumns: number[];
}

/**
 * A new dataset whose modality `name` is z-scored column by column: (x − mean) / sd, with mean and
 * sample sd (denominator m − 1, as core's `standardize`) computed in float64 on the fit rows and
 * applied to all rows. Columns constant on the fit rows become 0 everywhere and are listed in
 * `meta.standardized[name].constantColumns` (never divided by zero). The dtype is kept; other
 * modalities are shared with the input, which is not modified.
 *
 * @throws InvalidInputError for an unknown modality, an unknown `fitOn`, or an empty train split.
 */
export function standardizeModality(ds: PairedDataset, name: string, options: StandardizeOptions = {}): PairedDataset {
  const opts = { ...STANDARDIZE_DEFAULTS, ...options };
  const x = ds.modalities[name];
  if (x === undefined) {
    throw new InvalidInputError(`standardizeModality: dataset '${ds.name}' has no modality '${name}'`, {
      details: { field: 'name', received: name, valid: Object.keys(ds.modalities) },
    });
  }
  if (opts.fitOn !== 'train' && opts.fitOn !== 'all') {
    throw new InvalidInputError("standardizeModality: fitOn must be 'train' or 'all'", {
      details: { field: 'fitOn', received: String(opts.fitOn) },
    });
  }
  const fit = opts.fitOn === 'train' ? x.selectRows(ds.splits.train) : x;
  if (fit.rows === 0) {
    throw new InvalidInputError(`standardizeModality: the train split of '${ds.name}' is empty; nothing to fit on`, {
      details: { field: 'splits.train', received: '0 rows' },
    });
  }
  const means = columnMeans(fit);
  const sds = columnStandardDeviations(fit, means);
  const { matrix, constantColumns } = applyZScore(x, means, sds);

  const record: StandardizeRecord = { fitOn: opts.fitOn, fitRows: fit.rows, constantColumns };
  const previous = (ds.meta.standardized ?? {}) as Record<string, StandardizeRecord>;
  return {
    ...ds,
    modalities: { ...ds.modalities, [name]: matrix },
    meta: { ...ds.meta, standardized: { ...previous, [name]: record } },
  };
}

function applyZScore(x: Matrix, means: Float64Array, sds: Float64Array): { matrix: Matrix; constantColumns: number[] } {
  const d = x.cols;
  const constantColumns: number[] = [];
  const inverse = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    if (sds[j] > 0) inverse[j] = 1 / sds[j];
    else constantColumns.push(j);
  }
  const out = x.dtype === 'float32' ? Matrix.zeros(x.rows, d, 'float32') : Matrix.zeros(x.rows, d, 'float64');
  for (let i = 0; i < x.rows; i++) {
    const base = i * d;
    // A constant column has inverse 0, so (x − mean)·0 = 0 without a branch.
    for (let j = 0; j < d; j++) out.data[base + j] = (x.data[base + j] - means[j]) * inverse[j];
  }
  return { matrix: out, constantColumns };
}
