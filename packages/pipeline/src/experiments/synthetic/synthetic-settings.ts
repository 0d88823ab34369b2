/**
 * From per-repeat rows to one row per setting (margin level, n, λ): means and spreads over
 * repeats, the observed sign with its interval, and every criterion's prediction beside it.
 */
import { observedOutcome, predictionFromSign } from '../shared/agreement.js';
import { groupRows, meanOf, numbersOf } from '../shared/group-rows.js';
import { meanInterval } from '../shared/mean-interval.js';
import type { Row } from '../../types.js';
import type { MarginEstimator } from './synthetic-config.js';

/** Per-repeat row fields that identify a setting. */
const SETTING_KEYS = ['n', 'margin_level', 'lambda'] as const;

/**
 * One row per setting, sorted by n, margin level, λ. `level` is the coverage of the interval on
 * the mean gain that decides the observed sign.
 */
export function syntheticSettings(repeatRows: readonly Row[], methods: readonly MarginEstimator[], level: number): Row[] {
  const settings = groupRows(repeatRows, SETTING_KEYS).map(({ key, rows }) => settingRow(key, rows, methods, level));
  return settings.sort(
    (a, b) =>
      (a.n as number) - (b.n as number) ||
      (a.margin_level as number) - (b.margin_level as number) ||
      (a.lambda as number) - (b.lambda as number),
  );
}

function settingRow(key: Row, rows: Row[], methods: readonly MarginEstimator[], level: number): Row {
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
    observed: observedOutcome(gain),
    cch_prediction: predictionFromSign(marginAnalytic),
  });
  for (const m of methods) {
    const margin = row[`margin_${m}`];
    row[`cch_${m}_prediction`] = typeof margin === 'number' ? predictionFromSign(margin) : null;
  }
  row.exact_prediction = predictionFromSign(exactGain);
  row.plugin_prediction = predictionFromSign(plugin.mean);
  return row;
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
