/**
 * Tables, figures and notes of `mfh-gauss`: the toolkit's setting table, agreement table and
 * figures, plus what is the MFH's own — the table where the two hypotheses meet the observed sign
 * beside the numbers Xue et al. 2023 report, accuracy along each sweep, and the effect against γ.
 */
import type { DataSource } from '@cch-lab/data';
import { MFH_SWEEPS, type MfhSweep } from '@cch-lab/data-synthetic';
import { lineChart } from '../../figures/helpers.js';
import { agreementFigure } from '../../toolkit/figures/agreement-figure.js';
import { effectVsMarginFigure } from '../../toolkit/figures/effect-vs-margin.js';
import type { ModelMetrics } from '../../toolkit/distillation-row.js';
import { settingTable } from '../../toolkit/setting-table.js';
import { sourceSentence } from '../../toolkit/sources.js';
import type { ColumnSpec, FigureSpec, Row, TableSpec } from '../../types.js';
import { agreementTable } from '../shared/agreement-table.js';
import { describeAgreement, listInProse, percent } from '../shared/describe-agreement.js';
import { meanInterval } from '../shared/mean-interval.js';
import type { MfhGaussConfig } from './mfh-gauss-config.js';
import type { MfhGaussNumbers } from './mfh-gauss-summary.js';
import { MFH_REPORTED_SOURCE } from './mfh-reported.js';

const KEYS: ColumnSpec[] = [
  { key: 'sweep', label: 'sweep', format: 'text' },
  { key: 'level', label: 'shared / extra dims', format: 'integer' },
  { key: 'gamma', label: 'γ', digits: 2 },
  { key: 'alpha', label: 'α', digits: 2 },
];

const SWEEP_LABEL: Readonly<Record<MfhSweep, string>> = { gamma: 'sweep 1 (γ)', alpha: 'sweep 2 (α)' };

export function mfhGaussTables(n: MfhGaussNumbers, sources: DataSource[]): TableSpec[] {
  const ours = (key: string, label: string): ColumnSpec[] => [
    { key, label: `${label} (ours)`, format: 'percent', digits: 1 },
    { key: `xue2023_${key}`, label: `${label} (Xue et al. 2023, reported)`, format: 'percent', digits: 1 },
  ];
  const hypotheses: TableSpec = {
    id: 'hypotheses',
    title: 'Where the CCH and the MFH agree and part, against the observed KD effect',
    caption: [
      'Observed: the sign of the mean KD effect over seeds where its 95 % t-interval excludes 0. CCH: the margin’s interval over seeds; MFH: γ against its break-even (silent on it).',
      `The “reported” columns are not ours: ${MFH_REPORTED_SOURCE}; “—” where the paper states no number for that setting.`,
      sourceSentence(sources),
    ].join(' '),
    sources,
    columns: [
      ...KEYS,
      { key: 'observed', label: 'observed', format: 'text' },
      { key: 'cch_prediction', label: 'CCH', format: 'text' },
      { key: 'mfh_prediction', label: 'MFH', format: 'text' },
      { key: 'hypotheses', label: 'CCH vs MFH', format: 'text' },
      { key: 'matches_observed', label: 'matches observed', format: 'text' },
      { key: 'plugin_prediction', label: 'plug-in', format: 'text' },
      ...ours('teacher_accuracy', 'teacher'),
      ...ours('no_kd_accuracy', 'no KD'),
      ...ours('kd_accuracy', 'KD'),
      { key: 'xue2023_note', label: 'Xue et al. 2023 (reported)', format: 'text' },
    ],
    rows: n.flat.map((r) => ({ ...r })),
  };
  const agreement = agreementTable({
    title: 'Agreement of each hypothesis with the observed sign',
    caption: 'Decisive settings only; a criterion abstains where its own interval contains 0 (the MFH at its break-even γ). 95 % intervals at the effective n of shared draws (the levels of a sweep share their seeds).',
    sources,
    criteria: n.criteria.map((c) => ({ label: c.label, agreement: n.agreement[c.key] })),
  });
  const settings = settingTable({ id: 'settings', title: 'Every setting: accuracies, KD effect and CCH margin', rows: n.flat, keys: KEYS, task: 'classification', sources });
  return [hypotheses, agreement, settings];
}

