/**
 * The numbers of `mfh-gauss`: one summary per setting (sweep, level) over seeds from the toolkit's
 * aggregateSettings, the MFH's γ rule added to each setting's predictions beside the CCH's and the
 * plug-in's, every criterion's agreement with the observed sign, where the CCH and the MFH agree or
 * part, and the check that the no-KD student is the same at every level of a sweep.
 *
 * Agreement clusters: the levels of a sweep share their seeds' draws (x2, the labels, the student's
 * initial weights), so they are not independent trials; the cluster is the sweep, and the
 * interval counts each sweep's settings as one draw unless their agreement varies.
 */
import { MFH_SWEEPS, type MfhSweep } from '@cch-lab/data-synthetic';
import type { KdOutcome, KdPrediction } from '../shared/agreement.js';
import { aggregateSettings, cchKey, type SettingSummary } from '../../toolkit/aggregate-settings.js';
import type { DistillationRow } from '../../toolkit/distillation-row.js';
import { marginEstimators } from '../../toolkit/sections/estimators-section.js';
import { settingRow } from '../../toolkit/setting-table.js';
import { scoreCriteria, type ClusteredAgreement } from '../../toolkit/score-criteria.js';
import type { Row, Scalar, Scorecard } from '../../types.js';
import { agreementBy } from '../../toolkit/agreement-by.js';
import { buildScorecard } from '../../toolkit/scorecard.js';
import type { MfhGaussConfig } from './mfh-gauss-config.js';
import { MFH_REPORTED_SOURCE, mfhReported } from './mfh-reported.js';

/** The criterion key of the MFH's γ rule. */
export const MFH_KEY = 'mfh';

/** γ within this of the break-even counts as on it: the MFH then predicts neither sign. */
const BREAK_EVEN_TOLERANCE = 1e-9;

/** The MFH's rule: KD helps when the shared decisive fraction γ exceeds the break-even γ*. */
export function mfhPrediction(gamma: number, breakEvenGamma: number): KdPrediction | null {
  if (Math.abs(gamma - breakEvenGamma) <= BREAK_EVEN_TOLERANCE) return null;
  return gamma > breakEvenGamma ? 'kd-helps' : 'kd-hurts';
}

export interface MfhGaussNumbers {
  rows: DistillationRow[];
  settings: SettingSummary[];
  /** One flat row per setting: the toolkit's setting columns, the MFH's, and the reported numbers. */
  flat: Row[];
  estimators: string[];
  criteria: { key: string; label: string }[];
  agreement: Record<string, ClusteredAgreement>;
  agreementBySweep: Partial<Record<MfhSweep, Record<string, ClusteredAgreement>>>;
  /** Where sweep 1's mean KD effect first crosses 0, interpolated linearly in γ; null without a crossing. */
  breakEvenGamma: number | null;
  /** Per sweep, the largest range (max − min) of one seed's no-KD accuracy over the levels: 0 under common random numbers. */
  noKdSpread: Partial<Record<MfhSweep, number>>;
}

export function mfhGaussNumbers(rows: DistillationRow[], config: MfhGaussConfig): MfhGaussNumbers {
  const estimators = marginEstimators(config.estimators, 'classification').map((e) => e.name);
  const criteria = [...estimators.map((e) => ({ key: cchKey(e), label: `CCH (${e})` })), { key: MFH_KEY, label: 'MFH (γ rule)' }, { key: 'plugin', label: 'plug-in (linear probe)' }];
  const keys = criteria.map((c) => c.key);
  const settings = aggregateSettings(rows, { settingKeys: ['sweep', 'level', 'gamma', 'alpha'], clusterKeys: ['sweep'], level: config.decision.level }).map((s) => ({
    ...s,
    predictions: { ...s.predictions, [MFH_KEY]: mfhPrediction(s.key.gamma as number, config.mfh.breakEvenGamma) },
  }));
  const sweeps = MFH_SWEEPS.filter((w) => settings.some((s) => s.key.sweep === w));
  return {
    rows,
    settings,
    flat: settings.map((s) => flatRow(s, estimators)),
    estimators,
    criteria,
    agreement: scoreCriteria(settings, keys),
    agreementBySweep: Object.fromEntries(sweeps.map((w) => [w, scoreCriteria(settings.filter((s) => s.key.sweep === w), keys)])),
    breakEvenGamma: breakEven(settings.filter((s) => s.key.sweep === 'gamma')),
    noKdSpread: Object.fromEntries(sweeps.map((w) => [w, noKdSpread(rows.filter((r) => r.context.sweep === w))])),
  };
}

