/**
 * `preprocessOmics`: the usual omics preprocessing, every statistic fitted on the training rows
 * only, so nothing about val/test rows leaks into the features the models see.
 */
import { InvalidInputError, Matrix } from '@cch-lab/core';
import { assertPairedDataset } from '@cch-lab/data';
import type { PairedDataset } from '@cch-lab/data';
import type { Log2Hint, MissingCells, Omics } from '../types.js';
import { looksLikeCounts, observedRange } from './log2-rule.js';

type Log2Choice = 'auto' | boolean;

export interface OmicsPreprocessOptions {
  /**
   * log2(x + 1): true / false, or 'auto' (default) for the rule in log2-rule.ts (non-negative with a
   * maximum above 100 on the training rows → counts → log; never for a modality the loader marked
   * 'already-logged', such as Xena's HiSeqV2). A record sets it per modality ('auto' for the rest).
   */
  log2?: Log2Choice | Partial<Record<Omics | string, Log2Choice>>;
  /** Keep the k features of largest training variance (ties → lower column index); null keeps all. Default null. */
  topK?: number | null;
  /** z-score every kept feature with the training mean and sample sd. Default true. */
  standardize?: boolean;
}

const PREPROCESS_DEFAULTS = Object.freeze({ topK: null, standardize: true });

/** Feature names listed per drop reason in the report. */
const NAMES_SHOWN = 10;

/** What was done to one modality. */
export interface OmicsPreprocessRecord {
  log2: boolean;
  /** Why: 'configured', or the auto rule's reading: 'counts', 'not-counts', 'already-logged'. */
  log2Reason: 'configured' | 'counts' | 'not-counts' | 'already-logged';
  featuresBefore: number;
  featuresAfter: number;
  /** Missing cells (all rows) filled with the feature's training mean; of those, on training rows. */
  imputedCells: number;
  imputedTrainCells: number;
  /** Features removed, by reason, judged on the training rows. */
  dropped: { allMissing: number; constant: number; topK: number };
  /** Up to ten names per reason (allMissing, constant). */
  droppedExamples: { allMissing: string[]; constant: string[] };
  topK: number | null;
  standardized: boolean;
}

export interface PreprocessReport {
  /** Rows the statistics were fitted on. */
  fitRows: number;
  omics: Record<string, OmicsPreprocessRecord>;
}

/**
 * Per modality, in order: log2(x + 1) where configured or by the auto rule; remove features that
 * are all-missing or constant on the training rows; fill missing cells (`meta.missing`) with the
 * training mean of their feature; keep the topK features of largest training variance; z-score
 * with training mean and sd. `meta.featureNames` follows the kept columns, `meta.missing` is
 * emptied (every cell is now imputed), `meta.preprocessed` holds the report. Splits, labels and
 * the input are unchanged. Run it before any row subsetting (missing-cell positions refer to the
 * loaded rows).
 *
 * @param trainRows Rows to fit on (distinct indices, at least 2), usually `dataset.splits.train`.
 * @throws InvalidInputError for bad options or rows, log2 of values ≤ −1, a modality left with no
 *   feature, or `meta.missing` that no longer matches the rows (the dataset was subset after loading).
 */
