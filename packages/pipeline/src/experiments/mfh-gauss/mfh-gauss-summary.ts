/**
 * The overall numbers of `mfh-gauss`: each hypothesis's agreement with the observed sign of the
 * KD effect (decisive settings only), where the CCH and the MFH agree or part and which one the
 * observation sided with, by sweep.
 */
import { agreementBy, agreementOf } from '../shared/agreement.js';
import type { Agreement, Criterion } from '../shared/agreement.js';
import type { Row } from '../../types.js';

export const MFH_CRITERIA: readonly Criterion[] = Object.freeze([
  { key: 'cch', label: 'CCH', field: 'cch_prediction' },
  { key: 'mfh', label: 'MFH (γ rule)', field: 'mfh_prediction' },
  { key: 'plugin', label: 'plug-in', field: 'plugin_prediction' },
]);

export interface MfhGaussSummary extends Record<string, unknown> {
  settings: number;
  decisive: number;
  inconclusive: number;
  observed_counts: Record<string, number>;
  agreement: Agreement;
  agreement_mfh: Agreement;
  agreement_plugin: Agreement;
  hypotheses: { agree: number; part: number; mfh_silent: number; matches_observed: Record<string, number> };
  agreement_by_sweep: Row[];
  per_seed_cch_verdicts: Record<string, number>;
}

export function mfhGaussSummary(settings: readonly Row[]): MfhGaussSummary {
  const count = (field: string) => {
    const out: Record<string, number> = {};
    for (const s of settings) out[String(s[field])] = (out[String(s[field])] ?? 0) + 1;
    return out;
  };
  const sum = (field: string) => settings.reduce((a, s) => a + (s[field] as number), 0);
  const hyp = count('hypotheses');
  const observed = { 'kd-helps': 0, 'kd-hurts': 0, inconclusive: 0, ...count('observed') };
  return {
    settings: settings.length,
    decisive: settings.length - observed.inconclusive,
    inconclusive: observed.inconclusive,
    observed_counts: observed,
    agreement: agreementOf(settings, MFH_CRITERIA[0]),
    agreement_mfh: agreementOf(settings, MFH_CRITERIA[1]),
    agreement_plugin: agreementOf(settings, MFH_CRITERIA[2]),
    hypotheses: { agree: hyp.agree ?? 0, part: hyp.part ?? 0, mfh_silent: hyp['MFH silent'] ?? 0, matches_observed: count('matches_observed') },
    agreement_by_sweep: agreementBy(settings, 'sweep', MFH_CRITERIA),
    per_seed_cch_verdicts: { 'kd-helps': sum('cch_seeds_helps'), 'kd-hurts': sum('cch_seeds_hurts'), inconclusive: sum('cch_seeds_inconclusive') },
  };
}
