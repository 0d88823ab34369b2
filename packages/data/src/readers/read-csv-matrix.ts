/** Numeric matrices from CSV / TSV / whitespace text, with optional header row and id column. */
import { InvalidInputError, Matrix } from '@cch-lab/core';
import type { DType } from '@cch-lab/core';
import { detectDelimiter, parseDelimited, textLayout } from './parse-delimited.js';
import type { DelimitedRecord, DelimitedStats, Delimiter, TextLayout } from './parse-delimited.js';
import { isDecimalComma, parseNumberCell } from './parse-number-cell.js';
import { readInputFile } from './read-input-file.js';

export interface CsvMatrixOptions {
  /**
   * Whether the first row names the columns. Default 'auto': it does when one of its cells is not a
   * number in a column whose first data cell is (so a text id column alone does not make a header),
   * or when it reads 0, 1, …, d−1 — pandas' names for an unnamed frame — above rows of floats (above
   * integers only it is refused as ambiguous for d ≥ 2), or `,0,1,…` / `,1,2,…` (see decideHeader).
   */
  header?: boolean | 'auto';
  /**
   * The column holding sample ids, excluded from the matrix. Default 'auto': the first column when
   * its header is `id`, `sample`, `sample_id` or empty (pandas' index), or when it holds text (its
   * first data cell is not a number in any form: a quoted "1,234.5" is a number).
   * A number is a 0-based column index; a string a header name; false means no id column.
   */
  idColumn?: 'auto' | number | string | false;
  /** Element type of the returned matrix. Default 'float64'. */
  dtype?: DType;
  /** Read empty / NaN / NA / null cells as NaN instead of failing. Default false. */
  allowMissing?: boolean;
  /** Field separator. Default 'auto': tab for .tsv, comma for .csv, else detected from the first line. */
  delimiter?: Delimiter | 'auto';
}

const CSV_DEFAULTS = Object.freeze({
  header: 'auto' as const,
  idColumn: 'auto' as const,
  dtype: 'float64' as const,
  allowMissing: false,
  delimiter: 'auto' as const,
});

/** Header names that mark the first column as sample ids (compared lower-cased and trimmed). */
export const ID_HEADERS: ReadonlySet<string> = new Set(['', 'id', 'ids', 'sample', 'samples', 'sample_id', 'sampleid']);

/** What parseCsvMatrix decided on its own: every automatic choice, so a caller can report it. */
export interface CsvDetected {
  /** Whether the first row was taken as column names. */
  header: 'yes' | 'no';
  /** Why, in a few words ("names above numbers", "numeric column names 0…3, as pandas writes", …). */
  headerReason: string;
  /** Name of the id column (its header, or `column N` when it has none); null without one. */
  idColumn: string | null;
  /** Why there is (or is not) an id column. */
  idReason: string;
  /** Rows and columns of the matrix (the id column excluded). */
  rows: number;
  columns: number;
  delimiter: Delimiter;
  /** A UTF-8 byte-order mark was skipped. */
  bom: boolean;
  /** The line ending of the first line. */
  lineEnding: TextLayout['lineEnding'];
  /** Blank lines skipped. */
  blankLines: number;
  /** Anything else worth a look (thousands separators read, a column that looks like an index, …). */
  notes: string[];
}

export interface CsvMatrix {
  /** n × d values, rows in file order; the id column is not in it. */
  matrix: Matrix;
  /** Sample ids (trimmed), when there is an id column. */
  ids?: string[];
  /** Names of the matrix's columns, when the file has a header row. */
  header?: string[];
  /** Name of the id column in the header, when both exist. */
  idHeader?: string;
  /** The delimiter used. */
  delimiter: Delimiter;
  /** The header / id column decisions and what was normalised silently. */
  detected: CsvDetected;
}

/** How many rows after the first the header detection looks at. */
const SAMPLE_ROWS = 100;

/**
 * Reads a numeric matrix from a delimited text file (see CsvMatrixOptions for header, id column,
 * missing values and separators). Numbers may carry comma thousands separators (a quoted
 * "1,234.5"); decimal commas ("1,5") are refused, naming the cell.
 *
 * @throws DataNotFoundError when the file is missing; InvalidInputError naming the file and 1-based
 *   line (and column and cell text) for an empty file, a header without data, a ragged row, a
 *   non-numeric cell, a decimal comma, a missing value, or a first row that may be numeric column
 *   names or data (header 'auto' cannot tell; pass header true or false).
 */
export function readCsvMatrix(file: string, options: CsvMatrixOptions = {}): CsvMatrix {
  const text = readInputFile(file, 'CSV matrix').toString('utf8');
  return parseCsvMatrix(text, file, options);
}