export function preprocessOmics(
  dataset: PairedDataset,
  trainRows: Int32Array,
  options: OmicsPreprocessOptions = {},
): { dataset: PairedDataset; report: PreprocessReport } {
  const opts = { ...PREPROCESS_DEFAULTS, ...options };
  const n = dataset.labels.length;
  checkTrainRows(trainRows, n);
  if (opts.topK !== null && (!Number.isInteger(opts.topK) || opts.topK < 1)) {
    throw new InvalidInputError('topK must be a positive integer or null', { details: { field: 'topK', received: String(opts.topK) } });
  }
  const meta = dataset.meta;
  const missing = (meta.missing ?? {}) as Partial<Record<string, MissingCells>>;
  const hints = (meta.log2Hint ?? {}) as Partial<Record<string, Log2Hint>>;
  const names = (meta.featureNames ?? {}) as Partial<Record<string, string[]>>;
  const hasMissing = Object.values(missing).some((m) => m !== undefined && m.count > 0);
  if (hasMissing && meta.subsetOf !== undefined) {
    throw new InvalidInputError('the dataset was subset after loading, so meta.missing no longer matches its rows', {
      details: { field: 'meta.missing', received: `subsetOf ${String(meta.subsetOf)}` },
      hint: 'call preprocessOmics on the loaded dataset, then subset',
    });
  }

  const modalities: Record<string, Matrix> = {};
  const featureNames: Record<string, string[]> = {};
  const report: PreprocessReport = { fitRows: trainRows.length, omics: {} };
  for (const [name, x] of Object.entries(dataset.modalities)) {
    const log2 = log2Choice(opts.log2, name);
    const out = preprocessOne(x, name, trainRows, {
      log2,
      hint: hints[name],
      missing: missing[name],
      names: names[name] ?? Array.from({ length: x.cols }, (_, j) => String(j)),
      topK: opts.topK,
      standardize: opts.standardize,
    });
    modalities[name] = out.matrix;
    featureNames[name] = out.names;
    report.omics[name] = out.record;
  }
  const emptied = Object.fromEntries(Object.keys(missing).map((k) => [k, { count: 0, cells: [] }]));
  const result: PairedDataset = {
    ...dataset,
    modalities,
    meta: { ...meta, featureNames: { ...names, ...featureNames }, missing: emptied, preprocessed: report },
  };
  assertPairedDataset(result, 'preprocessOmics');
  return { dataset: result, report };
}

interface OneOptions {
  log2: Log2Choice;
  hint: Log2Hint | undefined;
  missing: MissingCells | undefined;
  names: string[];
  topK: number | null;
  standardize: boolean;
}

