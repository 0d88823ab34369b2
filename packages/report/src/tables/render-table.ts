/**
 * A TableSpec as one HTML `<table>`: the declared columns in their declared order, numbers
 * formatted per column, every cell escaped, and a caption holding the title, the caption text and
 * the data-source line.
 */
import * as aq from 'arquero';
import { InvalidInputError, UnknownMethodError } from '@cch-lab/core';
import { COLUMN_FORMATS, type ColumnSpec, type TableSpec } from '../contract.js';
import { escapeHtml } from '../format/escape-html.js';
import { formatValue } from '../format/format-value.js';
import { slug } from '../format/slug.js';
import { sourcesLine } from '../format/source-badge.js';


/**
 * Renders a table to an HTML string (`<table class="data-table" id="table-<id>">`). Missing values
 * (null, NaN, absent keys) print as "—"; numeric columns are right-aligned.
 * @throws InvalidInputError when a declared column appears in no row, or the spec is malformed.
 * @throws UnknownMethodError for a column format other than number | integer | percent | text.
 */
export function renderTable(table: TableSpec): string {
  checkTable(table);
  const keys = table.columns.map((c) => c.key);
  const data = selectColumns(table, keys);
  const numeric = table.columns.map((c) => c.format !== 'text' && data.array(c.key).some((v) => typeof v === 'number'));
  const head = table.columns
    .map((c, j) => `<th scope="col"${numeric[j] ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`)
    .join('');
  const body: string[] = [];
  const n = data.numRows();
  const columnValues = keys.map((k) => data.array(k));
  for (let i = 0; i < n; i++) {
    const cells = table.columns.map((c, j) => {
      const text = escapeHtml(formatValue(columnValues[j][i], c.format, c.digits));
      return `<td${numeric[j] ? ' class="num"' : ''}>${text}</td>`;
    });
    body.push(`<tr>${cells.join('')}</tr>`);
  }
  if (n === 0) body.push(`<tr><td class="empty" colspan="${keys.length}">no rows</td></tr>`);
  return [
    `<table class="data-table" id="table-${slug(table.id)}">`,
    `<caption>${captionHtml(table)}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>\n${body.join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
}

/** An arquero table with exactly the declared columns, in order. */
function selectColumns(table: TableSpec, keys: string[]): aq.ColumnTable {
  if (table.rows.length === 0) return aq.from([], keys);
  // arquero takes its column names from the first row unless told; rows may differ in keys.
  const present = new Set<string>();
  for (const row of table.rows) for (const k of Object.keys(row)) present.add(k);
  const missing = keys.filter((k) => !present.has(k));
  if (missing.length > 0) {
    throw new InvalidInputError(`declared column(s) ${missing.map((k) => `'${k}'`).join(', ')} appear in no row`, {
      details: { field: `tables.${table.id}.columns`, received: `row keys: ${[...present].join(', ')}` },
      hint: 'make the ColumnSpec keys match the keys of the rows the experiment summary produces',
    });
  }
  return aq.from(table.rows, [...present]).select(keys);
}

function captionHtml(table: TableSpec): string {
  const parts = [`<div class="table-title">${escapeHtml(table.title)}</div>`];
  if (table.caption !== undefined && table.caption !== '') {
    parts.push(`<div class="table-caption">${escapeHtml(table.caption)}</div>`);
  }
  parts.push(`<div class="table-sources">${sourcesLine(table.sources)}</div>`);
  return parts.join('');
}

function checkTable(table: TableSpec): void {
  const where = `tables.${String((table as Partial<TableSpec>)?.id)}`;
  if (typeof table !== 'object' || table === null || typeof table.id !== 'string' || typeof table.title !== 'string') {
    throw new InvalidInputError('a table needs a string id and title', { details: { field: where } });
  }
  if (!Array.isArray(table.columns) || table.columns.length === 0) {
    throw new InvalidInputError('a table needs at least one column', {
      details: { field: `${where}.columns`, received: String(table.columns) },
    });
  }
  if (!Array.isArray(table.rows)) {
    throw new InvalidInputError('rows must be an array of records', { details: { field: `${where}.rows`, received: typeof table.rows } });
  }
  if (!Array.isArray(table.sources)) {
    throw new InvalidInputError('sources must be an array', { details: { field: `${where}.sources`, received: typeof table.sources } });
  }
  const seen = new Set<string>();
  table.columns.forEach((c: ColumnSpec, j) => checkColumn(c, `${where}.columns.${j}`, seen));
}

function checkColumn(c: ColumnSpec, field: string, seen: Set<string>): void {
  if (typeof c?.key !== 'string' || typeof c.label !== 'string') {
    throw new InvalidInputError('a column needs a string key and label', { details: { field, received: JSON.stringify(c) } });
  }
  if (seen.has(c.key)) {
    throw new InvalidInputError(`column '${c.key}' is declared twice`, { details: { field: `${field}.key`, received: c.key } });
  }
  seen.add(c.key);
  if (c.format !== undefined && !(COLUMN_FORMATS as readonly string[]).includes(c.format)) {
    throw new UnknownMethodError('column format', String(c.format), COLUMN_FORMATS, { details: { field: `${field}.format` } });
  }
  if (c.digits !== undefined && (!Number.isInteger(c.digits) || c.digits < 0 || c.digits > 20)) {
    throw new InvalidInputError('digits must be an integer in [0, 20]', { details: { field: `${field}.digits`, received: String(c.digits) } });
  }
}
