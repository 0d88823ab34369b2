/** Tables and matrices as CSV, written atomically with RFC 4180 quoting. */
import path from 'node:path';
import { InvalidInputError } from '@cch-lab/core';
import type { Matrix } from '@cch-lab/core';
import { writeFileAtomic } from './write-file-atomic.js';

/** A value of one CSV cell. null, undefined and NaN are written as an empty cell (missing). */
export type CsvScalar = string | number | boolean | null | undefined;

/** A matrix with optional column names and sample ids (the ids become the first column). */
export interface CsvMatrixTable {
  matrix: Matrix;
  /** One name per matrix column. Default: no header row unless ids are given (then x1, x2, …). */
  header?: readonly string[];
  /** One id per row. */
  ids?: readonly string[];
  /** Header of the id column. Default 'id'. */
  idHeader?: string;
}

export interface CsvWriteOptions {
  /** Column order for row records. Default: keys in order of first appearance across the rows. */
  columns?: readonly string[];
  /** Field separator. Default '\t' for a .tsv path, ',' otherwise. */
  delimiter?: ',' | '\t';
}

/** Rows per generated chunk: large enough to amortise writes, small enough to never build one huge string. */
const ROWS_PER_CHUNK = 2048;

/**
 * Writes a CSV file atomically (see writeFileAtomic), from either records — one per row, the
 * header being the union of their keys — or a matrix with optional header and ids. Fields holding
 * the delimiter, a quote, a line break or edge spaces are quoted, quotes doubled. Numbers are
 * written in JavaScript's shortest round-trip form (float32 matrices: the exact float32 value, so
 * reading back gives the same numbers); null, undefined and NaN become empty cells.
 *
 * @throws InvalidInputError for a cell that is not a scalar (naming its row and column) or header /
 *   ids of the wrong length — before the previous file is touched; CchError 'EWRITE' for I/O failures.
 */
export function writeCsvAtomic(
  file: string,
  table: readonly Record<string, CsvScalar>[] | CsvMatrixTable,
  options: CsvWriteOptions = {},
): void {
  const delimiter = options.delimiter ?? (path.extname(file).toLowerCase() === '.tsv' ? '\t' : ',');
  const chunks = Array.isArray(table)
    ? recordChunks(table as readonly Record<string, CsvScalar>[], options.columns, delimiter, file)
    : matrixChunks(checkMatrixTable(table as CsvMatrixTable, file), delimiter);
  writeFileAtomic(file, chunks);
}

function* recordChunks(
  rows: readonly Record<string, CsvScalar>[],
  columns: readonly string[] | undefined,
  delimiter: string,
  file: string,
): Generator<string> {
  const keys = columns ?? unionOfKeys(rows);
  let chunk = keys.length > 0 ? `${keys.map((k) => quote(k, delimiter)).join(delimiter)}\n` : '';
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const cells: string[] = [];
    for (const key of keys) {
      const v: unknown = row[key];
      if (v !== null && v !== undefined && typeof v === 'object') {
        throw new InvalidInputError(`writeCsvAtomic: the cell in row ${i + 1}, column '${key}' is not a scalar`, {
          details: { file, field: key, row: i + 1, received: Array.isArray(v) ? 'array' : 'object' },
          hint: 'flatten nested values into their own columns, or write them with writeJsonAtomic',
        });
      }
      cells.push(formatCell(v as CsvScalar, delimiter));
    }
    chunk += `${cells.join(delimiter)}\n`;
    if ((i + 1) % ROWS_PER_CHUNK === 0) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}

function* matrixChunks(table: CsvMatrixTable, delimiter: string): Generator<string> {
  const { matrix, ids } = table;
  const header =
    table.header ?? (ids !== undefined ? Array.from({ length: matrix.cols }, (_, j) => `x${j + 1}`) : undefined);
  let chunk = '';
  if (header !== undefined) {
    const names = ids !== undefined ? [table.idHeader ?? 'id', ...header] : [...header];
    chunk += `${names.map((h) => quote(h, delimiter)).join(delimiter)}\n`;
  }
  const cells: string[] = new Array(matrix.cols);
  for (let i = 0; i < matrix.rows; i++) {
    const base = i * matrix.cols;
    for (let j = 0; j < matrix.cols; j++) cells[j] = formatNumber(matrix.data[base + j]);
    chunk += ids !== undefined ? `${quote(ids[i], delimiter)}${delimiter}${cells.join(delimiter)}\n` : `${cells.join(delimiter)}\n`;
    if ((i + 1) % ROWS_PER_CHUNK === 0) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}

function checkMatrixTable(table: CsvMatrixTable, file: string): CsvMatrixTable {
  const m = table?.matrix;
  if (m === undefined || !(m.data instanceof Float32Array || m.data instanceof Float64Array)) {
    throw new InvalidInputError('writeCsvAtomic: pass an array of row records or { matrix, header?, ids? }', {
      details: { file, field: 'table', received: typeof table },
    });
  }
  if (table.header !== undefined && table.header.length !== m.cols) {
    throw new InvalidInputError(`writeCsvAtomic: header has ${table.header.length} names for ${m.cols} columns`, {
      details: { file, field: 'header', received: String(table.header.length) },
    });
  }
  if (table.ids !== undefined && table.ids.length !== m.rows) {
    throw new InvalidInputError(`writeCsvAtomic: ids has ${table.ids.length} entries for ${m.rows} rows`, {
      details: { file, field: 'ids', received: String(table.ids.length) },
    });
  }
  return table;
}

function unionOfKeys(rows: readonly Record<string, CsvScalar>[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

function formatCell(v: CsvScalar, delimiter: string): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return quote(String(v), delimiter);
}

function formatNumber(v: number): string {
  return Number.isNaN(v) ? '' : String(v);
}

/** RFC 4180: quote when the field holds the delimiter, a quote or a line break; also keep edge spaces. */
function quote(s: string, delimiter: string): string {
  const needs = s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') || s !== s.trim();
  return needs ? `"${s.replace(/"/g, '""')}"` : s;
}
