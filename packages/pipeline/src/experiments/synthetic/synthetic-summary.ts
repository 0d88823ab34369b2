/**
 * The overall numbers of the `synthetic` experiment: how often each criterion agrees with the
 * observed sign (overall, by n/p, by λ, by the margin's sign; the toolkit's clustered agreement, by
 * criterion key), how many settings were inconclusive, whether the observed MSE matches the exact
 * risk within Monte Carlo error, and how close the predicted gains come to the observed ones.
 *
 * Agreement clusters: the λ values of one (margin level, n) are fitted on the same draws in every
 * repeat, so they are not independent trials; the cluster is (margin level, n).
 */
import { pearson } from '@cch-lab/core';
import { cchKey } from '../../toolkit/aggregate-settings.js';
import { agreementBy, agreementRows } from '../../toolkit/agreement-by.js';
import { buildScorecard } from '../../toolkit/scorecard.js';
import { scoreCriteria, type ClusteredAgreement } from '../../toolkit/score-criteria.js';
import type { Row, Scorecard } from '../../types.js';
import type { MarginMethod } from './synthetic-config.js';
import { ANALYTIC_KEY, EXACT_KEY, PLUGIN_KEY, type SyntheticSetting } from './synthetic-settings.js';

export const ESTIMATOR_LABELS: Readonly<Record<MarginMethod, string>> = Object.freeze({
  ksg: 'KSG',
  ksg2: 'KSG-2',
  gaussian: 'Gaussian',
  mine: 'MINE',
  lmi: 'LMI',
});

/** Every criterion scored against the observed sign, in report order; labels are short (legend entries). */
export function syntheticCriteria(methods: readonly MarginMethod[]): { key: string; label: string }[] {
  return [
    { key: ANALYTIC_KEY, label: 'CCH analytic' },
    ...methods.map((m) => ({ key: cchKey(m), label: `CCH ${ESTIMATOR_LABELS[m]}` })),
    { key: EXACT_KEY, label: 'exact risk' },
    { key: PLUGIN_KEY, label: 'plug-in' },
  ];
}

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
  criteria: { key: string; label: string }[];
  /** By criterion key: `cch:analytic`, `cch:<estimator>`, `exact`, `plugin`. */
  agreement: Record<string, ClusteredAgreement>;
  agreement_cluster: string;
  /** Long form: one row per (group, criterion). */
  agreement_by_n_over_p: Row[];
  agreement_by_lambda: Row[];
  agreement_by_margin_sign: Row[];
  monte_carlo_check: { no_kd: MonteCarloCheck; kd: MonteCarloCheck };
  gain_prediction: Row[];
}

/** The paper's claim for the joint Gaussian model, for the scorecard. */
export const SYNTHETIC_PAPER_CLAIM = 'Theorem 1: in the joint Gaussian model KD lowers the student’s MSE exactly when I(H₁;H₂) > I(H₂;Y); the experiments agree for every λ (arXiv 2510.13182)';

/** The scorecard: the analytic margin's CCH first, then the estimated margins, the exact risk and the plug-in; by n/p and λ. */
export function syntheticScorecard(settings: readonly SyntheticSetting[], methods: readonly MarginMethod[]): Scorecard {
  const criteria = syntheticCriteria(methods);
  const keys = criteria.map((c) => c.key);
  const breakdowns = [
    { factor: 'n/p', groups: agreementBy(settings, (s) => s.row.n_over_p, keys) },
    { factor: 'λ', groups: agreementBy(settings, (s) => s.row.lambda, keys) },
  ];
  return buildScorecard({ paperClaim: SYNTHETIC_PAPER_CLAIM, criteria, agreement: scoreCriteria(settings, keys), breakdowns });
}

export function syntheticSummary(settings: readonly SyntheticSetting[], methods: readonly MarginMethod[]): SyntheticSummary {
  const criteria = syntheticCriteria(methods);
  const keys = criteria.map((c) => c.key);
  const rows = settings.map((s) => s.row);
  const observedCounts: Record<string, number> = { 'kd-helps': 0, 'kd-hurts': 0, inconclusive: 0 };
  for (const s of settings) observedCounts[s.observed]++;
  const by = (field: string, groupOf: (r: Row) => Row[string]) => agreementRows(agreementBy(settings, (s) => groupOf(s.row), keys), field, criteria);
  // The no-KD student does not depend on λ: count each (margin, n) once.
  const noKd = rows.filter((s) => s.lambda === rows.find((t) => t.n === s.n && t.margin_level === s.margin_level)?.lambda);
  return {
    settings: settings.length,
    decisive: settings.length - observedCounts.inconclusive,
    inconclusive: observedCounts.inconclusive,
    observed_counts: observedCounts,
    criteria,
    agreement: scoreCriteria(settings, keys),
    agreement_cluster: '(margin level, n): its λ values share every repeat’s draw',
    agreement_by_n_over_p: by('n_over_p', (r) => r.n_over_p),
    agreement_by_lambda: by('lambda', (r) => r.lambda),
    agreement_by_margin_sign: by('margin_sign', (r) => ((r.margin_analytic as number) > 0 ? 'positive margin' : 'negative margin')),
    monte_carlo_check: { no_kd: monteCarloCheck(noKd, 'z_no_kd'), kd: monteCarloCheck(rows, 'z_kd') },
    gain_prediction: [gainPrediction('exact risk', rows, 'exact_gain'), gainPrediction('plug-in', rows, 'plugin_gain')],
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
  const pairs = settings
    .map((s) => [s[field], s.observed_gain])
    .filter((p): p is [number, number] => p.every((v) => typeof v === 'number' && Number.isFinite(v)));
  const predicted = pairs.map((p) => p[0]);
  const observed = pairs.map((p) => p[1]);
  const correlation = pairs.length > 2 ? pearson(predicted, observed) : Number.NaN;
  return {
    predictor: label,
    settings: pairs.length,
    correlation: Number.isFinite(correlation) ? correlation : null,
    mean_abs_error: pairs.length > 0 ? pairs.reduce((a, [p, o]) => a + Math.abs(p - o), 0) / pairs.length : null,
  };
}
