/**
 * The figures of the `synthetic` experiment: the KD gain against the analytic margin (one line
 * per λ, one panel per n), agreement against n/p per criterion, estimated against analytic
 * margin per estimator, predicted against observed gain, and observed MSE against the exact risk.
 */
import { lineChart, scatterWithDiagonal } from '../../figures/helpers.js';
import { fieldRef } from '../../figures/theme.js';
import type { FigureSpec, Row } from '../../types.js';
import type { MarginEstimator } from './synthetic-config.js';
import { ESTIMATOR_LABELS } from './synthetic-summary.js';
import type { SyntheticSummary } from './synthetic-summary.js';

const SOURCES: FigureSpec['sources'] = ['simulated'];

export function syntheticFigures(settings: readonly Row[], summary: SyntheticSummary, methods: readonly MarginEstimator[]): FigureSpec[] {
  const figures: FigureSpec[] = [];
  const sizes = [...new Set(settings.map((s) => s.n as number))].sort((a, b) => a - b);
  for (const n of sizes) figures.push(gainAgainstMargin(settings.filter((s) => s.n === n), n));
  const rated = summary.agreement_by_n_over_p.filter((r) => typeof r.rate === 'number');
  // With no decisive setting there is no rate to draw; the notes say so.
  if (rated.length > 0) figures.push(agreementAgainstSize(rated));
  for (const m of methods) {
    const figure = estimatedAgainstAnalytic(settings, m);
    if (figure !== undefined) figures.push(figure);
  }
  figures.push(predictedAgainstObserved(settings), observedAgainstExact(settings));
  return figures;
}

/** Observed mean gain (solid, with its interval band) and the exact gain (dashed) against the analytic margin. */
function gainAgainstMargin(settings: readonly Row[], n: number): FigureSpec {
  const values = settings.map((s) => ({ ...s, lambda_label: `λ = ${s.lambda}` }));
  const spec = lineChart({
    values,
    x: 'margin_analytic',
    y: 'observed_gain',
    color: 'lambda_label',
    errorBand: { lower: 'observed_gain_low', upper: 'observed_gain_high' },
    xTitle: 'CCH margin I(H1;H2) − I(H2;Y), analytic (nats)',
    yTitle: 'KD gain: MSE without KD − MSE with KD',
    colorTitle: 'KD weight',
  });
  const layers = spec.layer as Record<string, unknown>[];
  const line = layers[layers.length - 1] as { encoding: Record<string, unknown> };
  layers.push(
    {
      mark: { type: 'line', strokeDash: [5, 4], strokeWidth: 1.5 },
      encoding: { x: line.encoding.x, y: { field: fieldRef('exact_gain'), type: 'quantitative' }, color: line.encoding.color },
    },
    { data: { values: [{}] }, mark: { type: 'rule', color: '#888', strokeWidth: 1 }, encoding: { y: { datum: 0 } } },
    { data: { values: [{}] }, mark: { type: 'rule', color: '#888', strokeWidth: 1, strokeDash: [2, 2] }, encoding: { x: { datum: 0 } } },
  );
  const p = settings[0]?.p;
  return {
    id: `gain-vs-margin-n${n}`,
    title: `KD gain against the CCH margin, n = ${n} (p = ${String(p)})`,
    caption:
      'Solid lines and points: the observed mean gain over repeats, with its 95 % t-interval as a band. Dashed: the exact ' +
      'theory’s gain R0 − R(λ) for the same setting. Above 0 KD helped; the CCH predicts help right of the vertical line.',
    sources: SOURCES,
    spec,
  };
}

