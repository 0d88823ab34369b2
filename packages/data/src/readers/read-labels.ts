/** Class labels from a text file (one column, or id + label) or an integer .npy array. */
import path from 'node:path';
import { InvalidInputError } from '@cch-lab/core';
import { detectDelimiter, parseDelimited, textLayout } from './parse-delimited.js';
import type { DelimitedRecord, DelimitedStats, Delimiter, TextLayout } from './parse-delimited.js';
import { isDecimalComma, parseNumberCell } from './parse-number-cell.js';
import { ID_HEADERS } from './read-csv-matrix.js';
import { readInputFile } from './read-input-file.js';
import { readNpy } from './read-npy.js';

export interface LabelsOptions {
  /**
   * Whether the first row is a header. Default 'auto': it is when it names a known column (id,
   * sample, sample_id / label, class, y, target, …), when its id cell is empty (pandas' index) or
   * when its label is not a number while the next row's is. Ignored for .npy.
   */
  header?: boolean | 'auto';
  /**
   * How integer labels become class indices. Default 'auto': kept when the values are exactly
   * 0..C−1 (C distinct values), otherwise mapped in ascending numeric order. 'keep' keeps any
   * non-negative integers as they are (C = max + 1; use it for a test file that lacks a class);
   * 'map' always maps in ascending order.
   */
  integerLabels?: 'auto' | 'keep' | 'map';
  /** Field separator of text files. Default 'auto' (as readCsvMatrix). */
  delimiter?: Delimiter | 'auto';
}

const LABELS_DEFAULTS = Object.freeze({ header: 'auto' as const, integerLabels: 'auto' as const, delimiter: 'auto' as const });

/** Header names of a label column (compared lower-cased and trimmed). */
const LABEL_HEADERS: ReadonlySet<string> = new Set(['label', 'labels', 'class', 'classes', 'y', 'target', 'targets', 'category', 'subtype', 'diagnosis']);

export interface LabelsFile {
  /** Class index per row, 0..classes.length − 1. */
  labels: Int32Array;
  /** Class names in index order: the file's label texts, or the integer values as text. */
  classes: string[];
  /** Sample ids, when the file has an id column. */
  ids?: string[];
  /** The file's label (as text; integers in canonical form) → class index. */
  mapping: Record<string, number>;
  /** True when integer labels were renumbered or text labels were turned into indices. */
  remapped: boolean;
  /** What readLabels decided on its own, so a caller can report it. */
  detected: LabelsDetected;
}

/** The automatic decisions of readLabels (the same fields as a CSV matrix's where they apply). */
export interface LabelsDetected {
  header: 'yes' | 'no';
  headerReason: string;
  /** Name of the id column (its header, or `column 1`); null for a single column. */
  idColumn: string | null;
  idReason: string;
  rows: number;
  /** Number of classes. */
  classes: number;
  /** 'integers' (kept or renumbered, see remapped) or 'text' (numbered in sorted order). */
  labelKind: 'integers' | 'text';
  bom: boolean;
  lineEnding: TextLayout['lineEnding'];
  blankLines: number;
  notes: string[];
}

/**
 * Reads class labels. Text files (.csv, .tsv, .txt, …) have one column of labels or two columns
 * (sample id, label); labels are integers (integral floats such as 1.0 too) or words, words being
 * numbered in sorted (code-unit) order. Numbers that are not integers (0.5) are refused: they are a
 * continuous target, not classes. `.npy` files hold an integer array of shape (n,) or (n, 1)
 * (int8/uint8/int32/int64/bool).
 *
 * @throws DataNotFoundError for a missing file; InvalidInputError (file, line) for an empty file,
 *   rows with other than 1 or 2 fields or a varying count, an empty label, numeric labels that are
 *   not integers or that are missing (NA), a float .npy array, or negative labels with
 *   integerLabels 'keep'.
 */
