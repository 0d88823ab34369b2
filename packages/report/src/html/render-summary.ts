/**
 * An experiment's `summary` object made readable: nested objects as definition lists, arrays of
 * flat records as small tables, lists of scalars inline, numbers formatted.
 */
import { escapeHtml } from '../format/escape-html.js';
import { MISSING, formatSignificant } from '../format/format-value.js';

/** Past this depth the rest is shown as JSON; summaries are meant to be shallow. */
const MAX_DEPTH = 5;

/** Renders any JSON-like value to HTML; objects become `<dl class="summary">`. */
export function renderSummary(value: unknown): string {
  return renderValue(value, 0);
}

function renderValue(value: unknown, depth: number): string {
  if (value === null || value === undefined) return MISSING;
  if (typeof value === 'number') return escapeHtml(formatSummaryNumber(value));
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (depth >= MAX_DEPTH) return `<code>${escapeHtml(JSON.stringify(value))}</code>`;
  if (Array.isArray(value)) return renderArray(value, depth);
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return MISSING;
    const items = entries.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${renderValue(v, depth + 1)}</dd>`);
    return `<dl class="summary">${items.join('')}</dl>`;
  }
  return escapeHtml(String(value));
}

function renderArray(values: unknown[], depth: number): string {
  if (values.length === 0) return '(none)';
  if (values.every(isScalar)) return values.map((v) => renderValue(v, depth + 1)).join(', ');
  if (values.every(isFlatRecord)) return renderRecordTable(values as Record<string, unknown>[]);
  return `<ol>${values.map((v) => `<li>${renderValue(v, depth + 1)}</li>`).join('')}</ol>`;
}

function renderRecordTable(records: Record<string, unknown>[]): string {
  const keys = [...new Set(records.flatMap((r) => Object.keys(r)))];
  const head = keys.map((k) => `<th>${escapeHtml(k)}</th>`).join('');
  const body = records
    .map((r) => `<tr>${keys.map((k) => `<td${typeof r[k] === 'number' ? ' class="num"' : ''}>${renderValue(r[k], MAX_DEPTH)}</td>`).join('')}</tr>`)
    .join('');
  return `<table class="summary-table"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Whole numbers as they are (counts, sizes); others to three significant digits. */
function formatSummaryNumber(value: number): string {
  if (Number.isNaN(value)) return MISSING;
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return formatSignificant(value);
}

function isScalar(v: unknown): boolean {
  return v === null || ['number', 'string', 'boolean'].includes(typeof v);
}

function isFlatRecord(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isScalar);
}