/** The claims this benchmark tests, for the scorecard. */
export const MFH_PAPER_CLAIM = 'the Modality Focusing Hypothesis (Xue et al. 2023): KD helps when enough decisive features are shared (γ above a break-even); the CCH paper claims its margin predicts the same outcomes (arXiv 2510.13182)';

/** The scorecard: the CCH's agreement first, then the MFH's γ rule and the plug-in; by sweep. */
export function mfhGaussScorecard(n: MfhGaussNumbers): Scorecard {
  const keys = n.criteria.map((c) => c.key);
  return buildScorecard({ paperClaim: MFH_PAPER_CLAIM, criteria: n.criteria, agreement: n.agreement, breakdowns: [{ factor: 'sweep', groups: agreementBy(n.settings, (s) => s.key.sweep, keys) }] });
}

export function mfhGaussSummary(n: MfhGaussNumbers): Record<string, unknown> {
  return {
    settings: n.settings.length,
    observed_counts: { 'kd-helps': 0, 'kd-hurts': 0, inconclusive: 0, ...countOf(n.settings.map((s) => s.observed)) },
    criteria: n.criteria,
    agreement: n.agreement,
    agreement_by_sweep: n.agreementBySweep,
    agreement_cluster: 'sweep (its levels share the seeds’ draws)',
    hypotheses: countOf(n.flat.map((r) => String(r.hypotheses))),
    matches_observed: countOf(n.flat.map((r) => String(r.matches_observed))),
    per_seed_cch_verdicts: countOf(n.rows.map((r) => r.primary.verdict)),
    break_even_gamma: n.breakEvenGamma,
    no_kd_spread_across_levels: n.noKdSpread,
    reported: MFH_REPORTED_SOURCE,
  };
}

function flatRow(s: SettingSummary, estimators: readonly string[]): Row {
  const cch = s.predictions[cchKey(estimators[0])] ?? null;
  const mfh = s.predictions[MFH_KEY] ?? null;
  const reported = mfhReported(s.key.sweep as MfhSweep, s.key.level as number);
  return {
    ...settingRow(s, estimators),
    mfh_prediction: mfh ?? 'no prediction',
    hypotheses: mfh === null ? 'MFH silent' : cch === null ? 'CCH silent' : mfh === cch ? 'agree' : 'part',
    matches_observed: matches(s.observed, cch, mfh),
    xue2023_teacher_accuracy: reported.teacherAcc,
    xue2023_no_kd_accuracy: reported.noKdAcc,
    xue2023_kd_accuracy: reported.kdAcc,
    xue2023_note: reported.note,
  };
}

/** Which hypothesis predicted the observed sign: both, one, neither, or nothing to match; silent ones named. */
function matches(observed: KdOutcome, cch: KdPrediction | null, mfh: KdPrediction | null): string {
  if (observed === 'inconclusive') return 'observed inconclusive';
  const right = [cch === observed ? 'CCH' : '', mfh === observed ? 'MFH' : ''].filter((x) => x !== '');
  const silent = [cch === null ? 'CCH' : '', mfh === null ? 'MFH' : ''].filter((x) => x !== '');
  const text = right.length === 2 ? 'both' : right.length === 1 ? `${right[0]} only` : 'neither';
  return silent.length > 0 ? `${text} (${silent.join(', ')} silent)` : text;
}

function breakEven(settings: readonly SettingSummary[]): number | null {
  const points = settings.map((s) => [s.key.gamma as number, s.gain.mean] as const).sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < points.length; i++) {
    const [[g0, e0], [g1, e1]] = [points[i - 1], points[i]];
    if (e0 === 0) return g0;
    if (Math.sign(e0) !== Math.sign(e1)) return g0 + ((g1 - g0) * e0) / (e0 - e1);
  }
  return null;
}

function noKdSpread(rows: readonly DistillationRow[]): number {
  const bySeed = new Map<Scalar, number[]>();
  for (const r of rows) bySeed.set(r.context.seed, [...(bySeed.get(r.context.seed) ?? []), r.no_kd.accuracy ?? Number.NaN]);
  return Math.max(0, ...[...bySeed.values()].map((a) => Math.max(...a) - Math.min(...a)));
}

function countOf(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