export function readLabels(file: string, options: LabelsOptions = {}): LabelsFile {
  const opts = { ...LABELS_DEFAULTS, ...options };
  if (path.extname(file).toLowerCase() === '.npy') return readNpyLabels(file, opts.integerLabels);
  const text = readInputFile(file, 'labels').toString('utf8');
  const delimiter = opts.delimiter === 'auto' ? detectDelimiter(file, text) : opts.delimiter;
  const stats: DelimitedStats = { blankLines: 0 };
  const records = [...parseDelimited(text, delimiter, file, stats)];
  if (records.length === 0) {
    throw new InvalidInputError('the labels file is empty', { details: { file }, hint: 'write one label per line' });
  }
  const width = records[0].fields.length;
  if (width !== 1 && width !== 2) {
    throw new InvalidInputError(`a labels file has 1 column (label) or 2 (id, label), but line ${records[0].line} has ${width}`, {
      details: { file, line: records[0].line, received: `${width} fields` },
      hint: 'cut the file down to the id and label columns',
    });
  }
  const headerDecision = opts.header === 'auto' ? decideHeader(records) : { header: opts.header, reason: 'as requested' };
  const hasHeader = headerDecision.header;
  const data = hasHeader ? records.slice(1) : records;
  if (data.length === 0) {
    throw new InvalidInputError('the labels file has a header but no labels', { details: { file, line: records[0].line } });
  }
  const texts: string[] = [];
  const ids: string[] = [];
  for (const rec of data) {
    if (rec.fields.length !== width) {
      throw new InvalidInputError(`ragged row: ${rec.fields.length} fields where the first row has ${width}`, {
        details: { file, line: rec.line, received: `${rec.fields.length} fields` },
      });
    }
    const label = rec.fields[width - 1].trim();
    if (label === '') {
      throw new InvalidInputError('empty label', { details: { file, line: rec.line, column: width }, hint: 'every sample needs a label' });
    }
    texts.push(label);
    if (width === 2) ids.push(rec.fields[0].trim());
  }
  const notes: string[] = [];
  const integers = numericLabels(texts, data, width, file, notes);
  const encoded = integers !== undefined ? encodeIntegers(integers, opts.integerLabels, file) : encodeStrings(texts, opts.integerLabels, file);
  const layout = textLayout(text);
  const idName = hasHeader && width === 2 ? records[0].fields[0].trim() : '';
  const detected: LabelsDetected = {
    header: hasHeader ? 'yes' : 'no',
    headerReason: headerDecision.reason,
    idColumn: width === 2 ? (idName !== '' ? idName : 'column 1') : null,
    idReason: width === 2 ? 'two columns: id, label' : 'a single column',
    rows: texts.length,
    classes: encoded.classes.length,
    labelKind: integers !== undefined ? 'integers' : 'text',
    bom: layout.bom,
    lineEnding: layout.lineEnding,
    blankLines: stats.blankLines,
    notes,
  };
  return width === 2 ? { ...encoded, ids, detected } : { ...encoded, detected };
}

/**
 * The labels as integers when they are numbers: integers as written, or integral floats (1.0, as
 * pandas writes a float column). Undefined when some are words (they are then text classes).
 *
 * @throws InvalidInputError naming the line of the first label that is a number but not an integer
 *   (0.5, a decimal comma 1,5), or a missing marker (NA) among numbers.
 */
function numericLabels(texts: string[], data: DelimitedRecord[], width: number, file: string, notes: string[]): number[] | undefined {
  if (texts.every((t) => INTEGER.test(t))) return texts.map(Number);
  if (!texts.every((t) => parseNumberCell(t) !== undefined || isDecimalComma(t))) return undefined;
  const values = texts.map((t) => parseNumberCell(t));
  const bad = values.findIndex((v) => v === undefined || !Number.isInteger(v));
  if (bad >= 0) {
    const t = texts[bad];
    const details = { file, line: data[bad].line, column: width, received: t };
    if (Number.isNaN(values[bad])) {
      throw new InvalidInputError(`missing label ${JSON.stringify(t)} among numeric labels`, { details, hint: 'drop the samples without a label first' });
    }
    const what = isDecimalComma(t) ? 'a number with a decimal comma' : 'a number but not an integer';
    throw new InvalidInputError(`label ${JSON.stringify(t)} is ${what}: class labels are integers or words`, {
      details,
      hint: 'a continuous target is not class labels: read the file as a numeric matrix instead (cch mi: drop --labels)',
    });
  }
  notes.push(`labels written as numbers (e.g. ${JSON.stringify(texts.find((t) => !INTEGER.test(t)))}) read as integers`);
  return values as number[];
}

const INTEGER = /^[+-]?\d+$/;
/** Above this, 'keep' is surely a mistake (ids or codes, not class indices). */
const MAX_KEPT_CLASSES = 1_000_000;

