/**
 * Figures of `mfh-gauss`: accuracies along each sweep, the KD effect against γ (the MFH's axis,
 * with its break-even) and against the CCH margin (the CCH's axis, with its threshold at 0).
 */
import { lineChart } from '../../figures/helpers.js';
import { FIGURE_SIZE, FIGURE_THEME, VEGA_LITE_SCHEMA, fieldRef } from '../../figures/theme.js';
import type { FigureSpec, Row } from '../../types.js';
import { studentTCriticalValue } from '../shared/student-t.js';

const SOURCES: FigureSpec['sources'] = ['simulated'];

export function mfhGaussFigures(settings: readonly Row[], breakEvenGamma: number, level: number): FigureSpec[] {
  const figures: FigureSpec[] = [];
  const gamma = settings.filter((s) => s.sweep === 'gamma');
  const alpha = settings.filter((s) => s.sweep === 'alpha');
  if (gamma.length > 0) figures.push(accuracyFigure('gamma', gamma, level));
  if (alpha.length > 0) figures.push(accuracyFigure('alpha', alpha, level));
  figures.push(effectAgainstGamma(settings, breakEvenGamma), effectAgainstMargin(settings));
  return figures;
}

/** Teacher, no-KD and KD accuracy along one sweep with 95 % t-intervals over seeds. */
function accuracyFigure(sweep: 'gamma' | 'alpha', settings: readonly Row[], level: number): FigureSpec {
  const x = sweep === 'gamma' ? 'gamma' : 'alpha';
  const values: Row[] = [];
  for (const s of settings) {
    const seeds = s.seeds as number;
    const t = seeds > 1 ? studentTCriticalValue(level, seeds - 1) / Math.sqrt(seeds) : 0;
    for (const [model, field] of [
      ['teacher', 'teacher_acc'],
      ['no KD', 'no_kd_acc'],
      ['KD', 'kd_acc'],
    ] as const) {
      const mean = s[field] as number;
      const sd = s[`${field}_sd`] as number;
      values.push({ [x]: s[x], model, accuracy: mean, low: mean - t * sd, high: mean + t * sd });
    }
  }
  const title = sweep === 'gamma' ? 'Sweep 1: accuracy against γ (shared decisive fraction)' : 'Sweep 2: accuracy against α (teacher-only decisive fraction)';
  return {
    id: `accuracy-vs-${x}`,
    title,
    caption:
      'Our test accuracies (teacher on x1, students on x2), mean over seeds with a 95 % t-interval (band). The numbers Xue et al. 2023 report are in the table, ' +
      'in their own columns; they are not drawn here.',
    sources: SOURCES,
    spec: lineChart({ values, x, y: 'accuracy', color: 'model', errorBand: { lower: 'low', upper: 'high' }, xTitle: x === 'gamma' ? 'γ' : 'α', yTitle: 'test accuracy', colorTitle: 'model' }),
  };
}

function effectAgainstGamma(settings: readonly Row[], breakEvenGamma: number): FigureSpec {
  const values = settings.map((s) => ({ ...s, sweep_label: s.sweep === 'gamma' ? 'sweep 1 (γ)' : 'sweep 2 (α)' }));
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
    caption: `Mean over seeds with a 95 % t-interval; sweep 2 is placed at γ = 1 − α. The MFH predicts help right of the dotted line (γ* = ${breakEvenGamma}) and harm left of it.`,
    sources: SOURCES,
    spec,
  };
}

function effectAgainstMargin(settings: readonly Row[]): FigureSpec {
  const values = settings.map((s) => ({ ...s, sweep_label: s.sweep === 'gamma' ? 'sweep 1 (γ)' : 'sweep 2 (α)' }));
  const x = { field: fieldRef('margin'), type: 'quantitative', title: 'CCH margin Î(H_t;H_s) − Î(H_s;Y) (nats)', scale: { zero: false } };
  const color = { field: fieldRef('sweep_label'), type: 'nominal', title: 'sweep' };
  return {
    id: 'effect-vs-margin',
    title: 'KD effect against the CCH margin (the CCH’s axis)',
    caption:
      'One point per setting: mean KD effect over seeds with its 95 % t-interval (vertical) and the mean estimated margin with its ' +
      '95 % t-interval (horizontal). The CCH predicts help right of the dotted line (margin 0).',
    sources: SOURCES,
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      width: FIGURE_SIZE.width,
      height: FIGURE_SIZE.height,
      data: { values },
      layer: [
        { data: { values: [{}] }, mark: { type: 'rule', color: '#888', strokeWidth: 1 }, encoding: { y: { datum: 0 } } },
        { data: { values: [{}] }, mark: { type: 'rule', color: '#888', strokeDash: [2, 2], strokeWidth: 1 }, encoding: { x: { datum: 0 } } },
        { mark: { type: 'rule', strokeWidth: 1.2 }, encoding: { x, y: { field: fieldRef('kd_effect_low'), type: 'quantitative' }, y2: { field: fieldRef('kd_effect_high') }, color } },
        { mark: { type: 'rule', strokeWidth: 1.2 }, encoding: { x: { ...x, field: fieldRef('margin_low') }, x2: { field: fieldRef('margin_high') }, y: { field: fieldRef('kd_effect'), type: 'quantitative' }, color } },
        {
          mark: { type: 'point', filled: true, size: 60 },
          encoding: { x, y: { field: fieldRef('kd_effect'), type: 'quantitative', title: 'KD effect: KD − no-KD accuracy', scale: { zero: false } }, color },
        },
      ],
      config: FIGURE_THEME,
    },
  };
}
