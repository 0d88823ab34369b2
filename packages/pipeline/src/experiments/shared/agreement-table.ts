/** The agreement table every experiment shows: one row per criterion, its rate and Wilson interval. */
import type { ColumnSpec, Row, TableSpec } from '../../types.js';
import type { Agreement } from './agreement.js';

export interface AgreementTableOptions {
  title: string;
  caption: string;
  sources: TableSpec['sources'];
  /** Criteria in display order, each with its agreement. */
  criteria: readonly { label: string; agreement: Agreement }[];
}

export function agreementTable(options: AgreementTableOptions): TableSpec {
  const rows: Row[] = options.criteria.map(({ label, agreement: a }) => ({ criterion: label, ...agreementFields(a) }));
  return {
    id: 'agreement',
    title: options.title,
    caption: options.caption,
    sources: options.sources,
    columns: agreementColumns('criterion', 'criterion', 'text'),
    rows,
  };
}

/** The agreement columns after a leading key column (a criterion, or a grouping such as n/p). */
export function agreementColumns(key: string, label: string, format: ColumnSpec['format']): ColumnSpec[] {
  return [
    { key, label, format },
    { key: 'agree', label: 'agree', format: 'integer' },
    { key: 'total', label: 'decisive', format: 'integer' },
    { key: 'rate', label: 'rate', format: 'percent', digits: 0 },
    { key: 'low', label: '95 % low', format: 'percent', digits: 0 },
    { key: 'high', label: '95 % high', format: 'percent', digits: 0 },
    { key: 'inconclusive', label: 'inconclusive', format: 'integer' },
  ];
}

/** The columns of one agreement, as every agreement table and breakdown row carries them. */
export function agreementFields(a: Agreement): Row {
  return { agree: a.agree, total: a.total, rate: a.rate, low: a.interval[0], high: a.interval[1], inconclusive: a.inconclusive };
}