function agreementAgainstSize(values: readonly Row[]): FigureSpec {
  const spec = lineChart({
    values,
    x: 'n_over_p',
    y: 'rate',
    color: 'criterion',
    xScale: 'log',
    xTitle: 'n/p (training rows per student feature)',
    yTitle: 'agreement rate',
    colorTitle: 'criterion',
  });
  const layers = spec.layer as { encoding: Record<string, unknown> }[];
  layers[layers.length - 1].encoding.strokeDash = { field: 'criterion', type: 'nominal', title: 'criterion' };
  return {
    id: 'agreement-vs-n-over-p',
    title: 'Agreement with the observed sign against n/p',
    caption:
      'Share of decisive settings (the interval of the mean gain excludes 0) where each criterion predicted the observed sign. ' +
      'Settings with an inconclusive sign are not counted. Criteria with equal rates draw on top of each other (dash patterns ' +
      'differ); the summary’s agreement_by_n_over_p lists every rate with its Wilson 95 % interval.',
    sources: SOURCES,
    spec,
  };
}

function estimatedAgainstAnalytic(settings: readonly Row[], method: MarginEstimator): FigureSpec | undefined {
  // Margins do not depend on λ: one point per (margin level, n).
  const seen = new Set<string>();
  const values: Row[] = [];
  for (const s of settings) {
    const key = `${String(s.margin_level)}/${String(s.n)}`;
    if (seen.has(key) || typeof s[`margin_${method}`] !== 'number') continue;
    seen.add(key);
    values.push({ ...s });
  }
  if (values.length === 0) return undefined;
  const label = ESTIMATOR_LABELS[method];
  return {
    id: `margin-${method}-vs-analytic`,
    title: `Estimated against analytic CCH margin: ${label}`,
    caption:
      `Each point: the mean over repeats of ${label}'s margin Î(H1;H2) − Î(H2;Y) on held-out rows (H1 = teacher predictions, ` +
      'H2 = no-KD student predictions), with a 95 % t-interval. Dashed: y = x. The analytic margin uses the population student w*; ' +
      'the estimate uses the fitted one, whose error at small n lowers both sides.',
    sources: SOURCES,
    spec: scatterWithDiagonal({
      values,
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

function predictedAgainstObserved(settings: readonly Row[]): FigureSpec {
  const values: Row[] = [];
  for (const s of settings) {
    values.push({ observed_gain: s.observed_gain, predicted_gain: s.exact_gain, predictor: 'exact risk', n: s.n });
    values.push({ observed_gain: s.observed_gain, predicted_gain: s.plugin_gain, predictor: 'plug-in', n: s.n });
  }
  return {
    id: 'predicted-vs-observed-gain',
    title: 'Predicted against observed KD gain',
    caption:
      'One point per setting and predictor: the exact theory’s gain R0 − R(λ) from the population moments, and the plug-in ' +
      'gain from sample moments of (H1, H2, Y) on held-out rows. Dashed: y = x.',
    sources: SOURCES,
    spec: scatterWithDiagonal({
      values,
      x: 'observed_gain',
      y: 'predicted_gain',
      color: 'predictor',
      xTitle: 'observed mean gain',
      yTitle: 'predicted gain',
    }),
  };
}

function observedAgainstExact(settings: readonly Row[]): FigureSpec {
  const values: Row[] = [];
  const seen = new Set<string>();
  for (const s of settings) {
    const key = `${String(s.margin_level)}/${String(s.n)}`;
    if (!seen.has(key)) {
      seen.add(key);
      values.push({ exact: s.risk_exact_no_kd, observed: s.mse_no_kd, student: 'no KD' });
    }
    values.push({ exact: s.risk_exact_kd, observed: s.mse_kd, student: 'KD' });
  }
  return {
    id: 'observed-vs-exact-risk',
    title: 'Observed test MSE against the exact risk',
    caption:
      'Mean test MSE over repeats against the exact expected risk (theory package) for the same setting; on the dashed line the ' +
      'simulation and the formula agree. The summary gives the z-scores.',
    sources: SOURCES,
    spec: scatterWithDiagonal({
      values,
      x: 'exact',
      y: 'observed',
      color: 'student',
      xTitle: 'exact risk',
      yTitle: 'observed mean test MSE',
    }),
  };
}
