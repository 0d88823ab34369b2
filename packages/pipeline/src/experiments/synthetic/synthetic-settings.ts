/**
 * From per-repeat rows to one setting per (margin level, n, λ): means and spreads over repeats,
 * the observed sign with its interval, and every criterion's prediction beside it — as the flat
 * row results.json and results.csv hold, and as `scoreCriteria` takes it, by criterion key.
 */
import { observedOutcome, predictionFromSign, type KdOutcome, type KdPrediction } from '../shared/agreement.js';
import { groupRows, meanOf, numbersOf } from '../shared/group-rows.js';
import { meanInterval } from '../shared/mean-interval.js';
import { cchKey } from '../../toolkit/aggregate-settings.js';
import type { Row } from '../../types.js';
import type { MarginMethod } from './synthetic-config.js';

/** Per-repeat row fields that identify a setting. */
const SETTING_KEYS = ['n', 'margin_level', 'lambda'] as const;

/** Criterion keys besides `cch:<estimator>`. */
export const ANALYTIC_KEY = cchKey('analytic');
export const EXACT_KEY = 'exact';
export const PLUGIN_KEY = 'plugin';

export interface SyntheticSetting {
  /** The flat row (results.json `cells`, results.csv, tables, figures). */
  row: Row;
  observed: KdOutcome;
  /** (margin level, n): the λ values of one (margin level, n) share every repeat's draw. */
  cluster: string;
  /** By criterion key; null where the criterion made no prediction (an estimator that did not run). */
  predictions: Record<string, KdPrediction | null>;
}

/**
 * One setting per (margin level, n, λ), sorted by n, margin level, λ. `level` is the coverage of
 * the interval on the mean gain that decides the observed sign.
 */
export function syntheticSettings(repeatRows: readonly Row[], methods: readonly MarginMethod[], level: number): SyntheticSetting[] {
  const settings = groupRows(repeatRows, SETTING_KEYS).map(({ key, rows }) => setting(key, rows, methods, level));
  const at = (s: SyntheticSetting, f: string) => s.row[f] as number;
  return settings.sort((a, b) => at(a, 'n') - at(b, 'n') || at(a, 'margin_level') - at(b, 'margin_level') || at(a, 'lambda') - at(b, 'lambda'));
}

function setting(key: Row, rows: Row[], methods: readonly MarginMethod[], level: number): SyntheticSetting {
  const mseNoKd = meanInterval(numbersOf(rows, 'mse_no_kd'), level);
  const mseKd = meanInterval(numbersOf(rows, 'mse_kd'), level);
  const gain = meanInterval(numbersOf(rows, 'gain'), level);
  const riskNoKd = meanOf(rows, 'risk_exact_no_kd') ?? Number.NaN;
  const riskKd = meanOf(rows, 'risk_exact_kd') ?? Number.NaN;
  const exactGain = meanOf(rows, 'exact_gain') ?? Number.NaN;
  const marginAnalytic = meanOf(rows, 'margin_analytic') ?? Number.NaN;
  const plugin = meanInterval(numbersOf(rows, 'plugin_gain'), level);
  const row: Row = {
    n: key.n,
    p: rows[0].p,
    n_over_p: rows[0].n_over_p,
    margin_level: key.margin_level,
    lambda: key.lambda,
    repeats: rows.length,
    margin_analytic: marginAnalytic,
    mi_teacher_student: meanOf(rows, 'mi_teacher_student'),
    mi_student_label: meanOf(rows, 'mi_student_label'),
  };
  for (const m of methods) {
    const values = numbersOf(rows, `margin_${m}`);
    if (values.length === 0) {
      row[`margin_${m}`] = null;
      continue;
    }
    const est = meanInterval(values, level);
    row[`margin_${m}`] = est.mean;
    row[`margin_${m}_sd`] = est.sd;
    row[`margin_${m}_low`] = Number.isNaN(est.low) ? est.mean : est.low;
    row[`margin_${m}_high`] = Number.isNaN(est.high) ? est.mean : est.high;
    row[`margin_${m}_repeats`] = est.count;
    row[`mi_teacher_student_${m}`] = meanOf(rows, `mi_teacher_student_${m}`);
    row[`mi_student_label_${m}`] = meanOf(rows, `mi_student_label_${m}`);
  }
  Object.assign(row, {
    mse_no_kd: mseNoKd.mean,
    mse_no_kd_sd: mseNoKd.sd,
    mse_kd: mseKd.mean,
    mse_kd_sd: mseKd.sd,
    risk_exact_no_kd: riskNoKd,
    risk_exact_kd: riskKd,
    // Observed MSE against the exact risk, in standard errors of the difference over repeats.
    z_no_kd: monteCarloZ(rows, 'mse_no_kd', 'risk_exact_no_kd'),
    z_kd: monteCarloZ(rows, 'mse_kd', 'risk_exact_kd'),
    observed_gain: gain.mean,
    observed_gain_se: gain.se,
    observed_gain_low: gain.low,
    observed_gain_high: gain.high,
    exact_gain: exactGain,
    plugin_gain: plugin.mean,
    plugin_gain_sd: plugin.sd,
  });
  const observed = observedOutcome(gain);
  const estimated = (m: MarginMethod) => (typeof row[`margin_${m}`] === 'number' ? predictionFromSign(row[`margin_${m}`] as number) : null);
  const predictions: Record<string, KdPrediction | null> = {
    [ANALYTIC_KEY]: predictionFromSign(marginAnalytic),
    ...Object.fromEntries(methods.map((m) => [cchKey(m), estimated(m)])),
    [EXACT_KEY]: predictionFromSign(exactGain),
    [PLUGIN_KEY]: predictionFromSign(plugin.mean),
  };
  row.observed = observed;
  row.cch_prediction = predictions[ANALYTIC_KEY];
  for (const m of methods) row[`cch_${m}_prediction`] = predictions[cchKey(m)];
  row.exact_prediction = predictions[EXACT_KEY];
  row.plugin_prediction = predictions[PLUGIN_KEY];
  return { row, observed, cluster: `${String(key.margin_level)}/${String(key.n)}`, predictions };
}

/** mean(observed − exact) / se over repeats; null with fewer than two repeats or no spread. */
function monteCarloZ(rows: readonly Row[], observedField: string, exactField: string): number | null {
  const differences: number[] = [];
  for (const r of rows) {
    const o = r[observedField];
    const e = r[exactField];
    if (typeof o === 'number' && typeof e === 'number') differences.push(o - e);
  }
  if (differences.length < 2) return null;
  const d = meanInterval(differences);
  return d.se > 0 ? d.mean / d.se : null;
}
