/**
 * The flat form of setting summaries for results.csv, tables and figures — the one place their
 * column names are made — and the compact per-setting table every experiment shows.
 */
import type { DataSource } from '@cch-lab/data';
import type { ColumnSpec, Row, TableSpec } from '../types.js';
import { cchKey, type SettingSummary } from './aggregate-settings.js';
import { sourceSentence } from './sources.js';

/** One flat row per setting: key, repeats, metrics, observed effect with interval, margins and predictions. */
export function settingRow(s: SettingSummary, estimators: readonly string[]): Row {
  const primary = estimators[0];
  const m = s.margins[primary];
  const row: Row = {
    ...s.key,
    repeats: s.repeats,
    teacher_accuracy: s.metrics.teacher.accuracy,
    no_kd_accuracy: s.metrics.no_kd.accuracy,
    kd_accuracy: s.metrics.kd.accuracy,
    no_kd_weighted_f1: s.metrics.no_kd.weighted_f1,
    kd_weighted_f1: s.metrics.kd.weighted_f1,
    no_kd_auc: s.metrics.no_kd.auc,
    kd_auc: s.metrics.kd.auc,
    teacher_weighted_f1: s.metrics.teacher.weighted_f1,
    no_kd_mse: s.metrics.no_kd.mse,
    kd_mse: s.metrics.kd.mse,
    kd_effect: s.gain.mean,
    kd_effect_low: finiteOr(s.gain.low, s.gain.mean),
    kd_effect_high: finiteOr(s.gain.high, s.gain.mean),
    observed: s.observed,
    i_teacher_student: s.sides.i_teacher_student,
    i_student_label: s.sides.i_student_label,
    margin: m?.mean ?? null,
    margin_low: m === undefined ? null : finiteOr(m.low, m.mean),
    margin_high: m === undefined ? null : finiteOr(m.high, m.mean),
    cch_prediction: s.predictions[cchKey(primary)] ?? 'no prediction',
    // The CCH's verdict on the setting: its prediction, or inconclusive where it makes none.
    verdict: s.predictions[cchKey(primary)] ?? 'inconclusive',
    effective_k: s.effective_k,
  };
  if (s.metrics.no_kd.mse !== null) {
    Object.assign(row, { teacher_mae: s.metrics.teacher.mae, no_kd_mae: s.metrics.no_kd.mae, kd_mae: s.metrics.kd.mae, teacher_pearson_r: s.metrics.teacher.pearson_r, no_kd_pearson_r: s.metrics.no_kd.pearson_r, kd_pearson_r: s.metrics.kd.pearson_r });
  }
  for (const e of estimators.slice(1)) {
    row[`margin_${e}`] = s.margins[e]?.mean ?? null;
    row[`cch_${e}_prediction`] = s.predictions[cchKey(e)] ?? 'no prediction';
  }
  row.plugin_gain = s.plugin?.mean ?? null;
  row.plugin_prediction = s.predictions.plugin ?? 'no prediction';
  return row;
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}

export interface SettingTableOptions {
  id: string;
  title: string;
  rows: readonly Row[];
  /** Leading key columns (e.g. cohort, teacher, student, λ). */
  keys: readonly ColumnSpec[];
  task: 'classification' | 'regression';
  sources: DataSource[];
  caption?: string;
}

/** The compact table: key columns, the metrics without / with KD, the effect, its sign, the margin and the CCH's prediction. */
export function settingTable(options: SettingTableOptions): TableSpec {
  const metric: ColumnSpec[] =
    options.task === 'classification'
      ? [
          { key: 'teacher_accuracy', label: 'teacher acc', format: 'percent', digits: 1 },
          { key: 'no_kd_accuracy', label: 'no-KD acc', format: 'percent', digits: 1 },
          { key: 'kd_accuracy', label: 'KD acc', format: 'percent', digits: 1 },
          { key: 'no_kd_weighted_f1', label: 'no-KD F1', format: 'number', digits: 3 },
          { key: 'kd_weighted_f1', label: 'KD F1', format: 'number', digits: 3 },
          { key: 'no_kd_auc', label: 'no-KD AUC', format: 'number', digits: 3 },
          { key: 'kd_auc', label: 'KD AUC', format: 'number', digits: 3 },
        ]
      : [
          { key: 'no_kd_mse', label: 'no-KD MSE', format: 'number' },
          { key: 'kd_mse', label: 'KD MSE', format: 'number' },
          { key: 'no_kd_mae', label: 'no-KD MAE', format: 'number', digits: 3 },
          { key: 'kd_mae', label: 'KD MAE', format: 'number', digits: 3 },
          { key: 'no_kd_pearson_r', label: 'no-KD r', format: 'number', digits: 3 },
          { key: 'kd_pearson_r', label: 'KD r', format: 'number', digits: 3 },
        ];
  return {
    id: options.id,
    title: options.title,
    caption: [options.caption ?? 'Means over repeats; the effect with its t-interval (at decision.level); the CCH predicts only when the margin’s interval over repeats excludes 0.', sourceSentence(options.sources)].join(' '),
    sources: options.sources,
    columns: [
      ...options.keys,
      { key: 'repeats', label: 'repeats', format: 'integer' },
      ...metric,
      { key: 'kd_effect', label: 'KD effect', format: 'number', digits: 3 },
      { key: 'kd_effect_low', label: 'low', format: 'number', digits: 3 },
      { key: 'kd_effect_high', label: 'high', format: 'number', digits: 3 },
      { key: 'observed', label: 'observed', format: 'text' },
      { key: 'margin', label: 'margin (nats)', format: 'number', digits: 3 },
      { key: 'cch_prediction', label: 'CCH', format: 'text' },
    ],
    rows: options.rows.map((r) => ({ ...r })),
  };
}
