/**
 * Builders for the figures experiments draw most: lines over a swept parameter, estimated vs
 * analytic scatter with the y = x diagonal, grouped bars. Each returns a plain Vega-Lite spec
 * (JSON, data inline, the shared theme applied) ready for `FigureSpec.spec`; spread more keys
 * into the result for anything these options do not cover.
 */
import { InvalidInputError } from '@cch-lab/core';
import type { Row } from '../types.js';
import { FIGURE_SIZE, FIGURE_THEME, VEGA_LITE_SCHEMA, fieldRef } from './theme.js';

/** A Vega-Lite top-level spec as a plain object (the type of `FigureSpec.spec`). */
export type VegaLiteSpec = Record<string, unknown>;

/** Two fields holding the lower and upper edge of an interval (e.g. mean ± 1.96 SE). */
export interface IntervalFields {
  lower: string;
  upper: string;
}

export interface ChartOptions {
  /** One record per datum; copied into the spec. */
  values: readonly Row[];
  /** Field on the x axis. */
  x: string;
  /** Field on the y axis. */
  y: string;
  /** Field whose values split the marks by colour (a legend is drawn). Default: no split. */
  color?: string;
  /** Chart title. Default: none (the report prints the figure's title above it). */
  title?: string;
  /** Axis and legend titles. Default: the field names. */
  xTitle?: string;
  yTitle?: string;
  colorTitle?: string;
  /** Plot area in pixels. Default FIGURE_SIZE (440 × 280). */
  width?: number;
  height?: number;
}

export interface LineChartOptions extends ChartOptions {
  /** A shaded band behind each line, e.g. a confidence interval. Default: none. */
  errorBand?: IntervalFields;
  /** Draw a dot at every datum. Default true. */
  points?: boolean;
  /** The x scale; 'log' for sample sizes or λ grids spanning decades. Default 'linear'. */
  xScale?: 'linear' | 'log';
  /** Whether the y axis starts at zero. Default false. */
  yZero?: boolean;
}

/** Lines of y against a quantitative x, one per `color` value, with an optional error band. */
export function lineChart(options: LineChartOptions): VegaLiteSpec {
  const { x, y, color, errorBand } = options;
  checkFields('lineChart', options.values, [x, y, color, errorBand?.lower, errorBand?.upper]);
  const xEnc = {
    field: fieldRef(x),
    type: 'quantitative',
    title: options.xTitle ?? x,
    // vega-lite warns that `zero` does not apply to a log scale, so it is set only on linear ones.
    scale: options.xScale === 'log' ? { type: 'log' } : { type: 'linear', zero: false },
  };
  // The band layer would make the legend swatches as pale as the band; hiding its legend (or
  // moving it to `fill`) drops the shared legend altogether, so force the swatches opaque instead.
  const colorEnc = colorEncoding(options, errorBand !== undefined ? { symbolOpacity: 1 } : undefined);
  const layers: Record<string, unknown>[] = [];
  if (errorBand !== undefined) {
    layers.push({
      mark: { type: 'area', opacity: 0.18 },
      encoding: {
        x: xEnc,
        y: { field: fieldRef(errorBand.lower), type: 'quantitative', title: options.yTitle ?? y },
        y2: { field: fieldRef(errorBand.upper) },
        ...colorEnc,
      },
    });
  }
  layers.push({
    mark: { type: 'line', point: options.points ?? true },
    encoding: {
      x: xEnc,
      y: { field: fieldRef(y), type: 'quantitative', title: options.yTitle ?? y, scale: { zero: options.yZero ?? false } },
      ...colorEnc,
    },
  });
  return topLevel(options, { layer: layers });
}

export interface ScatterWithDiagonalOptions extends ChartOptions {
  /** Error bars on y (e.g. an estimator's spread over repeats). Default: none. */
  yInterval?: IntervalFields;
}

/**
 * Points of y (e.g. estimated MI) against x (e.g. analytic MI) with the dashed y = x line over
 * the range of both, so bias shows as distance from the diagonal.
 */
