/**
 * From per-seed rows to one row per setting (sweep, level): accuracies over seeds, the observed KD
 * effect with its interval, the CCH margin and prediction, the MFH's γ-rule prediction, whether the
 * two hypotheses agree, which one matched the observed sign, the plug-in, and the numbers Xue et
 * al. 2023 report for the setting (in their own, clearly named columns).
 */
import type { MfhSweep } from '@cch-lab/data-synthetic';
import { observedOutcome, predictionFromSign } from '../shared/agreement.js';
import type { KdOutcome, KdPrediction } from '../shared/agreement.js';
import { groupRows, meanOf, numbersOf } from '../shared/group-rows.js';
import { meanInterval } from '../shared/mean-interval.js';
import type { Row } from '../../types.js';
import { mfhReported } from './mfh-reported.js';

/** γ within this of the break-even counts as on it: the MFH then predicts neither sign. */
const BREAK_EVEN_TOLERANCE = 1e-9;

/** The MFH's rule: KD helps when the shared decisive fraction γ exceeds the break-even γ*. */
export function mfhPrediction(gamma: number, breakEvenGamma: number): KdPrediction | null {
  if (Math.abs(gamma - breakEvenGamma) <= BREAK_EVEN_TOLERANCE) return null;
  return gamma > breakEvenGamma ? 'kd-helps' : 'kd-hurts';
}

export function mfhGaussSettings(seedRows: readonly Row[], breakEvenGamma: number, level: number): Row[] {
  const order: Record<string, number> = { gamma: 0, alpha: 1 };
  return groupRows(seedRows, ['sweep', 'level'])
    .map(({ key, rows }) => settingRow(key.sweep as MfhSweep, key.level as number, rows, breakEvenGamma, level))
    .sort((a, b) => order[a.sweep as string] - order[b.sweep as string] || (a.level as number) - (b.level as number));
}

function settingRow(sweep: MfhSweep, level: number, rows: Row[], breakEvenGamma: number, coverage: number): Row {
  const teacher = meanInterval(numbersOf(rows, 'teacher_acc'), coverage);
  const noKd = meanInterval(numbersOf(rows, 'no_kd_acc'), coverage);
  const kd = meanInterval(numbersOf(rows, 'kd_acc'), coverage);
  const effect = meanInterval(numbersOf(rows, 'kd_effect'), coverage);
  const margin = meanInterval(numbersOf(rows, 'margin'), coverage);
  const plugin = meanInterval(numbersOf(rows, 'plugin_gain'), coverage);
  const gamma = rows[0].gamma as number;
  const observed = observedOutcome(effect);
  const cch = predictionFromSign(margin.mean);
  const mfh = mfhPrediction(gamma, breakEvenGamma);
  const reported = mfhReported(sweep, level);
  return {
    sweep,
    level,
    gamma,
    alpha: rows[0].alpha,
    seeds: rows.length,
    teacher_acc: teacher.mean,
    teacher_acc_sd: teacher.sd,
    no_kd_acc: noKd.mean,
    no_kd_acc_sd: noKd.sd,
    kd_acc: kd.mean,
    kd_acc_sd: kd.sd,
    kd_effect: effect.mean,
    kd_effect_sd: effect.sd,
    kd_effect_se: effect.se,
    kd_effect_low: effect.low,
    kd_effect_high: effect.high,
    observed,
    mi_teacher_student: meanOf(rows, 'mi_teacher_student'),
    mi_student_label: meanOf(rows, 'mi_student_label'),
    margin: margin.mean,
    margin_sd: margin.sd,
    margin_low: Number.isNaN(margin.low) ? margin.mean : margin.low,
    margin_high: Number.isNaN(margin.high) ? margin.mean : margin.high,
    cch_seeds_helps: rows.filter((r) => r.cch_verdict === 'kd-helps').length,
    cch_seeds_hurts: rows.filter((r) => r.cch_verdict === 'kd-hurts').length,
    cch_seeds_inconclusive: rows.filter((r) => r.cch_verdict === 'inconclusive').length,
    cch_prediction: cch,
    mfh_prediction: mfh,
    hypotheses: mfh === null ? 'MFH silent' : mfh === cch ? 'agree' : 'part',
    matches_observed: matches(observed, cch, mfh),
    plugin_gain: plugin.mean,
    plugin_gain_sd: plugin.sd,
    plugin_prediction: predictionFromSign(plugin.mean),
    xue2023_teacher_acc: reported.teacherAcc,
    xue2023_no_kd_acc: reported.noKdAcc,
    xue2023_kd_acc: reported.kdAcc,
    xue2023_note: reported.note,
  };
}

/** Which hypothesis predicted the observed sign: both, one, neither, or nothing to match. */
function matches(observed: KdOutcome, cch: KdPrediction, mfh: KdPrediction | null): string {
  if (observed === 'inconclusive') return 'observed inconclusive';
  const c = cch === observed;
  if (mfh === null) return c ? 'CCH (MFH silent)' : 'neither (MFH silent)';
  const m = mfh === observed;
  return c && m ? 'both' : c ? 'CCH only' : m ? 'MFH only' : 'neither';
}
