/** `loadTcga`: a TCGA multi-omics folder (MOGONET, MoGCN or Xena layout) as a PairedDataset. */
import path from 'node:path';
import { InvalidInputError, Matrix, createRng } from '@cch-lab/core';
import { assertPairedDataset, stratifiedSplit } from '@cch-lab/data';
import type { PairedDataset, Splits } from '@cch-lab/data';
import { encodeLabels } from './assemble/encode-labels.js';
import { matchSamples } from './assemble/match-samples.js';
import type { SampleMatch } from './assemble/match-samples.js';
import { resolveTcgaOptions } from './files/resolve-options.js';
import type { ResolvedTcgaOptions } from './files/resolve-options.js';
import { locateTcgaFiles, tcgaNotFound } from './files/tcga-files.js';
import { looksLikeCounts, observedRange } from './preprocess/log2-rule.js';
import { readTcgaTables } from './readers/read-tcga-tables.js';
import type { OmicsTable, TcgaTables } from './readers/tables.js';
import type { Log2Hint, MissingCells, TcgaLoadOptions, TcgaMeta } from './types.js';

/**
 * Seed of the default 70/30 stratified split of layouts without a fixed split (mogcn, xena). The
 * experiments replace it with their own split per repeat; it only makes a plain load usable.
 */
export const TCGA_DEFAULT_SPLIT_SEED = 20251015;
export const TCGA_DEFAULT_SPLIT = Object.freeze({ train: 0.7, test: 0.3 });

/** How many ids per file the "no shared samples" message shows. */
const IDS_SHOWN = 3;

/**
 * Loads a TCGA cohort: modalities `mrna`, `cnv`, `rppa` (those asked for), samples × features,
 * float64, rows in the first omics file's order restricted to the samples every omics file and
 * the label table share (see README: barcode rule, drops). Labels are indices into `classes`
 * (sorted label texts). MOGONET keeps its train/test split (train rows first); mogcn and xena get
 * a stratified 70/30 split seeded with TCGA_DEFAULT_SPLIT_SEED. Missing cells hold 0 and are
 * listed in `meta.missing` for preprocessOmics to impute from training rows; `meta` is a TcgaMeta.
 *
 * @throws DataNotFoundError listing every missing file; InvalidInputError naming the file (and
 *   1-based line and column) for malformed files, no shared samples, a missing label column or a
 *   single class.
 */
export function loadTcga(options: TcgaLoadOptions): PairedDataset {
  const resolved = resolveTcgaOptions(options);
  const { found, missing } = locateTcgaFiles(resolved);
  if (missing.length > 0) throw tcgaNotFound(resolved, missing);
  const tables = readTcgaTables(resolved, (file) => found.get(file) as string);
  if (tables.labels.columnProblem !== undefined) {
    throw new InvalidInputError(tables.labels.columnProblem, {
      details: { file: tables.labels.file, field: 'labelColumn', received: String(resolved.labelColumn ?? '(default)') },
      hint: "set 'labelColumn' to the column that holds the class",
    });
  }
  const match = matchSamples(tables);
  if (match.ids.length === 0) throw noSharedSamples(tables);
  const texts = Array.from(match.labelRows, (r) => tables.labels.values[r] as string);
  const { labels, classes } = encodeLabels(texts);
  if (classes.length < 2) {
    throw new InvalidInputError(`all ${labels.length} shared samples have the same class '${classes[0]}'; classification needs at least two`, {
      details: { file: tables.labels.file, field: tables.labels.labelColumn ?? 'labels', received: classes[0] },
      hint: 'check the label column (labelColumn) and that the omics files cover samples of several classes',
    });
  }

  const modalities: Record<string, Matrix> = {};
  const featureNames: TcgaMeta['featureNames'] = {};
  const missingCells: TcgaMeta['missing'] = {};
  const log2Hint: TcgaMeta['log2Hint'] = {};
  for (const [t, table] of tables.omics.entries()) {
    const x = table.matrix.selectRows(match.omicsRows[t]);
    missingCells[table.omics] = extractMissing(x);
    log2Hint[table.omics] = scaleHint(resolved, table, x, missingCells[table.omics] as MissingCells);
    modalities[table.omics] = x;
    featureNames[table.omics] = table.featureNames;
  }

  const fixedSplit = tables.fixedTrainIds !== undefined;
  const splits = fixedSplit ? fixedSplits(match, tables.fixedTrainIds as Set<string>) : defaultSplits(labels);
  const meta: TcgaMeta = {
    layout: resolved.layout,
    cohort: resolved.cohort,
    path: resolved.path,
    files: [...found.values()],
    fixedSplit,
    featureNames,
    sampleIds: match.ids,
    drops: match.drops,
    log2Hint,
    missing: missingCells,
  };
  if (!fixedSplit) meta.splitSeed = TCGA_DEFAULT_SPLIT_SEED;
  if (tables.labels.labelColumn !== undefined) meta.labelColumn = tables.labels.labelColumn;

  const dataset: PairedDataset = {
    name: `tcga-${resolved.cohort}`,
    source: 'real',
    modalities,
    labels,
    task: 'classification',
    classes,
    splits,
    meta: meta as unknown as Record<string, unknown>,
  };
  assertPairedDataset(dataset, 'loadTcga');
  return dataset;
}

/** Replaces NaN cells of `x` (in place) by the placeholder 0 and lists their flat positions. */
function extractMissing(x: Matrix<Float64Array>): MissingCells {
  const cells: number[] = [];
  const data = x.data;
  for (let k = 0; k < data.length; k++) {
    if (Number.isNaN(data[k])) {
      cells.push(k);
      data[k] = 0;
    }
  }
  return { count: cells.length, cells };
}

function scaleHint(resolved: ResolvedTcgaOptions, table: OmicsTable, x: Matrix, missing: MissingCells): Log2Hint {
  if (resolved.layout === 'xena' && table.omics === 'mrna' && path.basename(table.files[0]).startsWith('HiSeqV2')) return 'already-logged';
  const mask = new Uint8Array(x.data.length);
  for (const k of missing.cells) mask[k] = 1;
  const { min, max } = observedRange(x.data, x.cols, mask);
  return looksLikeCounts(min, max) ? 'counts' : 'unknown';
}

function fixedSplits(match: SampleMatch, trainIds: Set<string>): Splits {
  const train: number[] = [];
  const test: number[] = [];
  for (const [i, id] of match.ids.entries()) (trainIds.has(id) ? train : test).push(i);
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}

function defaultSplits(labels: Int32Array): Splits {
  return stratifiedSplit(labels, { ...TCGA_DEFAULT_SPLIT, rng: createRng(TCGA_DEFAULT_SPLIT_SEED).derive('tcga-default-split') });
}

function noSharedSamples(tables: TcgaTables): InvalidInputError {
  const all = [...tables.omics.map((t) => ({ file: t.files[0], ids: t.ids })), { file: tables.labels.file, ids: tables.labels.ids }];
  const summary = all.map((a) => `${path.basename(a.file)}: ${a.ids.length} (e.g. ${a.ids.slice(0, IDS_SHOWN).join(', ')})`).join('; ');
  return new InvalidInputError(`no sample is in every omics file and has a label in the label table — ${summary}`, {
    details: { file: all.map((a) => a.file).join(', '), field: 'samples', received: '0 shared samples' },
    hint: 'the files must use the same sample ids (Xena: TCGA barcodes, matched by patient); check that they come from the same cohort',
  });
}