export function scatterWithDiagonal(options: ScatterWithDiagonalOptions): VegaLiteSpec {
  const { x, y, yInterval } = options;
  checkFields('scatterWithDiagonal', options.values, [x, y, options.color, yInterval?.lower, yInterval?.upper]);
  const xEnc = { field: fieldRef(x), type: 'quantitative', title: options.xTitle ?? x, scale: { zero: false } };
  const yTitle = options.yTitle ?? y;
  const colorEnc = colorEncoding(options);
  const layers: Record<string, unknown>[] = [];
  const range = finiteRange(options.values, [x, y, yInterval?.lower, yInterval?.upper]);
  if (range !== undefined) {
    layers.push({
      data: { values: [{}] },
      mark: { type: 'rule', strokeDash: [5, 4], color: '#777', strokeWidth: 1.2 },
      encoding: {
        x: { datum: range[0], type: 'quantitative' },
        y: { datum: range[0], type: 'quantitative' },
        x2: { datum: range[1] },
        y2: { datum: range[1] },
      },
    });
  }
  if (yInterval !== undefined) {
    layers.push({
      mark: { type: 'rule', strokeWidth: 1.2 },
      encoding: {
        x: xEnc,
        y: { field: fieldRef(yInterval.lower), type: 'quantitative', title: yTitle },
        y2: { field: fieldRef(yInterval.upper) },
        ...colorEnc,
      },
    });
  }
  layers.push({
    mark: { type: 'point', filled: true, size: 50 },
    encoding: { x: xEnc, y: { field: fieldRef(y), type: 'quantitative', title: yTitle, scale: { zero: false } }, ...colorEnc },
  });
  return topLevel(options, { layer: layers });
}

export interface BarChartOptions extends ChartOptions {
  /** Error bars on each bar. Default: none. */
  errorBar?: IntervalFields;
  /** Whether the y axis starts at zero. Default true (bar lengths are read as values). */
  yZero?: boolean;
}

/** Bars of y per category x; with `color`, grouped side by side within each category. */
export function barChart(options: BarChartOptions): VegaLiteSpec {
  const { x, y, color, errorBar } = options;
  checkFields('barChart', options.values, [x, y, color, errorBar?.lower, errorBar?.upper]);
  const shared = {
    x: { field: fieldRef(x), type: 'nominal', title: options.xTitle ?? x, axis: { labelAngle: 0 } },
    ...(color !== undefined ? { xOffset: { field: fieldRef(color), type: 'nominal' } } : {}),
    ...colorEncoding(options),
  };
  const layers: Record<string, unknown>[] = [
    {
      mark: { type: 'bar' },
      encoding: {
        ...shared,
        y: { field: fieldRef(y), type: 'quantitative', title: options.yTitle ?? y, scale: { zero: options.yZero ?? true } },
      },
    },
  ];
  if (errorBar !== undefined) {
    layers.push({
      mark: { type: 'rule', color: '#222', strokeWidth: 1.2 },
      encoding: {
        ...shared,
        color: undefined,
        y: { field: fieldRef(errorBar.lower), type: 'quantitative', title: options.yTitle ?? y },
        y2: { field: fieldRef(errorBar.upper) },
      },
    });
  }
  return topLevel(options, { layer: layers });
}

function topLevel(options: ChartOptions, body: Record<string, unknown>): VegaLiteSpec {
  return JSON.parse(
    JSON.stringify({
      $schema: VEGA_LITE_SCHEMA,
      ...(options.title !== undefined ? { title: options.title } : {}),
      width: options.width ?? FIGURE_SIZE.width,
      height: options.height ?? FIGURE_SIZE.height,
      data: { values: options.values.map((r) => ({ ...r })) },
      ...body,
      config: FIGURE_THEME,
    }),
  ) as VegaLiteSpec;
}

function colorEncoding(options: ChartOptions, legend?: Record<string, unknown>): Record<string, unknown> {
  if (options.color === undefined) return {};
  const title = options.colorTitle ?? options.color;
  return { color: { field: fieldRef(options.color), type: 'nominal', title, ...(legend !== undefined ? { legend } : {}) } };
}

/** The [min, max] over the finite numbers in the given fields, or undefined when there are none. */
function finiteRange(values: readonly Row[], fields: (string | undefined)[]): [number, number] | undefined {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const row of values) {
    for (const f of fields) {
      const v = f === undefined ? undefined : row[f];
      if (typeof v === 'number' && Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  return lo <= hi ? [lo, hi] : undefined;
}

/** A misspelt field draws an empty chart without complaint; catch it here instead. */
function checkFields(helper: string, values: readonly Row[], fields: (string | undefined)[]): void {
  if (!Array.isArray(values)) {
    throw new InvalidInputError(`${helper}: values must be an array of records`, { details: { field: 'values', received: typeof values } });
  }
  if (values.length === 0) return;
  const present = new Set<string>();
  for (const row of values) for (const k of Object.keys(row)) present.add(k);
  for (const f of fields) {
    if (f !== undefined && !present.has(f)) {
      throw new InvalidInputError(`${helper}: field '${f}' is in no record of values`, {
        details: { field: f, received: `keys: ${[...present].join(', ')}` },
        hint: 'pass the name of a key the rows actually have',
      });
    }
  }
}
