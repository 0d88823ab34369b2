/**
 * One table as the page shows it: inside its own horizontal scroll box, so a wide table (twenty
 * columns of a sweep) scrolls by itself and the page never scrolls sideways; and, past
 * LONG_TABLE_ROWS rows, collapsed behind a summary line saying how many rows there are, so a
 * 120-row listing does not push the next table off the first screens. No script: `<details>`.
 */
import type { TableSpec } from '../contract.js';
import { escapeHtml } from '../format/escape-html.js';
import { sourcesLine } from '../format/source-badge.js';
import { renderTable } from '../tables/render-table.js';
import { errorBox } from './error-box.js';

/** Tables with more rows than this start collapsed. */
export const LONG_TABLE_ROWS = 25;

/** Renders a table in its scroll box (collapsed when long); a table that fails becomes an error box and a warning. */
export function renderTableBlock(table: TableSpec, warnings: string[]): string {
  let html: string;
  try {
    html = renderTable(table);
  } catch (error) {
    return errorBox('table', table?.id, error, warnings);
  }
  const scroll = scrollBox(html);
  const rows = table.rows.length;
  if (rows <= LONG_TABLE_ROWS) return scroll;
  return [
    '<details class="long-table">',
    `<summary><span class="table-title">${escapeHtml(table.title)}</span> — ${rows} rows, ${table.columns.length} columns (click to show) · ${sourcesLine(table.sources)}</summary>`,
    scroll,
    '</details>',
  ].join('\n');
}

/** The same scroll box around any other wide block (the index's scorecard, small summary tables). */
export function scrollBox(html: string): string {
  return `<div class="table-scroll">\n${html}\n</div>`;
}
