/**
 * KD effect against the CCH margin, the figure every experiment shows: one point per setting with
 * the effect's interval (vertical) and the margin's (horizontal), lines at 0 on both axes, and the
 * paper's reported ranges drawn as bands where it reports them.
 */
import type { DataSource } from '@cch-lab/data';
import { FIGURE_SIZE, FIGURE_THEME, VEGA_LITE_SCHEMA, fieldRef } from '../../figures/theme.js';
import type { FigureSpec, Row } from '../../types.js';
import { sourceSentence } from '../sources.js';

/** A band of KD effects the paper reports on one side of the margin. */
export interface ReportedBand {
  /** Which side of margin 0 the paper reports it for. */
  side: 'positive' | 'negative';
  low: number;
  high: number;
  label: string;
}

export interface EffectVsMarginOptions {
  id?: string;
  title?: string;
  /** One datum per setting, with the fields named below. */
  values: readonly Row[];
  /** Field names; defaults: margin, margin_low, margin_high, kd_effect, kd_effect_low, kd_effect_high. */
  fields?: Partial<Record<'margin' | 'marginLow' | 'marginHigh' | 'effect' | 'effectLow' | 'effectHigh', string>>;
  color?: string;
  colorTitle?: string;
  effectTitle?: string;
  marginTitle?: string;
  reported?: readonly ReportedBand[];
  /** What the intervals are (for the caption). */
  intervalNote: string;
  sources: DataSource[];
}

export function effectVsMarginFigure(options: EffectVsMarginOptions): FigureSpec {
  const f = { margin: 'margin', marginLow: 'margin_low', marginHigh: 'margin_high', effect: 'kd_effect', effectLow: 'kd_effect_low', effectHigh: 'kd_effect_high', ...options.fields };
  const x = { field: fieldRef(f.margin), type: 'quantitative', title: options.marginTitle ?? 'CCH margin Î(H_t;H_s) − Î(H_s;Y) (nats)', scale: { zero: false } };
  const y = { field: fieldRef(f.effect), type: 'quantitative', title: options.effectTitle ?? 'KD effect: KD − no-KD accuracy', scale: { zero: false } };
  const color = options.color === undefined ? {} : { color: { field: fieldRef(options.color), type: 'nominal', title: options.colorTitle ?? options.color } };
  const margins = options.values.flatMap((v) => [v[f.marginLow], v[f.marginHigh], v[f.margin]]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const span = margins.length === 0 ? 1 : Math.max(...margins.map(Math.abs), 1e-3);
  const bands = (options.reported ?? []).map((b) => ({ x: b.side === 'positive' ? 0 : -span, x2: b.side === 'positive' ? span : 0, y: b.low, y2: b.high, label: b.label }));
  const layers: Record<string, unknown>[] = [];
  if (bands.length > 0) {
    layers.push({
      data: { values: bands },
      mark: { type: 'rect', color: '#bbb', opacity: 0.25 },
      encoding: { x: { field: 'x', type: 'quantitative' }, x2: { field: 'x2' }, y: { field: 'y', type: 'quantitative' }, y2: { field: 'y2' }, tooltip: { field: 'label' } },
    });
  }
  layers.push(
    { data: { values: [{}] }, mark: { type: 'rule', color: '#888', strokeWidth: 1 }, encoding: { y: { datum: 0 } } },
    { data: { values: [{}] }, mark: { type: 'rule', color: '#888', strokeDash: [2, 2], strokeWidth: 1 }, encoding: { x: { datum: 0 } } },
    { mark: { type: 'rule', strokeWidth: 1.2 }, encoding: { x, y: { field: fieldRef(f.effectLow), type: 'quantitative' }, y2: { field: fieldRef(f.effectHigh) }, ...color } },
    { mark: { type: 'rule', strokeWidth: 1.2 }, encoding: { x: { ...x, field: fieldRef(f.marginLow) }, x2: { field: fieldRef(f.marginHigh) }, y, ...color } },
    { mark: { type: 'point', filled: true, size: 60 }, encoding: { x, y, ...color } },
  );
  const reported = (options.reported ?? []).map((b) => `${b.label} (${b.low} … ${b.high}, margin ${b.side === 'positive' ? '> 0' : '< 0'})`).join('; ');
  return {
    id: options.id ?? 'effect-vs-margin',
    title: options.title ?? 'KD effect against the CCH margin',
    caption: [
      `One point per setting: ${options.intervalNote}.`,
      'The CCH predicts help right of the dotted line (margin 0) and harm left of it.',
      reported === '' ? '' : `Grey bands: the paper's reported effects — ${reported}.`,
      sourceSentence(options.sources),
    ]
      .filter((s) => s !== '')
      .join(' '),
    sources: options.sources,
    spec: { $schema: VEGA_LITE_SCHEMA, width: FIGURE_SIZE.width, height: FIGURE_SIZE.height, data: { values: options.values.map((v) => ({ ...v })) }, layer: layers, config: FIGURE_THEME },
  };
}
