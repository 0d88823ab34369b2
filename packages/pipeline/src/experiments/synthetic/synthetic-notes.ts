/**
 * The report's notes for the `synthetic` experiment: what was run, then what came out — every
 * sentence about results is built from the computed numbers.
 */
import { cchKey } from '../../toolkit/aggregate-settings.js';
import { AGREEMENT_INTERVAL_METHOD } from '../../toolkit/score-criteria.js';
import type { Row } from '../../types.js';
import { describeAgreement, listInProse, percent } from '../shared/describe-agreement.js';
import type { SyntheticConfig } from './synthetic-config.js';
import { ANALYTIC_KEY, EXACT_KEY, PLUGIN_KEY, type SyntheticSetting } from './synthetic-settings.js';
import { ESTIMATOR_LABELS, type MonteCarloCheck, type SyntheticSummary } from './synthetic-summary.js';

export function syntheticNotes(settings: readonly SyntheticSetting[], summary: SyntheticSummary, config: SyntheticConfig): string[] {
  const rows = settings.map((s) => s.row);
  return [methodNote(config), agreementNote(summary, config), ...failureNotes(rows, summary), monteCarloNote(summary), gainNote(summary), ...marginNotes(rows, config)];
}

function methodNote(config: SyntheticConfig): string {
  const m = config.model;
  const teacher =
    config.teacher.kind === 'population'
      ? "the population teacher w1 = Σ11⁻¹Σ13 (Theorem 1's fixed teacher)"
      : `a teacher fitted by least squares on ${config.teacher.n} rows independent of the student's (the exact risk is computed for that teacher)`;
  return (
    `Joint Gaussian model with p1 = ${m.teacherDims}, p = ${m.studentDims}, I(w*'x2; y) = ${m.studentLabelMi.toFixed(3)} nats fixed, ` +
    `c_ε = ${m.privileged}, c_r = ${m.offTarget}; margin levels ${config.margins.join(', ')} nats (chosen before any result); ` +
    `λ ∈ {${config.kd.lambda.join(', ')}}; n ∈ {${config.data.n.join(', ')}}; ${config.repeats} repeats. Teacher: ${teacher}. ` +
    'Students: the exact minimisers of the KD objective, ŵ(λ) = (ŵ_y + λŵ_t)/(1+λ), without intercept (the trainers package tests that a ' +
    `gradient-trained linear student converges to this closed form). Observed MSE on ${config.data.nTest} fresh test rows per draw; ` +
    `estimated margins and the plug-in on ${config.data.nEstimation} held-out rows (H1 = teacher predictions, H2 = no-KD student predictions; ` +
    `plug-in H2 = ${config.plugin.representation === 'prediction' ? 'the student predictions' : 'the raw features x2'}, with the student's p and n).`
  );
}

function agreementNote(summary: SyntheticSummary, config: SyntheticConfig): string {
  const a = summary.agreement;
  const estimated = config.estimators.methods.map((m) => `with the ${ESTIMATOR_LABELS[m]}-estimated margin in ${describeAgreement(a[cchKey(m)])}`);
  return (
    `Of ${summary.settings} settings, the observed sign was decisive in ${summary.decisive} and inconclusive in ${summary.inconclusive} ` +
    `(the ${Math.round(config.decision.level * 100)} % t-interval of the mean gain over ${config.repeats} repeats contained 0). ` +
    `The CCH with the analytic margin agreed with the observed sign in ${describeAgreement(a[ANALYTIC_KEY])}` +
    (estimated.length > 0 ? `; ${listInProse(estimated)}` : '') +
    `. The exact-risk criterion agreed in ${describeAgreement(a[EXACT_KEY])}; the plug-in gain in ${describeAgreement(a[PLUGIN_KEY])}. ` +
    `Agreement intervals: ${AGREEMENT_INTERVAL_METHOD}; a draw is a (margin level, n), whose λ values are fitted on the same data ` +
    '(experiment version 2; version 1 gave a plain Wilson interval over settings, as if every λ were its own draw — the counts are the same).'
  );
}

