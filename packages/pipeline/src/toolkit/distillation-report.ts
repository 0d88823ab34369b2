/** Tables, figures and the measured notes of a distillation experiment, from its numbers. */
import type { DataSource } from '@cch-lab/data';
import { agreementTable } from '../experiments/shared/agreement-table.js';
import type { ColumnSpec, FigureSpec, TableSpec } from '../types.js';
import type { DistillationNumbers } from './distillation-summary.js';
import { isFusion } from './distillation-summary.js';
import { agreementFigure } from './figures/agreement-figure.js';
import { effectVsMarginFigure, type ReportedBand } from './figures/effect-vs-margin.js';
import { estimatorVsEstimatorFigure } from './figures/estimator-figure.js';
import { ablationClaims, ablationClaimsTable } from './ablation-claims.js';
import { agreementBy } from './agreement-by.js';
import { lineChart } from '../figures/helpers.js';
import { settingTable } from './setting-table.js';
import { sourceSentence } from './sources.js';
import { teacherSelectionTable } from './teacher-selection-table.js';

const PAIR_KEYS: ColumnSpec[] = [
  { key: 'teacher', label: 'teacher', format: 'text' },
  { key: 'student', label: 'student', format: 'text' },
  { key: 'lambda', label: 'λ', format: 'number' },
  { key: 'temperature', label: 'T', format: 'number' },
];

export function distillationTables(n: DistillationNumbers, sources: DataSource[]): TableSpec[] {
  const agreement = agreementTable({
    title: 'Agreement with the observed KD effect (single-modality pairs)',
    caption: 'Decisive settings only (the effect’s interval over repeats excludes 0); a criterion abstains where its own interval contains 0. 95 % intervals at the effective n of shared draws.',
    sources,
    criteria: n.criteria.map((c) => ({ label: c.label, agreement: n.agreement[c.key] })),
  });
  const group = n.group;
  const groupColumn: ColumnSpec[] = group === undefined ? [] : [{ key: group, label: group, format: 'text' }];
  const groups = group === undefined ? [undefined] : [...new Set(n.flat.map((r) => String(r[group])))];
  const perGroup = groups.map((g) =>
    settingTable({
      id: g === undefined ? 'settings' : `settings-${g}`,
      title: g === undefined ? 'Teacher → student' : `${g}: teacher → student`,
      rows: n.flat.filter((r) => !isFusion(r.student) && (g === undefined || String(r[group as string]) === g)),
      keys: PAIR_KEYS,
      task: n.task,
      sources,
    }),
  );
  const fusionRows = n.flat.filter((r) => isFusion(r.student));
  const fusion = settingTable({
    id: 'fusion',
    title: 'Fusion vs fusion + KD',
    rows: fusionRows,
    keys: [...groupColumn, ...PAIR_KEYS],
    task: n.task,
    sources,
    caption: 'A fused student: no-KD = plain fusion, KD = fusion + KD from the teacher; means over repeats.',
  });
  const claims = ablationClaims(n);
  const ablation = claims.some((c) => c.verdict !== 'not testable here') ? [ablationClaimsTable(claims, sources)] : [];
  return [agreement, teacherSelectionTable(n.selection, sources), ...(fusionRows.length > 0 ? [fusion] : []), ...perGroup, ...ablation];
}

export function distillationFigures(n: DistillationNumbers, sources: DataSource[], reported?: readonly ReportedBand[]): FigureSpec[] {
  const group = n.group;
  const values = n.flat.map((r) => ({ ...r, kind: `${group === undefined ? 'pair' : String(r[group])}${isFusion(r.student) ? ' (fusion)' : ''}` }));
  const effect = n.task === 'classification' ? 'accuracy' : 'MSE (no-KD − KD)';
  const figures: FigureSpec[] = [
    effectVsMarginFigure({
      values,
      color: 'kind',
      colorTitle: group ?? 'student',
      effectTitle: `KD effect on ${effect}`,
      intervalNote: `mean KD effect on ${effect} over repeats with its t-interval (at decision.level), and the mean margin with its t-interval`,
      reported,
      sources,
    }),
  ];
  // With no decisive setting there is nothing to draw (and an empty scale would only warn).
  if (n.criteria.some((c) => n.agreement[c.key].rate !== null)) {
    figures.push(agreementFigure({ criteria: n.criteria.map((c) => ({ label: c.label, agreement: n.agreement[c.key] })), sources }));
  }
  if (n.estimators.length > 1) {
    figures.push(estimatorVsEstimatorFigure({ values, x: 'margin', y: `margin_${n.estimators[1]}`, xLabel: n.estimators[0], yLabel: n.estimators[1], color: 'kind', sources }));
  }
  figures.push(...factorAgreementFigures(n, sources));
  return figures;
}

