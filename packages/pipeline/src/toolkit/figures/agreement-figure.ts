/** Agreement of each criterion with the observed KD sign, as bars with their intervals and a chance line. */
import type { DataSource } from '@cch-lab/data';
import { barChart } from '../../figures/helpers.js';
import type { FigureSpec } from '../../types.js';
import type { ClusteredAgreement } from '../score-criteria.js';
import { sourceSentence } from '../sources.js';

export interface AgreementFigureOptions {
  id?: string;
  title?: string;
  /** Criteria in display order with their agreement. */
  criteria: readonly { label: string; agreement: ClusteredAgreement }[];
  sources: DataSource[];
  /** A reference rate drawn as a dashed line (e.g. 0.5 for a coin flip). */
  chance?: number;
}

export function agreementFigure(options: AgreementFigureOptions): FigureSpec {
  const values = options.criteria
    .filter((c) => c.agreement.rate !== null)
    .map((c) => ({ criterion: c.label, rate: c.agreement.rate, low: c.agreement.interval[0], high: c.agreement.interval[1], decisive: c.agreement.total }));
  const spec = barChart({ values, x: 'criterion', y: 'rate', errorBar: { lower: 'low', upper: 'high' }, xTitle: 'criterion', yTitle: 'agreement with the observed sign' });
  if (options.chance !== undefined) {
    (spec.layer as Record<string, unknown>[]).push({ data: { values: [{}] }, mark: { type: 'rule', color: '#888', strokeDash: [4, 3] }, encoding: { y: { datum: options.chance } } });
  }
  const left = options.criteria.filter((c) => c.agreement.rate === null).map((c) => c.label);
  return {
    id: options.id ?? 'agreement',
    title: options.title ?? 'Agreement of each criterion with the observed KD effect',
    caption: [
      'Share of decisive settings whose observed sign the criterion predicted; bars show 95 % intervals (Wilson at the effective n of shared draws).',
      options.chance !== undefined ? `Dashed: ${options.chance} (chance).` : '',
      left.length > 0 ? `No decisive setting for: ${left.join(', ')}.` : '',
      sourceSentence(options.sources),
    ]
      .filter((s) => s !== '')
      .join(' '),
    sources: options.sources,
    spec,
  };
}