export function mfhGaussFigures(n: MfhGaussNumbers, config: MfhGaussConfig, sources: DataSource[]): FigureSpec[] {
  const values: Row[] = n.flat.map((r) => ({ ...r, sweep_label: SWEEP_LABEL[r.sweep as MfhSweep] }));
  const sweeps = MFH_SWEEPS.filter((w) => values.some((r) => r.sweep === w));
  const criteria = n.criteria.map((c) => ({ label: c.label, agreement: n.agreement[c.key] }));
  return [
    ...sweeps.map((w) => accuracyFigure(w, n, config.decision.level, sources)),
    effectAgainstGamma(values, config.mfh.breakEvenGamma, sources),
    effectVsMarginFigure({ values, color: 'sweep_label', colorTitle: 'sweep', intervalNote: 'mean KD effect over seeds with its 95 % t-interval, and the mean margin with its t-interval', sources }),
    // With no decisive setting there is no bar to draw (the notes say so).
    ...(criteria.some((c) => c.agreement.rate !== null) ? [agreementFigure({ criteria, sources, chance: 0.5 })] : []),
  ];
}

/** Teacher, no-KD and KD accuracy along one sweep with t-intervals over seeds. */
function accuracyFigure(sweep: MfhSweep, n: MfhGaussNumbers, level: number, sources: DataSource[]): FigureSpec {
  const models: [string, (m: { teacher_metrics: ModelMetrics; no_kd: ModelMetrics; kd: ModelMetrics }) => ModelMetrics][] = [
    ['teacher', (r) => r.teacher_metrics],
    ['no KD', (r) => r.no_kd],
    ['KD', (r) => r.kd],
  ];
  const values: Row[] = [];
  for (const s of n.settings.filter((x) => x.key.sweep === sweep)) {
    const members = n.rows.filter((r) => r.context.sweep === sweep && r.context.level === s.key.level);
    for (const [model, pick] of models) {
      const m = meanInterval(members.map((r) => pick(r).accuracy ?? Number.NaN), level);
      values.push({ [sweep]: s.key[sweep], model, accuracy: m.mean, low: m.low, high: m.high });
    }
  }
  return {
    id: `accuracy-vs-${sweep}`,
    title: sweep === 'gamma' ? 'Sweep 1: accuracy against γ (shared decisive fraction)' : 'Sweep 2: accuracy against α (teacher-only decisive fraction)',
    caption: `Our test accuracies (teacher on x1, students on x2), mean over seeds with a ${Math.round(level * 100)} % t-interval (band); the seeds are the same at every level. Xue et al. 2023's reported numbers are in the hypotheses table, not drawn here. ${sourceSentence(sources)}`,
    sources,
    spec: lineChart({ values, x: sweep, y: 'accuracy', color: 'model', errorBand: { lower: 'low', upper: 'high' }, xTitle: sweep === 'gamma' ? 'γ' : 'α', yTitle: 'test accuracy', colorTitle: 'model' }),
  };
}

function effectAgainstGamma(values: Row[], breakEvenGamma: number, sources: DataSource[]): FigureSpec {
  const spec = lineChart({
    values,
    x: 'gamma',
    y: 'kd_effect',
    color: 'sweep_label',
    errorBand: { lower: 'kd_effect_low', upper: 'kd_effect_high' },
    xTitle: 'γ: shared share of the decisive features',
    yTitle: 'KD effect: KD − no-KD accuracy',
    colorTitle: 'sweep',
  });
  (spec.layer as Record<string, unknown>[]).push(
    { data: { values: [{}] }, mark: { type: 'rule', color: '#888', strokeWidth: 1 }, encoding: { y: { datum: 0 } } },
    { data: { values: [{}] }, mark: { type: 'rule', color: '#888', strokeDash: [2, 2], strokeWidth: 1 }, encoding: { x: { datum: breakEvenGamma } } },
  );
  return {
    id: 'effect-vs-gamma',
    title: 'KD effect against γ (the MFH’s axis)',
    caption: `Mean over seeds with a 95 % t-interval; sweep 2 is placed at γ = 1 − α. The MFH predicts help right of the dotted line (γ* = ${breakEvenGamma}) and harm left of it. ${sourceSentence(sources)}`,
    sources,
    spec,
  };
}

