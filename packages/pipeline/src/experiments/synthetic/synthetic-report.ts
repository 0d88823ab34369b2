/**
 * Tables and figures of the `synthetic` experiment: the toolkit's agreement table, KD effect
 * against the margin (one figure per n, with the exact gain dashed beside the observed one) and
 * agreement figure, plus what is this experiment's own — every setting with its exact risks,
 * agreement against n/p, estimated against analytic margin, predicted against observed gain, and
 * observed MSE against the exact risk.
 */
import type { DataSource } from '@cch-lab/data';
import { lineChart, scatterWithDiagonal } from '../../figures/helpers.js';
import { fieldRef } from '../../figures/theme.js';
import { agreementFigure } from '../../toolkit/figures/agreement-figure.js';
import { effectVsMarginFigure } from '../../toolkit/figures/effect-vs-margin.js';
import { AGREEMENT_INTERVAL_METHOD } from '../../toolkit/score-criteria.js';
import { sourceSentence } from '../../toolkit/sources.js';
import type { ColumnSpec, FigureSpec, Row, TableSpec } from '../../types.js';
import { agreementTable } from '../shared/agreement-table.js';
import type { MarginMethod } from './synthetic-config.js';
import type { SyntheticSetting } from './synthetic-settings.js';
import { ESTIMATOR_LABELS, type SyntheticSummary } from './synthetic-summary.js';

const INTERVAL_NOTE = `intervals: ${AGREEMENT_INTERVAL_METHOD} (a draw: one margin level and n, whose λ values share it)`;

export function syntheticTables(settings: readonly SyntheticSetting[], summary: SyntheticSummary, methods: readonly MarginMethod[], sources: DataSource[]): TableSpec[] {
  const columns: ColumnSpec[] = [
    { key: 'n', label: 'n', format: 'integer' },
    { key: 'lambda', label: 'λ', digits: 2 },
    { key: 'margin_analytic', label: 'margin (analytic)', digits: 3 },
    ...methods.map((m): ColumnSpec => ({ key: `margin_${m}`, label: `margin (${ESTIMATOR_LABELS[m]})`, digits: 3 })),
    { key: 'mse_no_kd', label: 'MSE no KD', digits: 4 },
    { key: 'mse_kd', label: 'MSE KD', digits: 4 },
    { key: 'risk_exact_no_kd', label: 'R0 exact', digits: 4 },
    { key: 'risk_exact_kd', label: 'R(λ) exact', digits: 4 },
    { key: 'observed_gain', label: 'gain observed' },
    { key: 'exact_gain', label: 'gain exact' },
    { key: 'plugin_gain', label: 'gain plug-in' },
    { key: 'observed', label: 'observed', format: 'text' },
    { key: 'cch_prediction', label: 'CCH', format: 'text' },
    { key: 'exact_prediction', label: 'exact', format: 'text' },
    { key: 'plugin_prediction', label: 'plug-in', format: 'text' },
  ];
  // The breakdowns by n/p, λ and margin sign are in the summary (rendered as tables there).
  return [
    {
      id: 'settings',
      title: 'Every setting: observed MSE, exact risk, margins and predictions',
      caption:
        'Means over repeats. Gain = MSE without KD − MSE with KD on the same draw; its 95 % t-interval decides ' +
        '“observed” (inconclusive when it contains 0). Predictions: CCH from the analytic margin’s sign, exact from R0 − R(λ), ' +
        `plug-in from sample moments. results.csv has every column: spreads, intervals, per-estimator predictions. ${sourceSentence(sources)}`,
      sources,
      columns,
      rows: settings.map((s) => ({ ...s.row })),
    },
    agreementTable({
      title: 'Agreement of each criterion with the observed sign',
      caption: `Counted over decisive settings only; ${INTERVAL_NOTE}. “inconclusive”: settings left out because the observed sign was not decided. ${sourceSentence(sources)}`,
      sources,
      criteria: summary.criteria.map((c) => ({ label: c.label, agreement: summary.agreement[c.key] })),
    }),
  ];
}

export function syntheticFigures(settings: readonly SyntheticSetting[], summary: SyntheticSummary, methods: readonly MarginMethod[], level: number, sources: DataSource[]): FigureSpec[] {
  const rows = settings.map((s) => s.row);
  const sizes = [...new Set(rows.map((s) => s.n as number))].sort((a, b) => a - b);
  const criteria = summary.criteria.map((c) => ({ label: c.label, agreement: summary.agreement[c.key] }));
  const rated = summary.agreement_by_n_over_p.filter((r) => typeof r.rate === 'number');
  // Margins do not depend on λ: one point per (margin level, n).
  const perDraw = rows.filter((s, i) => rows.findIndex((t) => t.n === s.n && t.margin_level === s.margin_level) === i);
  return [
    ...sizes.map((n) => gainAgainstMargin(rows.filter((s) => s.n === n), n, level, sources)),
    // With no decisive setting there is no rate to draw; the notes say so.
    ...(rated.length > 0 ? [agreementFigure({ criteria, sources, chance: 0.5 }), agreementAgainstSize(rated, sources)] : []),
    ...methods.filter((m) => perDraw.some((s) => typeof s[`margin_${m}`] === 'number')).map((m) => estimatedAgainstAnalytic(perDraw, m, sources)),
    predictedAgainstObserved(rows, sources),
    observedAgainstExact(rows, perDraw, sources),
  ];
}