/** readCsvMatrix on text already in memory; `file` names it in messages (and picks the delimiter by extension). */
export function parseCsvMatrix(text: string, file: string, options: CsvMatrixOptions = {}): CsvMatrix {
  const opts = { ...CSV_DEFAULTS, ...options };
  const delimiter = opts.delimiter === 'auto' ? detectDelimiter(file, text) : opts.delimiter;
  const stats: DelimitedStats = { blankLines: 0 };
  const records = parseDelimited(text, delimiter, file, stats);
  // The first rows are looked at together to decide on the header; the rest is read as it comes.
  const head: DelimitedRecord[] = [];
  while (head.length <= SAMPLE_ROWS) {
    const r = records.next();
    if (r.done) break;
    head.push(r.value);
  }
  if (head.length === 0) {
    throw new InvalidInputError('the file is empty (no rows)', { details: { file }, hint: 'pass a file with one sample per row' });
  }
  const headerDecision = decideHeader(opts.header, head, file);
  const hasHeader = headerDecision.header;
  const firstData = hasHeader ? head[1] : head[0];
  if (firstData === undefined) {
    throw new InvalidInputError('the file has a header row but no data rows', {
      details: { file, line: head[0].line },
      hint: "add data rows, or pass header: false if the first row is data",
    });
  }
  const width = firstData.fields.length;
  let header = hasHeader ? head[0].fields.map((h) => h.trim()) : undefined;
  // R's write.csv and pandas with an unnamed index leave the id column's header out or empty.
  const headerShort = header !== undefined && header.length === width - 1;
  if (header !== undefined && headerShort) header = ['', ...header];
  if (header !== undefined && header.length !== width) {
    throw new InvalidInputError(`the header has ${header.length} names but the first data row has ${width} fields`, {
      details: { file, line: firstData.line, received: `${width} fields` },
      hint: 'every row needs one field per header name',
    });
  }
  const idDecision = decideIdColumn(opts.idColumn, header, headerShort, firstData, file);
  const idIndex = idDecision.index;
  const cols = idIndex === undefined ? width : width - 1;
  // The first matrix column, checked for 0, 1, 2, … (an index read as a feature).
  const firstFeature = idIndex === 0 ? 1 : 0;
  let countsUp = width > firstFeature;
  let thousands = 0;

  const values = new GrowableFloat64(Math.max(1024, cols * 256));
  const ids: string[] = [];
  let rowCount = 0;
  // A bad cell in a first row read as data may be a header's: say how the row was taken.
  const hintFor = (rec: DelimitedRecord, hint: string): string =>
    !hasHeader && rec === head[0] ? `the first row was read as data (${headerDecision.reason}); if it names the columns pass header: true (cch: --header yes), else ${hint}` : hint;
  const readRow = (rec: DelimitedRecord): void => {
    if (rec.fields.length !== width) {
      throw new InvalidInputError(`ragged row: ${rec.fields.length} fields where the first data row has ${width}`, {
        details: { file, line: rec.line, received: `${rec.fields.length} fields` },
        hint: 'every row needs the same number of fields; check for a missing or extra delimiter',
      });
    }
    for (let j = 0; j < width; j++) {
      const cell = rec.fields[j];
      if (j === idIndex) {
        ids.push(cell.trim());
        continue;
      }
      const v = parseNumberCell(cell);
      if (v === undefined) {
        if (isDecimalComma(cell)) {
          throw new InvalidInputError(`${JSON.stringify(cell)}${columnName(header, j)} looks like a number with a decimal comma`, {
            details: { file, line: rec.line, column: j + 1, received: cell },
            hint: "write decimal points (1.5, not 1,5): e.g. pandas.read_csv(file, decimal=',').to_csv(out), or export with '.' as the decimal separator",
          });
        }
        throw new InvalidInputError(`non-numeric cell ${JSON.stringify(cell)}${columnName(header, j)}`, {
          details: { file, line: rec.line, column: j + 1, received: cell },
          hint: hintFor(rec, 'a matrix file holds numbers only, apart from an optional header row and id column (option idColumn)'),
        });
      }
      if (Number.isNaN(v) && !opts.allowMissing) {
        throw new InvalidInputError(`missing value ${JSON.stringify(cell)}${columnName(header, j)}`, {
          details: { file, line: rec.line, column: j + 1, received: cell },
          hint: hintFor(rec, 'impute or drop missing values first, or pass allowMissing to read them as NaN'),
        });
      }
      if (Math.abs(v) >= 1000 && cell.includes(',')) thousands += 1;
      if (j === firstFeature && countsUp && v !== rowCount) countsUp = false;
      values.push(v);
    }
    rowCount += 1;
  };

  for (let i = hasHeader ? 1 : 0; i < head.length; i++) readRow(head[i]);
  for (const rec of records) readRow(rec);

  const data = opts.dtype === 'float32' ? Float32Array.from(values.view()) : values.view().slice();
  const layout = textLayout(text);
  const notes: string[] = [];
  if (headerDecision.note !== undefined) notes.push(headerDecision.note);
  if (thousands > 0) notes.push(`${thousands} number(s) with thousands separators read as numbers ("1,234.5" as 1234.5)`);
  if (countsUp && rowCount >= 3) {
    const name = header?.[firstFeature] ? `'${header[firstFeature]}'` : `${firstFeature + 1}`;
    notes.push(`column ${name} holds 0, 1, …, ${rowCount - 1} in order, like a saved index: pass idColumn ${name} if it is one`);
  }
  for (const name of header ?? []) {
    if (/^unnamed: \d+$/i.test(name) && name !== header?.[idIndex ?? -1]) {
      notes.push(`column '${name}' is what pandas names a nameless column read back (often a saved index): pass idColumn '${name}' if it is one`);
    }
  }
  let idReason = idDecision.reason;
  if (idIndex !== undefined && header?.[idIndex] === '' && !headerShort && opts.idColumn === 'auto') {
    idReason = ids.every((id, i) => id === String(i)) ? "unnamed first column holding 0…n−1: pandas' index" : 'unnamed first column: row names';
  }
  const detected: CsvDetected = {
    header: hasHeader ? 'yes' : 'no',
    headerReason: headerDecision.reason,
    idColumn: idIndex === undefined ? null : header !== undefined && header[idIndex] !== '' ? header[idIndex] : `column ${idIndex + 1}`,
    idReason,
    rows: rowCount,
    columns: cols,
    delimiter,
    bom: layout.bom,
    lineEnding: layout.lineEnding,
    blankLines: stats.blankLines,
    notes,
  };
  const result: CsvMatrix = { matrix: new Matrix(data, rowCount, cols), delimiter, detected };
  if (idIndex !== undefined) result.ids = ids;
  if (header !== undefined) {
    result.header = header.filter((_, j) => j !== idIndex);
    if (idIndex !== undefined) result.idHeader = header[idIndex];
  }
  return result;
}

