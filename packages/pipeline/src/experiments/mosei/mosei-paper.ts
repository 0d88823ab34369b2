/**
 * The paper's reported MOSEI gains beside ours: per pair the KD accuracy change it reports and the
 * mean (and range) of our settings' effects, with the CCH's verdicts. Binary accuracy only — the
 * paper reports no other label mode, so other modes get no comparison, said so.
 */
import type { DataSource } from '@cch-lab/data';
import type { MoseiLabelMode } from '@cch-lab/data-mosei';
import type { DistillationNumbers } from '../../toolkit/distillation-summary.js';
import { sourceSentence } from '../../toolkit/sources.js';
import type { Row, TableSpec } from '../../types.js';

/** arXiv 2510.13182, MOSEI: KD accuracy gain per pair (binary sentiment). */
export const PAPER_GAINS: Readonly<Record<string, number>> = Object.freeze({ 'text→visual': 0.011, 'text→audio': 0.023 });

export interface PaperComparison {
  rows: Row[];
  notes: string[];
  table: (sources: DataSource[]) => TableSpec;
}

export function paperComparison(numbers: DistillationNumbers, label: MoseiLabelMode): PaperComparison {
  const comparable = label === 'binary';
  const pairs = [...new Set(numbers.settings.map((s) => `${String(s.key.teacher)}→${String(s.key.student)}`))];
  const rows: Row[] = pairs.map((pair) => {
    const settings = numbers.settings.filter((s) => `${String(s.key.teacher)}→${String(s.key.student)}` === pair);
    const effects = settings.map((s) => s.gain.mean).filter(Number.isFinite);
    const primary = numbers.criteria[0].key;
    const count = (v: string) => settings.filter((s) => (s.predictions[primary] ?? 'inconclusive') === v).length;
    return {
      pair,
      paper_gain: comparable ? (PAPER_GAINS[pair] ?? null) : null,
      our_mean_effect: effects.length > 0 ? effects.reduce((a, b) => a + b, 0) / effects.length : null,
      our_min_effect: effects.length > 0 ? Math.min(...effects) : null,
      our_max_effect: effects.length > 0 ? Math.max(...effects) : null,
      settings: settings.length,
      decisive_effects: settings.filter((s) => s.observed !== 'inconclusive').length,
      cch_helps: count('kd-helps'),
      cch_hurts: count('kd-hurts'),
      cch_abstains: settings.length - count('kd-helps') - count('kd-hurts'),
    };
  });
  const notes = comparable
    ? rows
        .filter((r) => r.paper_gain !== null)
        .map((r) => `${String(r.pair)}: the paper reports ${fmt(r.paper_gain as number)} accuracy from KD; ours averages ${r.our_mean_effect === null ? 'n/a' : fmt(r.our_mean_effect as number)} over ${String(r.settings)} λ × T settings (${String(r.decisive_effects)} with an interval that excludes 0).`)
    : [`The paper reports binary accuracy only; with data.label = ${label} there is no reported value to compare.`];
  const effectFormat = numbers.task === 'classification' ? ({ format: 'percent', digits: 1 } as const) : ({ format: 'number', digits: 4 } as const);
  return {
    rows,
    notes,
    table: (sources) => ({
      // Effects are accuracy changes for classes, MSE reductions for the continuous score.
      id: 'paper-comparison',
      title: 'The paper’s reported KD gains beside ours',
      caption: `Paper: arXiv 2510.13182 (MOSEI, binary accuracy). Ours: mean, min and max over the λ × T settings of the mean effect over repeats; the CCH columns count settings by the primary estimator’s verdict. ${sourceSentence(sources)}`,
      sources,
      columns: [
        { key: 'pair', label: 'pair', format: 'text' },
        { key: 'paper_gain', label: 'paper', format: 'percent', digits: 1 },
        { key: 'our_mean_effect', label: 'ours (mean)', ...effectFormat },
        { key: 'our_min_effect', label: 'min', ...effectFormat },
        { key: 'our_max_effect', label: 'max', ...effectFormat },
        { key: 'decisive_effects', label: 'decisive', format: 'integer' },
        { key: 'cch_helps', label: 'CCH: helps', format: 'integer' },
        { key: 'cch_hurts', label: 'CCH: hurts', format: 'integer' },
        { key: 'cch_abstains', label: 'CCH: abstains', format: 'integer' },
      ],
      rows,
    }),
  };
}

function fmt(v: number): string {
  return `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)} %`;
}