export function mfhGaussNotes(n: MfhGaussNumbers, c: MfhGaussConfig, sources: DataSource[]): string[] {
  const observed = (o: string) => n.settings.filter((s) => s.observed === o).length;
  const agreement = n.criteria.map((k) => `${k.label} ${describeAgreement(n.agreement[k.key])}`).join('; ');
  const parted = n.flat.filter((r) => r.hypotheses === 'part').map((r) => `${String(r.sweep)} ${String(r.level)} (γ = ${(r.gamma as number).toFixed(2)}: ${String(r.matches_observed)})`);
  const spread = Object.entries(n.noKdSpread).map(([w, v]) => `${percent(v, false, 1)} points in the ${w === 'gamma' ? 'γ' : 'α'} sweep`);
  return [
    `MFH synthetic benchmark (data-synthetic's mfhGaussian, the layout of the authors' gauss/main.py): sweep 1 shared ∈ {${c.sweeps.gamma.join(', ')}}, sweep 2 extra ∈ {${c.sweeps.alpha.join(', ')}}; ` +
      `n_train ${c.data.nTrain}, n_test ${c.data.nTest}; ${c.repeats} seeds per setting. Models: ${c.model.kind}; ${c.train.epochs} epochs, batch ${c.train.batchSize}, ${c.train.optimizer.name} lr ${c.train.optimizer.learningRate ?? 'default'}` +
      `${c.train.epochs !== 1000 || c.repeats !== 10 ? ' (the MFH paper: 1000 epochs, 10 seeds; this profile is smaller)' : ''}. KD: ${c.kd.form} form, λ ∈ {${c.kd.lambda.join(', ')}}, T ∈ {${c.kd.temperature.join(', ')}} ` +
      '(the reference code adds torch KLDivLoss with reduction="mean", which averages over both classes too: CE + 0.5·KL per row). ' +
      `CCH margin on the test rows' logits with the ${n.estimators.join(', ')} estimator famil${n.estimators.length > 1 ? 'ies' : 'y'}; MFH rule: KD helps when γ > ${c.mfh.breakEvenGamma}, silent at it.`,
    'Common random numbers, as the reference code: every level of a sweep uses the same seeds, so x2, the labels and the student’s initial weights are the same at every level and only x1 (the teacher) changes; ' +
      `one seed's no-KD accuracy changes across the levels by at most ${listInProse(spread)}. The levels of a sweep are therefore not independent trials: the agreement intervals take the sweep as the cluster.`,
    `Of ${n.settings.length} settings the observed sign was kd-helps in ${observed('kd-helps')}, kd-hurts in ${observed('kd-hurts')} and inconclusive in ${observed('inconclusive')}. Agreement with it: ${agreement}.`,
    parted.length > 0 ? `The CCH and the MFH parted at ${parted.join('; ')}.` : 'The CCH and the MFH never parted where both predicted.',
    ...comparisonNotes(n),
    'Plug-in: theory’s linear-Gaussian gain for a linear head on the student’s logits fitted to one-hot labels blended with the teacher’s probabilities — a least-squares stand-in for CE + KL; only its sign is scored.',
  ];
}

/** Our numbers beside the reported ones, where the paper gives a number. */
function comparisonNotes(n: MfhGaussNumbers): string[] {
  const at = (sweep: MfhSweep, level: number) => n.flat.find((r) => r.sweep === sweep && r.level === level);
  const pct = (v: Row[string]) => (typeof v === 'number' ? percent(v, true, 1) : 'n/a');
  const notes: string[] = [];
  const gamma = [at('gamma', 0), at('gamma', 10)].filter((r): r is Row => r !== undefined);
  if (gamma.length > 0) {
    const ours = gamma.map((r) => `γ = ${(r.gamma as number).toFixed(0)}: no KD ${pct(r.no_kd_accuracy)}, KD ${pct(r.kd_accuracy)}`);
    const crossing = n.breakEvenGamma === null ? 'the mean effect does not cross 0' : `the mean effect crosses 0 near γ ≈ ${n.breakEvenGamma.toFixed(2)} (linear between levels)`;
    notes.push(`Sweep 1, ours: ${ours.join('; ')}; ${crossing}. Reported by Xue et al. 2023: no KD ≈ 67.9 % at every γ, KD ≈ 66.3 % at γ = 0 and ≈ 70.1 % at γ = 1, break-even near γ ≈ 0.25.`);
  }
  const alpha = [at('alpha', 0), at('alpha', 40)].filter((r): r is Row => r !== undefined);
  if (alpha.length > 0) {
    const ours = alpha.map((r) => `α = ${(r.alpha as number).toFixed(2)}: teacher ${pct(r.teacher_accuracy)}, no KD ${pct(r.no_kd_accuracy)}, KD ${pct(r.kd_accuracy)}`);
    notes.push(`Sweep 2, ours: ${ours.join('; ')}. Reported by Xue et al. 2023: teacher 58 → 88.8 %, student ≈ 57–58 % throughout.`);
  }
  if (notes.length > 0) notes.push(`Every number marked Xue et al. 2023 is ${MFH_REPORTED_SOURCE}; quoted, never used in our computations.`);
  return notes;
}