/** A cell that holds a number, or one in a form refused later with a better message (a decimal comma). */
function numberLike(cell: string): boolean {
  return parseNumberCell(cell) !== undefined || isDecimalComma(cell);
}

interface HeaderDecision {
  header: boolean;
  reason: string;
  /** Said alongside when the choice could be wrong. */
  note?: string;
}

/**
 * Whether the first of `head` (the first rows of the file) names the columns. Under 'auto': a first
 * row as wide as the next reading 0, 1, …, d−1 is pandas' numeric column names when the rows below
 * hold floats (above integers only it is refused as ambiguous for d ≥ 2, and read as data with a
 * note for d = 1); after an empty cell (pandas' index) 0 … d−1 or 1 … d is always a header, while a
 * bare 1 … d row is data. Otherwise a header has a text cell above a number.
 */
function decideHeader(forced: boolean | 'auto', head: DelimitedRecord[], file: string): HeaderDecision {
  if (forced === true) return { header: true, reason: 'as requested' };
  if (forced === false) return { header: false, reason: 'as requested' };
  const [first, next] = head;
  const textual = first.fields.map((f) => f.trim() !== '' && !numberLike(f));
  if (next === undefined) {
    return textual.some(Boolean) ? { header: true, reason: 'the only row holds names' } : { header: false, reason: 'the only row holds numbers' };
  }
  const numeric = numericNames(first, next.fields.length);
  if (numeric !== undefined) {
    const { offset, base, d } = numeric;
    const names = d === 1 ? `${base}` : `${base}…${base + d - 1}`;
    if (offset === 1) return { header: true, reason: `numeric column names ${names} after an empty cell: pandas' header over its index` };
    // pandas numbers from 0; a bare 1, 2, … row is data (hand-written files start so).
    if (base === 1) return { header: false, reason: 'the first row holds data' };
    const floats = head.slice(1).some((rec) => rec.fields.some((f) => floatFormatted(f)));
    if (floats) return { header: true, reason: `numeric column names ${names}, as pandas writes for a frame without column names` };
    const row = first.fields.join(',');
    if (d >= 2) {
      throw new InvalidInputError(`cannot tell whether the first row (${row}) is a header or data: it reads ${names}, the column names pandas writes for a frame without names, but the rows below hold integers too`, {
        details: { file, line: first.line },
        hint: 'pass header: true if the first row names the columns (pandas to_csv), header: false if it is data (cch: --header yes|no)',
      });
    }
    return {
      header: false,
      reason: `the first row '${row}' is read as data (the column holds integers)`,
      note: `the first row '${row}' could be a pandas column name: pass header: true (--header yes) if it is one`,
    };
  }
  // With an unnamed index column the header is one field short: compare it against the next row shifted by one.
  const shift = first.fields.length === next.fields.length - 1 ? 1 : 0;
  const above = first.fields.filter((_, j) => textual[j] && j + shift < next.fields.length && numberLike(next.fields[j + shift]));
  if (above.length === 0) return { header: false, reason: 'the first row holds data' };
  const shown = above.slice(0, 2).map((f) => `'${f.trim()}'`);
  return { header: true, reason: `names (${shown.join(', ')}${above.length > 2 ? ', …' : ''}) above numbers` };
}