/** Where the CCH's prediction failed, by kind, with the sizes and λs where it happened. */
function failureNotes(settings: readonly Row[], summary: SyntheticSummary): string[] {
  const decisive = settings.filter((s) => s.observed !== 'inconclusive');
  const helpedNegative = decisive.filter((s) => s.observed === 'kd-helps' && s.cch_prediction === 'kd-hurts');
  const hurtPositive = decisive.filter((s) => s.observed === 'kd-hurts' && s.cch_prediction === 'kd-helps');
  const notes: string[] = [];
  if (helpedNegative.length + hurtPositive.length === 0) {
    notes.push(decisive.length > 0 ? 'The CCH did not fail in any decisive setting of this run.' : 'No setting was decisive, so the CCH could not be scored.');
  } else {
    const parts: string[] = [];
    if (helpedNegative.length > 0) parts.push(`KD helped although the margin was negative in ${helpedNegative.length} settings (${where(helpedNegative)})`);
    if (hurtPositive.length > 0) parts.push(`KD hurt although the margin was positive in ${hurtPositive.length} settings (${where(hurtPositive)})`);
    notes.push(`Where the CCH failed: ${parts.join('; ')}.`);
  }
  const cchByN = summary.agreement_by_n_over_p.filter((r) => r.key === ANALYTIC_KEY);
  const exactByN = summary.agreement_by_n_over_p.filter((r) => r.key === EXACT_KEY);
  if (cchByN.length > 1) {
    notes.push(
      `By n/p, the CCH's agreement was ${cchByN.map(rateAt).join(', ')}; the exact criterion's ${exactByN.map(rateAt).join(', ')}. ` +
        'The exact gain depends on λ and n/p, which the margin does not contain.',
    );
  }
  const exactMisses = decisive.filter((s) => s.exact_prediction !== s.observed);
  if (exactMisses.length > 0) {
    const small = exactMisses.filter((s) => Math.abs(s.exact_gain as number) < Math.abs((s.observed_gain_high as number) - (s.observed_gain_low as number)));
    notes.push(
      `The exact criterion disagreed with a decisive observed sign in ${exactMisses.length} settings (${where(exactMisses)}); ` +
        `in ${small.length} of them the exact gain was smaller than the width of the observed interval, i.e. the sign was decided by Monte Carlo noise.`,
    );
  }
  return notes;
}

function where(rows: readonly Row[]): string {
  const sizes = [...new Set(rows.map((r) => r.n as number))].sort((a, b) => a - b);
  const lambdas = [...new Set(rows.map((r) => r.lambda as number))].sort((a, b) => a - b);
  return `n ∈ {${sizes.join(', ')}}, λ ∈ {${lambdas.join(', ')}}`;
}

function rateAt(r: Row): string {
  return r.rate === null ? `${String(r.n_over_p)}: none decisive` : `${String(r.n_over_p)}: ${percent(r.rate as number)} (${String(r.agree)}/${String(r.total)})`;
}

function monteCarloNote(summary: SyntheticSummary): string {
  const describe = (label: string, c: MonteCarloCheck) =>
    c.settings === 0 || c.mean_z === null || c.max_abs_z === null || c.within_2 === null
      ? `${label}: not enough repeats for a z-score`
      : `${label}: ${c.settings} settings, mean z ${c.mean_z.toFixed(2)}, max |z| ${c.max_abs_z.toFixed(2)}, |z| ≤ 2 in ${percent(c.within_2)}`;
  return (
    'Observed test MSE against the exact risk R0 and R(λ), as z = mean(observed − exact)/se over repeats (a t-variable with ' +
    `repeats − 1 degrees of freedom if the formula is right): ${describe('no KD', summary.monte_carlo_check.no_kd)}; ${describe('KD', summary.monte_carlo_check.kd)}.`
  );
}

function gainNote(summary: SyntheticSummary): string {
  const parts = summary.gain_prediction.map((r) => {
    const corr = typeof r.correlation === 'number' ? `correlation ${r.correlation.toFixed(3)}` : 'correlation n/a';
    const mae = typeof r.mean_abs_error === 'number' ? `mean absolute error ${r.mean_abs_error.toExponential(2)}` : '';
    return `${String(r.predictor)}: ${corr}${mae ? `, ${mae}` : ''}`;
  });
  return `Predicted against observed mean gain over settings — ${parts.join('; ')}.`;
}

function marginNotes(settings: readonly Row[], config: SyntheticConfig): string[] {
  const notes: string[] = [];
  const sizes = [...new Set(settings.map((s) => s.n as number))].sort((a, b) => a - b);
  for (const m of config.estimators.methods) {
    const parts: string[] = [];
    for (const n of sizes) {
      // Margins do not depend on λ: one per (n, margin level).
      const levels = new Map<unknown, Row>();
      for (const s of settings) if (s.n === n && typeof s[`margin_${m}`] === 'number') levels.set(s.margin_level, s);
      if (levels.size === 0) continue;
      const rows = [...levels.values()];
      const meanAbs = rows.reduce((a, s) => a + Math.abs((s[`margin_${m}`] as number) - (s.margin_analytic as number)), 0) / rows.length;
      const flips = rows.filter((s) => s[`cch_${m}_prediction`] !== s.cch_prediction).length;
      parts.push(`n = ${n}: mean |difference| ${meanAbs.toFixed(3)} nats, sign differs at ${flips} of ${rows.length} levels`);
    }
    if (parts.length > 0) notes.push(`${ESTIMATOR_LABELS[m]}-estimated against analytic margin (mean over repeats per level): ${parts.join('; ')}.`);
  }
  return notes;
}