/** The primary CCH's agreement per λ and per T, where a run varies them (the ablations' figures). */
function factorAgreementFigures(n: DistillationNumbers, sources: DataSource[]): FigureSpec[] {
  const key = n.criteria[0].key;
  const single = n.settings.filter((s) => !isFusion(s.key.student) && !isFusion(s.key.teacher));
  const out: FigureSpec[] = [];
  for (const [factor, field, id] of [['λ', 'lambda', 'agreement-by-lambda'], ['T', 'temperature', 'agreement-by-temperature']] as const) {
    const groups = agreementBy(single, (s) => s.key[field], [key]);
    if (groups.length < 2) continue;
    const values = single.map((s) => ({
      value: s.key[field],
      effect: s.gain.mean,
      low: Number.isFinite(s.gain.low) ? s.gain.low : s.gain.mean,
      high: Number.isFinite(s.gain.high) ? s.gain.high : s.gain.mean,
      pair: `${String(s.key.teacher)} → ${String(s.key.student)}${n.group !== undefined ? ` (${String(s.key[n.group])})` : ''}`,
    }));
    out.push({
      id: `effect-by-${field}`,
      title: `KD effect by ${factor}`,
      caption: `Mean over repeats with its 95 % t-band, one line per pair. ${sourceSentence(sources)}`,
      sources,
      spec: lineChart({ values, x: 'value', y: 'effect', color: 'pair', errorBand: { lower: 'low', upper: 'high' }, xTitle: factor, yTitle: n.task === 'classification' ? 'KD effect (accuracy)' : 'KD effect (MSE, no-KD − KD)' }),
    });
    if (groups.every((g) => g.agreement[key].total === 0)) continue;
    out.push(
      agreementFigure({
        id,
        title: `Agreement of the ${n.criteria[0].label} by ${factor}`,
        criteria: groups.map((g) => ({ label: `${factor} = ${String(g.value)}`, agreement: g.agreement[key] })),
        sources,
        chance: 0.5,
      }),
    );
  }
  return out;
}

/** What was measured, in sentences generated from the numbers. */
export function distillationNotes(n: DistillationNumbers): string[] {
  const primary = n.criteria[0];
  const a = n.agreement[primary.key];
  const pct = (v: number | null) => (v === null ? 'n/a' : `${Math.round(v * 100)} %`);
  return [
    a.rate === null
      ? `No single-modality setting had a decisive KD effect (${a.inconclusive} inconclusive), so the ${primary.label} agreement cannot be scored; more repeats would narrow the intervals.`
      : `${primary.label} agreed with the observed sign in ${a.agree} of ${a.total} decisive settings (${pct(a.rate)}, 95 % ${pct(a.interval[0])}–${pct(a.interval[1])}); ${a.inconclusive} settings were inconclusive and the criterion abstained on ${a.abstained}.`,
    `Teacher selection: the largest margin picked the best observed teacher in ${n.selection.cch.agree} of ${n.selection.cch.total} cases (${pct(n.selection.cch.rate)}), the most accurate teacher in ${n.selection.naive.agree} (${pct(n.selection.naive.rate)}); chance ${pct(n.selection.chance)}.`,
    'I(H_t;H_s) and I(H_s;Y) are estimated on the test rows’ representations (penultimate layers of the teacher and of the no-KD student); each margin takes both sides from one estimator family (KSG with Ross’s mixed form for class labels). The plug-in is theory’s linear-Gaussian gain for a linear head on H_s (an extension to classification; only its sign is scored).',
  ];
}