/** The first row as pandas' default column names: 0 … d−1 or 1 … d, after an empty index cell when there is one. */
function numericNames(first: DelimitedRecord, width: number): { offset: number; base: number; d: number } | undefined {
  const f = first.fields.map((s) => s.trim());
  if (f.length !== width) return undefined;
  const offset = f.length >= 2 && f[0] === '' ? 1 : 0;
  const d = f.length - offset;
  for (const base of [0, 1]) {
    let ok = true;
    for (let j = 0; j < d && ok; j++) ok = f[offset + j] === String(base + j);
    if (ok) return { offset, base, d };
  }
  return undefined;
}

/** A number written as a float (a point or an exponent): what pandas writes for every value of a float column. */
function floatFormatted(cell: string): boolean {
  return /[.eE]/.test(cell) && Number.isFinite(parseNumberCell(cell));
}

function decideIdColumn(
  idColumn: CsvMatrixOptions['idColumn'],
  header: string[] | undefined,
  headerShort: boolean,
  firstData: DelimitedRecord,
  file: string,
): { index: number | undefined; reason: string } {
  const width = firstData.fields.length;
  if (idColumn === false) return { index: undefined, reason: 'none requested' };
  if (typeof idColumn === 'number') {
    if (!Number.isInteger(idColumn) || idColumn < 0 || idColumn >= width) {
      throw new InvalidInputError(`idColumn must be a 0-based column index in 0..${width - 1}`, {
        details: { field: 'idColumn', file, received: String(idColumn) },
      });
    }
    return { index: idColumn, reason: 'as requested' };
  }
  if (idColumn === 'auto') {
    if (width < 2) return { index: undefined, reason: 'a single column' };
    if (headerShort) return { index: 0, reason: 'the header has one name fewer than the rows: row names (R write.csv)' };
    if (header !== undefined && ID_HEADERS.has(header[0].toLowerCase())) {
      return { index: 0, reason: header[0] === '' ? 'unnamed first column' : `'${header[0]}' names sample ids` };
    }
    // Only text makes an id column: a number in any form (1,234.5 too) is a feature.
    const cell = firstData.fields[0];
    if (!numberLike(cell)) return { index: 0, reason: `the first column holds text (${JSON.stringify(cell.trim())})` };
    return { index: undefined, reason: header === undefined ? 'the first column holds numbers' : 'the first column holds numbers and is not named like an id' };
  }
  if (typeof idColumn === 'string') {
    const j = header === undefined ? -1 : header.indexOf(idColumn);
    if (j < 0) {
      throw new InvalidInputError(`idColumn '${idColumn}' is not a column name`, {
        details: { field: 'idColumn', file, received: idColumn, valid: header ?? [] },
        hint: header === undefined ? 'the file has no header row; pass the column index instead' : `columns: ${header.join(', ')}`,
      });
    }
    return { index: j, reason: 'as requested' };
  }
  throw new InvalidInputError("idColumn must be 'auto', a column index, a column name or false", {
    details: { field: 'idColumn', file, received: String(idColumn) },
  });
}

function columnName(header: string[] | undefined, j: number): string {
  return header !== undefined && header[j] !== '' ? ` in column '${header[j]}'` : '';
}

/** A Float64Array that doubles when full, so a file is read in one pass without per-row arrays. */
class GrowableFloat64 {
  private buffer: Float64Array;
  length = 0;

  constructor(capacity: number) {
    this.buffer = new Float64Array(capacity);
  }

  push(v: number): void {
    if (this.length === this.buffer.length) {
      const bigger = new Float64Array(this.buffer.length * 2);
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    this.buffer[this.length++] = v;
  }

  view(): Float64Array {
    return this.buffer.subarray(0, this.length);
  }
}
