/** Grouping of flat result rows by a few key fields (the settings an experiment aggregates over repeats). */
import type { Row } from '../../types.js';

export interface RowGroup {
  /** The key fields' values shared by the group. */
  key: Row;
  rows: Row[];
}

/** Groups rows by the values of `fields`, in order of first appearance. */
export function groupRows(rows: readonly Row[], fields: readonly string[]): RowGroup[] {
  const groups = new Map<string, RowGroup>();
  for (const row of rows) {
    const key: Row = {};
    for (const f of fields) key[f] = row[f] ?? null;
    const id = JSON.stringify(fields.map((f) => key[f]));
    const group = groups.get(id);
    if (group === undefined) groups.set(id, { key, rows: [row] });
    else group.rows.push(row);
  }
  return [...groups.values()];
}

/** The finite numbers of `field` across rows (missing or non-numeric values skipped). */
export function numbersOf(rows: readonly Row[], field: string): number[] {
  const out: number[] = [];
  for (const r of rows) {
    const v = r[field];
    if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
  }
  return out;
}

/** Mean of `field` across rows, or null when none has a number. */
export function meanOf(rows: readonly Row[], field: string): number | null {
  const values = numbersOf(rows, field);
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}