/** The toolkit's effect-vs-margin figure at one n, coloured by λ, with the exact gain R0 − R(λ) dashed per λ. */
function gainAgainstMargin(rows: readonly Row[], n: number, level: number, sources: DataSource[]): FigureSpec {
  const color = { field: 'lambda_label', type: 'nominal', title: 'KD weight' };
  const figure = effectVsMarginFigure({
    id: `gain-vs-margin-n${n}`,
    title: `KD gain against the CCH margin, n = ${n} (p = ${String(rows[0]?.p)})`,
    values: rows.map((s) => ({ ...s, lambda_label: `λ = ${s.lambda}` })),
    fields: { margin: 'margin_analytic', marginLow: 'margin_analytic', marginHigh: 'margin_analytic', effect: 'observed_gain', effectLow: 'observed_gain_low', effectHigh: 'observed_gain_high' },
    color: 'lambda_label',
    colorTitle: 'KD weight',
    marginTitle: 'CCH margin I(H1;H2) − I(H2;Y), analytic (nats)',
    effectTitle: 'KD gain: MSE without KD − MSE with KD',
    intervalNote: `the observed mean gain over repeats with its ${Math.round(level * 100)} % t-interval (the analytic margin is exact); dashed lines: the exact theory’s gain R0 − R(λ), one per λ; above 0 KD helped`,
    sources,
  });
  const x = { field: fieldRef('margin_analytic'), type: 'quantitative' };
  (figure.spec.layer as Record<string, unknown>[]).push({ mark: { type: 'line', strokeDash: [5, 4], strokeWidth: 1.5 }, encoding: { x, y: { field: fieldRef('exact_gain'), type: 'quantitative' }, color } });
  return figure;
}

function agreementAgainstSize(values: readonly Row[], sources: DataSource[]): FigureSpec {
  const spec = lineChart({ values, x: 'n_over_p', y: 'rate', color: 'criterion', xScale: 'log', xTitle: 'n/p (training rows per student feature)', yTitle: 'agreement rate', colorTitle: 'criterion' });
  const layers = spec.layer as { encoding: Record<string, unknown> }[];
  layers[layers.length - 1].encoding.strokeDash = { field: 'criterion', type: 'nominal', title: 'criterion' };
  return {
    id: 'agreement-vs-n-over-p',
    title: 'Agreement with the observed sign against n/p',
    caption:
      'Share of decisive settings (the interval of the mean gain excludes 0) where each criterion predicted the observed sign. ' +
      'Settings with an inconclusive sign are not counted. Criteria with equal rates draw on top of each other (dash patterns ' +
      `differ); the summary’s agreement_by_n_over_p lists every rate with its interval (${INTERVAL_NOTE}). ${sourceSentence(sources)}`,
    sources,
    spec,
  };
}

function estimatedAgainstAnalytic(values: readonly Row[], method: MarginMethod, sources: DataSource[]): FigureSpec {
  const label = ESTIMATOR_LABELS[method];
  return {
    id: `margin-${method}-vs-analytic`,
    title: `Estimated against analytic CCH margin: ${label}`,
    caption:
      `Each point: the mean over repeats of ${label}'s margin Î(H1;H2) − Î(H2;Y) on held-out rows (H1 = teacher predictions, ` +
      'H2 = no-KD student predictions), with a 95 % t-interval. Dashed: y = x. The analytic margin uses the population student w*; ' +
      `the estimate uses the fitted one, whose error at small n lowers both sides. ${sourceSentence(sources)}`,
    sources,
    spec: scatterWithDiagonal({
      values: values.filter((s) => typeof s[`margin_${method}`] === 'number'),
      x: 'margin_analytic',
      y: `margin_${method}`,
      color: 'n',
      yInterval: { lower: `margin_${method}_low`, upper: `margin_${method}_high` },
      xTitle: 'analytic margin (nats)',
      yTitle: `${label} margin (nats)`,
      colorTitle: 'training size n',
    }),
  };
}

function predictedAgainstObserved(rows: readonly Row[], sources: DataSource[]): FigureSpec {
  const values = rows.flatMap((s) => [
    { observed_gain: s.observed_gain, predicted_gain: s.exact_gain, predictor: 'exact risk', n: s.n },
    { observed_gain: s.observed_gain, predicted_gain: s.plugin_gain, predictor: 'plug-in', n: s.n },
  ]);
  return {
    id: 'predicted-vs-observed-gain',
    title: 'Predicted against observed KD gain',
    caption:
      'One point per setting and predictor: the exact theory’s gain R0 − R(λ) from the population moments, and the plug-in ' +
      `gain from sample moments of (H1, H2, Y) on held-out rows. Dashed: y = x. ${sourceSentence(sources)}`,
    sources,
    spec: scatterWithDiagonal({ values, x: 'observed_gain', y: 'predicted_gain', color: 'predictor', xTitle: 'observed mean gain', yTitle: 'predicted gain' }),
  };
}

/** The no-KD student once per (margin level, n), the KD student per setting. */
function observedAgainstExact(rows: readonly Row[], perDraw: readonly Row[], sources: DataSource[]): FigureSpec {
  const values = [
    ...perDraw.map((s) => ({ exact: s.risk_exact_no_kd, observed: s.mse_no_kd, student: 'no KD' })),
    ...rows.map((s) => ({ exact: s.risk_exact_kd, observed: s.mse_kd, student: 'KD' })),
  ];
  return {
    id: 'observed-vs-exact-risk',
    title: 'Observed test MSE against the exact risk',
    caption:
      'Mean test MSE over repeats against the exact expected risk (theory package) for the same setting; on the dashed line the ' +
      `simulation and the formula agree. The summary gives the z-scores. ${sourceSentence(sources)}`,
    sources,
    spec: scatterWithDiagonal({ values, x: 'exact', y: 'observed', color: 'student', xTitle: 'exact risk', yTitle: 'observed mean test MSE' }),
  };
}
