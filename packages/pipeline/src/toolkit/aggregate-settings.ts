/**
 * From distillation rows (one per draw) to one summary per setting: means with t-intervals over
 * the repeats, the observed outcome (decisive only when the gain's interval excludes 0), and each
 * criterion's prediction — a margin or a plug-in gain predicts only when its interval over repeats
 * excludes 0, never an invented sign. (With one repeat a margin's prediction is its subsample
 * verdict; such a setting fills the `verdict` column but is never decisive, as its observed
 * effect has no interval.)
 */
import type { Scalar } from '../types.js';
import { observedOutcome, type KdOutcome, type KdPrediction } from '../experiments/shared/agreement.js';
import { meanInterval, type MeanInterval } from '../experiments/shared/mean-interval.js';
import type { DistillationRow, ModelMetrics } from './distillation-row.js';

export interface SettingSummary {
  /** The setting's identifying values (context keys, teacher, student, λ, T). */
  key: Record<string, Scalar>;
  /** The draw-sharing group this setting belongs to (for the agreement interval). */
  cluster: string;
  repeats: number;
  gain: MeanInterval;
  observed: KdOutcome;
  /** Margin per estimator over repeats. */
  margins: Record<string, MeanInterval>;
  /** Per estimator: `cch:<estimator>`; and `plugin`. */
  predictions: Record<string, KdPrediction | null>;
  metrics: { teacher: ModelMetrics; no_kd: ModelMetrics; kd: ModelMetrics };
  plugin: MeanInterval | null;
  /** Smallest k any repeat used. */
  effective_k: number;
  /** Means over repeats of the primary estimator's two sides, nats (null when none was estimable). */
  sides: { i_teacher_student: number | null; i_student_label: number | null };
}

export interface AggregateOptions {
  /** Context keys that identify a setting besides teacher, student, λ and T (never the repeat key). */
  settingKeys: readonly string[];
  /** Keys (of context and teacher/student) whose settings share draws; default settingKeys + teacher + student. */
  clusterKeys?: readonly string[];
  level: number;
}

/** The criterion key of an estimator's CCH prediction. */
export function cchKey(estimator: string): string {
  return `cch:${estimator}`;
}

export function aggregateSettings(rows: readonly DistillationRow[], options: AggregateOptions): SettingSummary[] {
  const groups = new Map<string, { key: Record<string, Scalar>; rows: DistillationRow[] }>();
  for (const row of rows) {
    const key = settingKey(row, options.settingKeys);
    const id = JSON.stringify(key);
    const g = groups.get(id) ?? { key, rows: [] };
    g.rows.push(row);
    groups.set(id, g);
  }
  const clusterKeys = options.clusterKeys ?? [...options.settingKeys, 'teacher', 'student'];
  return [...groups.values()].map(({ key, rows: members }) => summarize(key, members, clusterKeys, options.level));
}

function settingKey(row: DistillationRow, keys: readonly string[]): Record<string, Scalar> {
  const key: Record<string, Scalar> = {};
  for (const k of keys) key[k] = row.context[k] ?? null;
  return { ...key, teacher: row.teacher, student: row.student, lambda: row.lambda, temperature: row.temperature };
}

function summarize(key: Record<string, Scalar>, rows: DistillationRow[], clusterKeys: readonly string[], level: number): SettingSummary {
  const gain = meanInterval(rows.map((r) => r.kd_gain), level);
  const margins: Record<string, MeanInterval> = {};
  const predictions: Record<string, KdPrediction | null> = {};
  for (const m of rows[0].margins) {
    const values = rows.map((r) => r.margins.find((x) => x.estimator === m.estimator)?.margin ?? Number.NaN).filter(Number.isFinite);
    if (values.length === 0) {
      predictions[cchKey(m.estimator)] = null;
      continue;
    }
    const mi = meanInterval(values, level);
    margins[m.estimator] = mi;
    predictions[cchKey(m.estimator)] = rows.length === 1 ? verdictPrediction(m.verdict) : intervalPrediction(mi);
  }
  const pluginValues = rows.map((r) => r.plugin_gain).filter((v): v is number => v !== null && Number.isFinite(v));
  const plugin = pluginValues.length > 0 ? meanInterval(pluginValues, level) : null;
  predictions.plugin = plugin === null ? null : intervalPrediction(plugin);
  return {
    key,
    cluster: JSON.stringify(clusterKeys.map((k) => key[k] ?? null)),
    repeats: rows.length,
    gain,
    observed: rows.length > 1 ? observedOutcome(gain) : 'inconclusive',
    margins,
    predictions,
    metrics: { teacher: meanMetrics(rows.map((r) => r.teacher_metrics)), no_kd: meanMetrics(rows.map((r) => r.no_kd)), kd: meanMetrics(rows.map((r) => r.kd)) },
    plugin,
    effective_k: Math.min(...rows.map((r) => r.primary.effective_k)),
    sides: { i_teacher_student: finiteMean(rows.map((r) => r.primary.i_teacher_student)), i_student_label: finiteMean(rows.map((r) => r.primary.i_student_label)) },
  };
}

function finiteMean(values: readonly number[]): number | null {
  const v = values.filter(Number.isFinite);
  return v.length === 0 ? null : v.reduce((a, b) => a + b, 0) / v.length;
}

function verdictPrediction(verdict: string): KdPrediction | null {
  return verdict === 'kd-helps' || verdict === 'kd-hurts' ? verdict : null;
}

function intervalPrediction(m: MeanInterval): KdPrediction | null {
  if (m.low > 0) return 'kd-helps';
  if (m.high < 0) return 'kd-hurts';
  return null;
}

function meanMetrics(list: readonly ModelMetrics[]): ModelMetrics {
  const mean = (k: keyof ModelMetrics): number | null => {
    const v = list.map((m) => m[k]).filter((x): x is number => x !== null && Number.isFinite(x));
    return v.length === 0 ? null : v.reduce((a, b) => a + b, 0) / v.length;
  };
  return { accuracy: mean('accuracy'), weighted_f1: mean('weighted_f1'), auc: mean('auc'), mse: mean('mse'), mae: mean('mae'), pearson_r: mean('pearson_r') };
}
