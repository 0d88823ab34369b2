/** Numeric matrices from CSV / TSV / whitespace text, with optional header row and id column. */
import { InvalidInputError, Matrix } from '@cch-lab/core';
import type { DType } from '@cch-lab/core';
import { detectDelimiter, parseDelimited } from './parse-delimited.js';
import type { DelimitedRecord, Delimiter } from './parse-delimited.js';
import { parseNumberCell } from './parse-number-cell.js';
import { readInputFile } from './read-input-file.js';

export interface CsvMatrixOptions {
  /**
   * Whether the first row names the columns. Default 'auto': it does when one of its cells is not a
   * number in a column whose first data cell is (so a text id column alone does not make a header).
   * Force true/false when column names are themselves numbers.
   */
  header?: boolean | 'auto';
  /**
   * The column holding sample ids, excluded from the matrix. Default 'auto': the first column when
   * its header is `id`, `sample`, `sample_id` or empty, or when its first data cell is not a number.
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
}

/**
 * Reads a numeric matrix from a delimited text file (see CsvMatrixOptions for header, id column,
 * missing values and separators).
 *
 * @throws DataNotFoundError when the file is missing; InvalidInputError naming the file and 1-based
 *   line (and column and cell text) for an empty file, a header without data, a ragged row, a
 *   non-numeric cell or a missing value.
 */
export function readCsvMatrix(file: string, options: CsvMatrixOptions = {}): CsvMatrix {
  const text = readInputFile(file, 'CSV matrix').toString('utf8');
  return parseCsvMatrix(text, file, options);
}

/** readCsvMatrix on text already in memory; `file` names it in messages (and picks the delimiter by extension). */
export function parseCsvMatrix(text: string, file: string, options: CsvMatrixOptions = {}): CsvMatrix {
  const opts = { ...CSV_DEFAULTS, ...options };
  const delimiter = opts.delimiter === 'auto' ? detectDelimiter(file, text) : opts.delimiter;
  const records = parseDelimited(text, delimiter, file);
  const first = records.next();
  if (first.done) {
    throw new InvalidInputError('the file is empty (no rows)', { details: { file }, hint: 'pass a file with one sample per row' });
  }
  const second = records.next();
  const hasHeader = opts.header === 'auto' ? looksLikeHeader(first.value, second.done ? undefined : second.value) : opts.header;
  const firstData = hasHeader ? (second.done ? undefined : second.value) : first.value;
  if (firstData === undefined) {
    throw new InvalidInputError('the file has a header row but no data rows', {
      details: { file, line: first.value.line },
      hint: "add data rows, or pass header: false if the first row is data",
    });
  }
  const width = firstData.fields.length;
  let header = hasHeader ? first.value.fields.map((h) => h.trim()) : undefined;
  // R's write.csv and pandas with an unnamed index leave the id column's header out or empty.
  if (header !== undefined && header.length === width - 1) header = ['', ...header];
  if (header !== undefined && header.length !== width) {
    throw new InvalidInputError(`the header has ${header.length} names but the first data row has ${width} fields`, {
      details: { file, line: firstData.line, received: `${width} fields` },
      hint: 'every row needs one field per header name',
    });
  }
  const idIndex = resolveIdColumn(opts.idColumn, header, firstData, file);
  const cols = idIndex === undefined ? width : width - 1;

  const values = new GrowableFloat64(Math.max(1024, cols * 256));
  const ids: string[] = [];
  let rowCount = 0;
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
        throw new InvalidInputError(`non-numeric cell ${JSON.stringify(cell)}${columnName(header, j)}`, {
          details: { file, line: rec.line, column: j + 1, received: cell },
          hint: 'a matrix file holds numbers only, apart from an optional header row and id column (option idColumn)',
        });
      }
      if (Number.isNaN(v) && !opts.allowMissing) {
        throw new InvalidInputError(`missing value ${JSON.stringify(cell)}${columnName(header, j)}`, {
          details: { file, line: rec.line, column: j + 1, received: cell },
          hint: 'impute or drop missing values first, or pass allowMissing to read them as NaN',
        });
      }
      values.push(v);
    }
    rowCount += 1;
  };

  readRow(firstData);
  // Without a header the second record (already pulled for header detection) is data too.
  if (!hasHeader && !second.done) readRow(second.value);
  for (const rec of records) readRow(rec);

  const data = opts.dtype === 'float32' ? Float32Array.from(values.view()) : values.view().slice();
  const result: CsvMatrix = { matrix: new Matrix(data, rowCount, cols), delimiter };
  if (idIndex !== undefined) result.ids = ids;
  if (header !== undefined) {
    result.header = header.filter((_, j) => j !== idIndex);
    if (idIndex !== undefined) result.idHeader = header[idIndex];
  }
  return result;
}

/** A header row has a non-numeric cell in a column where the next row has a number (or a missing marker). */
function looksLikeHeader(first: DelimitedRecord, next: DelimitedRecord | undefined): boolean {
  const textual = first.fields.map((f) => f.trim() !== '' && parseNumberCell(f) === undefined);
  if (next === undefined) return textual.some(Boolean);
  // With an unnamed index column the header is one field short: compare it against the next row shifted by one.
  const shift = first.fields.length === next.fields.length - 1 ? 1 : 0;
  return textual.some((t, j) => t && j + shift < next.fields.length && parseNumberCell(next.fields[j + shift]) !== undefined);
}

function resolveIdColumn(
  idColumn: CsvMatrixOptions['idColumn'],
  header: string[] | undefined,
  firstData: DelimitedRecord,
  file: string,
): number | undefined {
  const width = firstData.fields.length;
  if (idColumn === false) return undefined;
  if (typeof idColumn === 'number') {
    if (!Number.isInteger(idColumn) || idColumn < 0 || idColumn >= width) {
      throw new InvalidInputError(`idColumn must be a 0-based column index in 0..${width - 1}`, {
        details: { field: 'idColumn', file, received: String(idColumn) },
      });
    }
    return idColumn;
  }
  if (idColumn === 'auto') {
    if (width < 2) return undefined;
    if (header !== undefined && ID_HEADERS.has(header[0].toLowerCase())) return 0;
    return parseNumberCell(firstData.fields[0]) === undefined ? 0 : undefined;
  }
  if (typeof idColumn === 'string') {
    const j = header === undefined ? -1 : header.indexOf(idColumn);
    if (j < 0) {
      throw new InvalidInputError(`idColumn '${idColumn}' is not a column name`, {
        details: { field: 'idColumn', file, received: idColumn, valid: header ?? [] },
        hint: header === undefined ? 'the file has no header row; pass the column index instead' : `columns: ${header.join(', ')}`,
      });
    }
    return j;
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