function preprocessOne(
  x: Matrix,
  name: string,
  trainRows: Int32Array,
  o: OneOptions,
): { matrix: Matrix; names: string[]; record: OmicsPreprocessRecord } {
  const n = x.rows;
  const d = x.cols;
  const values = Float64Array.from(x.data);
  const mask = new Uint8Array(n * d);
  for (const k of o.missing?.cells ?? []) {
    if (!Number.isInteger(k) || k < 0 || k >= n * d) {
      throw new InvalidInputError(`meta.missing.${name} lists cell ${k}, outside the ${n} × ${d} matrix`, {
        details: { field: `meta.missing.${name}`, received: String(k) },
        hint: 'call preprocessOmics on the dataset as loaded',
      });
    }
    mask[k] = 1;
  }

  // 1. log2(x + 1): a fixed transform; only the 'auto' decision looks at data, training rows only.
  let log2: boolean;
  let log2Reason: OmicsPreprocessRecord['log2Reason'];
  if (o.log2 !== 'auto') {
    log2 = o.log2;
    log2Reason = 'configured';
  } else if (o.hint === 'already-logged') {
    log2 = false;
    log2Reason = 'already-logged';
  } else {
    const { min, max } = observedRange(values, d, mask, trainRows);
    log2 = looksLikeCounts(min, max);
    log2Reason = log2 ? 'counts' : 'not-counts';
  }
  if (log2) {
    for (let k = 0; k < values.length; k++) {
      if (mask[k] === 1) continue;
      if (values[k] <= -1) {
        throw new InvalidInputError(`log2(x + 1) of a value ≤ −1 in modality '${name}', row ${Math.floor(k / d) + 1}, column ${(k % d) + 1}`, {
          details: { field: `log2.${name}`, received: String(values[k]) },
          hint: `set log2: { ${name}: false } — the data are not counts`,
        });
      }
      values[k] = Math.log2(values[k] + 1);
    }
  }

  // 2. Training statistics of the observed cells (Welford), per feature.
  const count = new Float64Array(d);
  const mean = new Float64Array(d);
  const m2 = new Float64Array(d);
  for (let p = 0; p < trainRows.length; p++) {
    const base = trainRows[p] * d;
    for (let j = 0; j < d; j++) {
      if (mask[base + j] === 1) continue;
      const v = values[base + j];
      count[j] += 1;
      const delta = v - mean[j];
      mean[j] += delta / count[j];
      m2[j] += delta * (v - mean[j]);
    }
  }
  const dropped = { allMissing: 0, constant: 0, topK: 0 };
  const droppedExamples = { allMissing: [] as string[], constant: [] as string[] };
  let kept: number[] = [];
  for (let j = 0; j < d; j++) {
    const reason = count[j] === 0 ? 'allMissing' : m2[j] <= 0 ? 'constant' : undefined;
    if (reason === undefined) {
      kept.push(j);
      continue;
    }
    dropped[reason] += 1;
    if (droppedExamples[reason].length < NAMES_SHOWN) droppedExamples[reason].push(o.names[j]);
  }

  // 3. Training variance after imputation: imputed cells sit at the mean, so they add no spread.
  const m = trainRows.length;
  const variance = (j: number): number => m2[j] / (m - 1);
  if (o.topK !== null && kept.length > o.topK) {
    const ranked = [...kept].sort((a, b) => variance(b) - variance(a) || a - b);
    dropped.topK = kept.length - o.topK;
    kept = ranked.slice(0, o.topK).sort((a, b) => a - b);
  }

  if (kept.length === 0) {
    throw new InvalidInputError(`every feature of modality '${name}' is constant or missing on the ${trainRows.length} training rows`, {
      details: { field: `modalities.${name}`, received: `${d} features, 0 kept` },
      hint: 'check the file and the training rows; nothing is left to learn from',
    });
  }

  // 4. Impute with the training mean, then z-score with training mean and sd, on the kept columns.
  const train = new Uint8Array(n);
  for (const i of trainRows) train[i] = 1;
  const k = kept.length;
  const out = Matrix.zeros(n, k);
  let imputedCells = 0;
  let imputedTrainCells = 0;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      const j = kept[c];
      const src = i * d + j;
      let v = values[src];
      if (mask[src] === 1) {
        v = mean[j];
        imputedCells += 1;
        if (train[i] === 1) imputedTrainCells += 1;
      }
      out.data[i * k + c] = o.standardize ? (v - mean[j]) / Math.sqrt(variance(j)) : v;
    }
  }
  return {
    matrix: out,
    names: kept.map((j) => o.names[j]),
    record: {
      log2,
      log2Reason,
      featuresBefore: d,
      featuresAfter: k,
      imputedCells,
      imputedTrainCells,
      dropped,
      droppedExamples,
      topK: o.topK,
      standardized: o.standardize,
    },
  };
}

function log2Choice(option: OmicsPreprocessOptions['log2'], name: string): Log2Choice {
  const choice = option === undefined ? 'auto' : typeof option === 'object' ? (option[name] ?? 'auto') : option;
  if (choice !== 'auto' && choice !== true && choice !== false) {
    throw new InvalidInputError("log2 must be 'auto', true or false", { details: { field: `log2.${name}`, received: String(choice) } });
  }
  return choice;
}

function checkTrainRows(rows: unknown, n: number): asserts rows is Int32Array {
  if (!(rows instanceof Int32Array)) {
    throw new InvalidInputError('trainRows must be an Int32Array of row indices (e.g. dataset.splits.train)', {
      details: { field: 'trainRows', received: String(rows) },
    });
  }
  if (rows.length < 2) {
    throw new InvalidInputError('trainRows needs at least 2 rows to estimate a variance', { details: { field: 'trainRows', received: `${rows.length} rows` } });
  }
  const seen = new Uint8Array(n);
  for (const [p, i] of rows.entries()) {
    if (!Number.isInteger(i) || i < 0 || i >= n || seen[i] === 1) {
      throw new InvalidInputError(`trainRows entry ${p} must be a distinct row index in 0..${n - 1}`, {
        details: { field: 'trainRows', received: String(i), position: p },
      });
    }
    seen[i] = 1;
  }
}
