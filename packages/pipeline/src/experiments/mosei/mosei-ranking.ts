/**
 * The modality ranking: every modality's own I(H; Y) on the held-out rows (each repeat's
 * `labelInformation`), its mean and t-interval over repeats per estimator, and its held-out score
 * beside it — then the order the primary estimator gives, against the paper's text > audio > visual.
 */
import type { DataSource } from '@cch-lab/data';
import { barChart } from '../../figures/helpers.js';
import type { DistillationRow } from '../../toolkit/distillation-row.js';
import type { LabelInformation } from '../../toolkit/distillation-cell.js';
import { sourceSentence } from '../../toolkit/sources.js';
import type { CellRecord, FigureSpec, Row, TableSpec } from '../../types.js';
import { meanInterval } from '../shared/mean-interval.js';

export const PAPER_RANKING = ['text', 'audio', 'visual'] as const;

export interface RankingEntry {
  modality: string;
  estimator: string;
  repeats: number;
  nats: number;
  low: number | null;
  high: number | null;
  /** Held-out accuracy (or −MSE for a regression) of the modality's own model, mean over repeats. */
  score: number | null;
}

export interface Ranking {
  entries: RankingEntry[];
  /** Modalities by the primary estimator's mean I(H; Y), highest first. */
  order: string[];
  /** Whether `order` is the paper's (over the modalities both have). */
  matchesPaper: boolean;
  primary: string;
}

export function moseiRanking(records: readonly CellRecord[], rows: readonly DistillationRow[], modalities: readonly string[], level: number): Ranking {
  const info = records.flatMap((r) => ((r.output.meta?.labelInformation ?? []) as LabelInformation[]));
  const estimators = [...new Set(info.map((e) => e.estimator))];
  const primary = estimators[0] ?? 'none';
  const scores = modelScores(rows);
  const entries: RankingEntry[] = [];
  for (const estimator of estimators) {
    for (const modality of modalities) {
      const values = info.filter((e) => e.estimator === estimator && e.modality === modality && Number.isFinite(e.nats)).map((e) => e.nats);
      if (values.length === 0) continue;
      const m = meanInterval(values, level);
      entries.push({ modality, estimator, repeats: values.length, nats: m.mean, low: Number.isFinite(m.low) ? m.low : null, high: Number.isFinite(m.high) ? m.high : null, score: scores.get(modality) ?? null });
    }
  }
  const order = entries.filter((e) => e.estimator === primary).sort((a, b) => b.nats - a.nats).map((e) => e.modality);
  const paper = PAPER_RANKING.filter((m) => order.includes(m));
  return { entries, order, matchesPaper: order.length >= 2 && paper.join('>') === order.filter((m) => (PAPER_RANKING as readonly string[]).includes(m)).join('>'), primary };
}

/** Each modality's held-out score, mean over the rows where its own model appears (as teacher or no-KD student). */
function modelScores(rows: readonly DistillationRow[]): Map<string, number> {
  const seen = new Map<string, Map<string, number>>();
  const add = (modality: string, repeat: string, metrics: DistillationRow['no_kd']) => {
    const score = metrics.accuracy ?? (metrics.mse === null ? null : -metrics.mse);
    if (score === null) return;
    if (!seen.has(modality)) seen.set(modality, new Map());
    seen.get(modality)?.set(repeat, score);
  };
  for (const r of rows) {
    const repeat = String(r.context.repeat);
    add(r.teacher, repeat, r.teacher_metrics);
    add(r.student, repeat, r.no_kd);
  }
  return new Map([...seen].map(([m, byRepeat]) => [m, [...byRepeat.values()].reduce((a, b) => a + b, 0) / byRepeat.size]));
}

export function rankingRows(ranking: Ranking): Row[] {
  return ranking.entries.map((e) => ({ modality: e.modality, estimator: e.estimator, repeats: e.repeats, i_h_y: e.nats, i_h_y_low: e.low, i_h_y_high: e.high, held_out_score: e.score, rank: e.estimator === ranking.primary ? ranking.order.indexOf(e.modality) + 1 : null }));
}

export function rankingTable(ranking: Ranking, sources: DataSource[], task: 'classification' | 'regression'): TableSpec {
  return {
    id: 'modality-ranking',
    title: 'Modality ranking by I(H; Y)',
    caption: `Each modality’s own model, its representation H on the held-out rows; mean over repeats with a 95 % t-interval. The paper ranks text > audio > visual; ours (${ranking.primary}): ${ranking.order.join(' > ')}${ranking.matchesPaper ? ' — the same order' : ' — a different order'}. ${sourceSentence(sources)}`,
    sources,
    columns: [
      { key: 'rank', label: 'rank', format: 'integer' },
      { key: 'modality', label: 'modality', format: 'text' },
      { key: 'estimator', label: 'estimator', format: 'text' },
      { key: 'i_h_y', label: 'I(H;Y) nats', digits: 3 },
      { key: 'i_h_y_low', label: 'low', digits: 3 },
      { key: 'i_h_y_high', label: 'high', digits: 3 },
      task === 'classification' ? { key: 'held_out_score', label: 'test acc', format: 'percent', digits: 1 } : { key: 'held_out_score', label: 'test −MSE', digits: 3 },
      { key: 'repeats', label: 'repeats', format: 'integer' },
    ],
    rows: rankingRows(ranking),
  };
}

export function rankingFigure(ranking: Ranking, sources: DataSource[]): FigureSpec {
  const values = ranking.entries
    .filter((e) => e.estimator === ranking.primary)
    .map((e) => ({ modality: e.modality, nats: e.nats, low: e.low ?? e.nats, high: e.high ?? e.nats }));
  return {
    id: 'modality-ranking',
    title: `I(H; Y) per modality (${ranking.primary})`,
    caption: `Bars: mean over repeats; whiskers: 95 % t-interval. Paper: text > audio > visual. ${sourceSentence(sources)}`,
    sources,
    spec: barChart({ values, x: 'modality', y: 'nats', errorBar: { lower: 'low', upper: 'high' }, xTitle: 'modality', yTitle: 'I(H; Y), nats' }),
  };
}
