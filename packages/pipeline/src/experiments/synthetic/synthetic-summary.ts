/**
 * The overall numbers of the `synthetic` experiment: how often each criterion agrees with the
 * observed sign (overall, by n/p, by λ, by the margin's sign), how many settings were
 * inconclusive, whether the observed MSE matches the exact risk within Monte Carlo error, and how
 * close the predicted gains come to the observed ones.
 */
import { pearson } from '@cch-lab/core';
import { agreementBy, agreementOf } from '../shared/agreement.js';
import type { Agreement, Criterion } from '../shared/agreement.js';
import type { Row } from '../../types.js';
import type { MarginEstimator } from './synthetic-config.js';

/** Every criterion scored against the observed sign, in report order. */
export function syntheticCriteria(methods: readonly MarginEstimator[]): Criterion[] {
  return [
    { key: 'cch', label: CCH_ANALYTIC_LABEL, field: 'cch_prediction' },
    ...methods.map((m) => ({ key: `cch_${m}`, label: `CCH ${ESTIMATOR_LABELS[m]}`, field: `cch_${m}_prediction` })),
    { key: 'exact', label: EXACT_LABEL, field: 'exact_prediction' },
    { key: 'plugin', label: 'plug-in', field: 'plugin_prediction' },
  ];
}

/** Criterion labels (short: they are legend entries). */
export const CCH_ANALYTIC_LABEL = 'CCH analytic';
export const EXACT_LABEL = 'exact risk';

export const ESTIMATOR_LABELS: Readonly<Record<MarginEstimator, string>> = Object.freeze({
  ksg: 'KSG',
  ksg2: 'KSG-2',
  gaussian: 'Gaussian',
  mine: 'MINE',
  lmi: 'LMI',
});

/** z-scores of observed mean MSE against the exact risk, summarised. */
export interface MonteCarloCheck {
  settings: number;
  mean_z: number | null;
  max_abs_z: number | null;
  /** Fraction of settings with |z| ≤ 2. */
  within_2: number | null;
}

export interface SyntheticSummary extends Record<string, unknown> {
  settings: number;
  decisive: number;
  inconclusive: number;
  observed_counts: Record<string, number>;
  agreement: Agreement;
  agreement_exact: Agreement;
  agreement_plugin: Agreement;
  agreement_estimated: Record<string, Agreement>;
  agreement_by_n_over_p: Row[];
  agreement_by_lambda: Row[];
  agreement_by_margin_sign: Row[];
  monte_carlo_check: { no_kd: MonteCarloCheck; kd: MonteCarloCheck };
  gain_prediction: Row[];
}

export function syntheticSummary(settings: readonly Row[], methods: readonly MarginEstimator[]): SyntheticSummary {
  const criteria = syntheticCriteria(methods);
  const byKey = Object.fromEntries(criteria.map((c) => [c.key, c]));
  const inconclusive = settings.filter((s) => s.observed === 'inconclusive').length;
  const observedCounts: Record<string, number> = { 'kd-helps': 0, 'kd-hurts': 0, inconclusive: 0 };
  for (const s of settings) observedCounts[String(s.observed)] = (observedCounts[String(s.observed)] ?? 0) + 1;
  const withSign = settings.map((s) => ({ ...s, margin_sign: (s.margin_analytic as number) > 0 ? 'positive margin' : 'negative margin' }));
  // The no-KD student does not depend on λ: count each (margin, n) once.
  const noKdSettings = settings.filter((s) => s.lambda === settings.find((t) => t.n === s.n && t.margin_level === s.margin_level)?.lambda);
  return {
    settings: settings.length,
    decisive: settings.length - inconclusive,
    inconclusive,
    observed_counts: observedCounts,
    agreement: agreementOf(settings, byKey.cch),
    agreement_exact: agreementOf(settings, byKey.exact),
    agreement_plugin: agreementOf(settings, byKey.plugin),
    agreement_estimated: Object.fromEntries(methods.map((m) => [m, agreementOf(settings, byKey[`cch_${m}`])])),
    agreement_by_n_over_p: agreementBy(settings, 'n_over_p', criteria),
    agreement_by_lambda: agreementBy(settings, 'lambda', criteria),
    agreement_by_margin_sign: agreementBy(withSign, 'margin_sign', criteria),
    monte_carlo_check: { no_kd: monteCarloCheck(noKdSettings, 'z_no_kd'), kd: monteCarloCheck(settings, 'z_kd') },
    gain_prediction: [gainPrediction('exact risk', settings, 'exact_gain'), gainPrediction('plug-in', settings, 'plugin_gain')],
  };
}

function monteCarloCheck(settings: readonly Row[], field: string): MonteCarloCheck {
  const z = settings.map((s) => s[field]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (z.length === 0) return { settings: 0, mean_z: null, max_abs_z: null, within_2: null };
  return {
    settings: z.length,
    mean_z: z.reduce((s, v) => s + v, 0) / z.length,
    max_abs_z: Math.max(...z.map(Math.abs)),
    within_2: z.filter((v) => Math.abs(v) <= 2).length / z.length,
  };
}

/** How well a predicted gain tracks the observed mean gain across settings. */
function gainPrediction(label: string, settings: readonly Row[], field: string): Row {
  const predicted: number[] = [];
  const observed: number[] = [];
  for (const s of settings) {
    const p = s[field];
    const o = s.observed_gain;
    if (typeof p === 'number' && typeof o === 'number' && Number.isFinite(p) && Number.isFinite(o)) {
      predicted.push(p);
      observed.push(o);
    }
  }
  let absError = 0;
  for (let i = 0; i < predicted.length; i++) absError += Math.abs(predicted[i] - observed[i]);
  return {
    predictor: label,
    settings: predicted.length,
    correlation: predicted.length > 2 ? finiteOrNull(pearson(predicted, observed)) : null,
    mean_abs_error: predicted.length > 0 ? absError / predicted.length : null,
  };
}

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}
