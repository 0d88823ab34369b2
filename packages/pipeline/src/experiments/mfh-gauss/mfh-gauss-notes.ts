/** The report's notes for `mfh-gauss`: the setup, then what came out, built from the computed numbers. */
import { describeAgreement, percent } from '../shared/describe-agreement.js';
import type { Row } from '../../types.js';
import type { MfhGaussConfig } from './mfh-gauss-config.js';
import type { MfhGaussSummary } from './mfh-gauss-summary.js';
import { MFH_REPORTED_SOURCE } from './mfh-reported.js';

export function mfhGaussNotes(settings: readonly Row[], summary: MfhGaussSummary, config: MfhGaussConfig): string[] {
  return [setupNote(config), agreementNote(summary, config), partNote(settings, summary), ...comparisonNotes(settings), pluginNote()];
}

function setupNote(c: MfhGaussConfig): string {
  return (
    `MFH synthetic benchmark (data-synthetic's mfhGaussian, the layout of the authors' gauss/main.py): sweep 1 shared ∈ {${c.sweeps.gamma.join(', ')}}, ` +
    `sweep 2 extra ∈ {${c.sweeps.alpha.join(', ')}}; n_train ${c.data.nTrain}, n_test ${c.data.nTest}; ${c.repeats} seeds per setting. ` +
    `Linear teacher on x1, linear students on x2 (${c.model.bias ? 'with' : 'without'} intercept), full-batch SGD, lr ${c.train.learningRate}, ` +
    `${c.train.epochs} epochs${c.train.epochs !== 1000 || c.repeats !== 10 ? ' (the MFH paper: 1000 epochs, 10 seeds; this profile is smaller)' : ''}. ` +
    `KD student: CE + λ·T²·KL(teacher ‖ student) with λ = ${c.kd.lambda}, T = ${c.kd.temperature} ` +
    '(the reference code adds torch KLDivLoss with its default reduction="mean", which averages over both classes too, i.e. λ = 0.5 per row). ' +
    `The no-KD and KD students start from the same weights. CCH margin: Î(H_t; H_s) by ${c.estimators.teacherStudent} − Î(H_s; Y) by ${c.estimators.studentLabel} ` +
    `(k = ${c.estimators.k}) on the test rows' logits (the representation of a linear model), averaged over seeds. ` +
    `MFH rule: KD helps when γ > ${c.mfh.breakEvenGamma} (the break-even near γ ≈ 0.25 in Xue et al. 2023's sweep 1, REFERENCE.md §1); silent at γ = ${c.mfh.breakEvenGamma}.`
  );
}

function agreementNote(s: MfhGaussSummary, c: MfhGaussConfig): string {
  return (
    `Of ${s.settings} settings the observed sign was decisive in ${s.decisive} (kd-helps ${s.observed_counts['kd-helps'] ?? 0}, kd-hurts ${s.observed_counts['kd-hurts'] ?? 0}) ` +
    `and inconclusive in ${s.inconclusive} (the ${Math.round(c.decision.level * 100)} % t-interval of the mean effect over ${c.repeats} seeds contained 0). ` +
    `The CCH agreed with the observed sign in ${describeAgreement(s.agreement)}; the MFH's γ rule in ${describeAgreement(s.agreement_mfh)}; ` +
    `the plug-in gain in ${describeAgreement(s.agreement_plugin)}.`
  );
}

function partNote(settings: readonly Row[], s: MfhGaussSummary): string {
  const parted = settings.filter((r) => r.hypotheses === 'part');
  const describe = (r: Row) => `${String(r.sweep)} ${String(r.level)} (γ = ${(r.gamma as number).toFixed(2)}: ${String(r.matches_observed)})`;
  return (
    `The two hypotheses agreed in ${s.hypotheses.agree} settings, parted in ${s.hypotheses.part}, and the MFH was silent in ${s.hypotheses.mfh_silent}. ` +
    (parted.length > 0 ? `Where they parted: ${parted.map(describe).join('; ')}.` : 'They never parted in this run.')
  );
}

/** Our numbers beside the reported ones, where the paper gives a number. */
function comparisonNotes(settings: readonly Row[]): string[] {
  const notes: string[] = [];
  const g0 = settings.find((r) => r.sweep === 'gamma' && r.level === 0);
  const g1 = settings.find((r) => r.sweep === 'gamma' && r.level === 10);
  if (g0 !== undefined || g1 !== undefined) {
    const ours = [g0, g1]
      .filter((r): r is Row => r !== undefined)
      .map((r) => `γ = ${(r.gamma as number).toFixed(0)}: no KD ${pct(r.no_kd_acc)}, KD ${pct(r.kd_acc)} (effect ${signedPoints(r.kd_effect as number)})`);
    notes.push(`Sweep 1, ours: ${ours.join('; ')}. Reported by Xue et al. 2023: no KD ≈ 67.9 %, KD ≈ 66.3 % at γ = 0 and ≈ 70.1 % at γ = 1.`);
  }
  const a0 = settings.find((r) => r.sweep === 'alpha' && r.level === 0);
  const a4 = settings.find((r) => r.sweep === 'alpha' && r.level === 40);
  if (a0 !== undefined || a4 !== undefined) {
    const ours = [a0, a4]
      .filter((r): r is Row => r !== undefined)
      .map((r) => `α = ${(r.alpha as number).toFixed(2)}: teacher ${pct(r.teacher_acc)}, no KD ${pct(r.no_kd_acc)}, KD ${pct(r.kd_acc)}`);
    notes.push(`Sweep 2, ours: ${ours.join('; ')}. Reported by Xue et al. 2023: teacher 58 → 88.8 %, student ≈ 57–58 % throughout.`);
  }
  notes.push(`The columns and sentences marked Xue et al. 2023 are ${MFH_REPORTED_SOURCE}; they are quoted, never used in our computations.`);
  return notes;
}

function pluginNote(): string {
  return (
    'Plug-in gain here: the linear-Gaussian exact risk with sample moments of (student logits, one-hot labels, teacher probabilities) ' +
    'on the test rows, for the training size and the student’s 50 features — a least-squares (linear-probability) stand-in for CE + KL. ' +
    'It predicts a change of squared error on the class indicators, not of accuracy; only its sign is scored.'
  );
}

function pct(v: Row[string]): string {
  return percent(v as number, true, 1);
}

function signedPoints(v: number): string {
  const points = (v * 100).toFixed(1);
  return `${v > 0 ? '+' : ''}${points} points`;
}