function readNpyLabels(file: string, integerLabels: 'auto' | 'keep' | 'map'): LabelsFile {
  const { data, shape, dtype } = readNpy(file);
  if (data instanceof Float32Array || data instanceof Float64Array) {
    throw new InvalidInputError(`labels .npy must hold integers, not ${dtype}`, {
      details: { file, field: 'dtype', received: dtype },
      hint: "save them with labels.astype('int32')",
    });
  }
  if (!(shape.length === 1 || (shape.length === 2 && shape[1] === 1))) {
    throw new InvalidInputError('labels .npy must have shape (n,) or (n, 1)', { details: { file, received: `(${shape.join(', ')})` } });
  }
  const encoded = encodeIntegers(Array.from(data), integerLabels, file);
  const detected: LabelsDetected = {
    header: 'no',
    headerReason: '.npy file',
    idColumn: null,
    idReason: '.npy file',
    rows: encoded.labels.length,
    classes: encoded.classes.length,
    labelKind: 'integers',
    bom: false,
    lineEnding: 'none',
    blankLines: 0,
    notes: [],
  };
  return { ...encoded, detected };
}

function decideHeader(records: DelimitedRecord[]): { header: boolean; reason: string } {
  const first = records[0].fields.map((f) => f.trim().toLowerCase());
  const label = first[first.length - 1];
  if (LABEL_HEADERS.has(label)) return { header: true, reason: `'${records[0].fields[first.length - 1].trim()}' names a label column` };
  if (first.length === 2 && first[0] !== '' && ID_HEADERS.has(first[0])) return { header: true, reason: `'${records[0].fields[0].trim()}' names sample ids` };
  const next = records[1];
  if (next === undefined) return { header: false, reason: 'a single row' };
  // pandas' to_csv leaves the index column's name empty; a data row has an id there.
  if (first.length === 2 && first[0] === '' && next.fields[0].trim() !== '') return { header: true, reason: "an empty first cell: pandas' header over its index" };
  const nextLabel = next.fields[next.fields.length - 1].trim();
  const isNumber = (t: string) => parseNumberCell(t) !== undefined || isDecimalComma(t);
  if (!isNumber(label) && isNumber(nextLabel) && nextLabel !== '') return { header: true, reason: 'a name above numeric labels' };
  return { header: false, reason: 'the first row holds a label' };
}

function encodeIntegers(values: number[], policy: 'auto' | 'keep' | 'map', file: string): Omit<LabelsFile, 'detected'> {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  const isRange = distinct[0] === 0 && distinct[distinct.length - 1] === distinct.length - 1;
  if (policy === 'keep' && distinct[0] < 0) {
    throw new InvalidInputError("integerLabels 'keep' needs labels ≥ 0", {
      details: { file, field: 'integerLabels', received: String(distinct[0]) },
      hint: "use integerLabels 'map' to renumber them",
    });
  }
  if (policy === 'keep' || (policy === 'auto' && isRange)) {
    const max = distinct[distinct.length - 1];
    if (max >= MAX_KEPT_CLASSES) {
      throw new InvalidInputError(`keeping label values as class indices would make ${max + 1} classes`, {
        details: { file, field: 'integerLabels', received: String(max) },
        hint: "use integerLabels 'map' to renumber them 0..C−1",
      });
    }
    const classes = Array.from({ length: max + 1 }, (_, i) => String(i));
    const mapping = Object.fromEntries(classes.map((c, i) => [c, i]));
    return { labels: Int32Array.from(values), classes, mapping, remapped: false };
  }
  const index = new Map(distinct.map((v, i) => [v, i]));
  return {
    labels: Int32Array.from(values, (v) => index.get(v) as number),
    classes: distinct.map(String),
    mapping: Object.fromEntries(distinct.map((v, i) => [String(v), i])),
    remapped: true,
  };
}

function encodeStrings(texts: string[], policy: 'auto' | 'keep' | 'map', file: string): Omit<LabelsFile, 'detected'> {
  if (policy === 'keep') {
    const bad = texts.find((t) => !INTEGER.test(t));
    throw new InvalidInputError("integerLabels 'keep' needs integer labels", {
      details: { file, field: 'integerLabels', received: String(bad) },
    });
  }
  // Code-unit order, so the numbering is the same in every locale.
  const classes = [...new Set(texts)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(classes.map((c, i) => [c, i]));
  return {
    labels: Int32Array.from(texts, (t) => index.get(t) as number),
    classes,
    mapping: Object.fromEntries(classes.map((c, i) => [c, i])),
    remapped: true,
  };
}
