/**
 * The index's cross-experiment figures as Vega-Lite specs: one row per experiment (or per pool),
 * its agreement rate as a dot on [0, 1] with the 95 % interval as a bar through it, coloured and
 * shaped by data source (shape too, so the source survives grey-scale printing), a dashed line at
 * a coin flip. Horizontal, because experiment names are long and would collide on an x axis.
 */
import { FIGURE_THEME, VEGA_LITE_SCHEMA } from '@cch-lab/pipeline';
import { SOURCE_CLASSES, SOURCE_CLASS_COLORS, type SourceClass } from '../scorecard/source-class.js';

export interface AgreementIntervalRow {
  /** The row's name on the y axis (an experiment, a pool). */
  label: string;
  rate: number;
  low: number;
  high: number;
  source: SourceClass;
}

/** Plot width in pixels; the labels add to it, and the page scales the SVG down to fit. */
const PLOT_WIDTH = 420;
/** Height per row: room for a label at the theme's font size. */
const ROW_HEIGHT = 26;

/** A horizontal dot-and-interval chart of agreement rates, rows in the order given. */
export function agreementIntervalSpec(rows: readonly AgreementIntervalRow[], xTitle: string): Record<string, unknown> {
  const present = SOURCE_CLASSES.filter((c) => rows.some((r) => r.source === c));
  const y = { field: 'label', type: 'nominal', sort: null, title: null, axis: { labelLimit: 260 } };
  const x = { type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '%' } };
  const source = {
    field: 'source',
    type: 'nominal',
    title: 'data',
    scale: { domain: present, range: present.map((c) => SOURCE_CLASS_COLORS[c]) },
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    width: PLOT_WIDTH,
    height: Math.max(1, rows.length) * ROW_HEIGHT,
    data: { values: rows.map((r) => ({ ...r })) },
    layer: [
      {
        data: { values: [{}] },
        mark: { type: 'rule', color: '#888', strokeDash: [4, 3] },
        encoding: { x: { datum: 0.5, type: 'quantitative' } },
      },
      {
        mark: { type: 'rule', strokeWidth: 2.5 },
        encoding: { y, x: { ...x, field: 'low', title: xTitle }, x2: { field: 'high' }, color: { ...source, legend: null } },
      },
      {
        mark: { type: 'point', filled: true, size: 70, opacity: 1 },
        encoding: {
          y,
          x: { ...x, field: 'rate', title: xTitle },
          color: source,
          shape: { field: 'source', type: 'nominal', title: 'data', scale: { domain: present } },
        },
      },
    ],
    config: FIGURE_THEME,
  };
}
