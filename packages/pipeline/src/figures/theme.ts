/**
 * The look every cch-lab figure shares: size, fonts, muted grid, a colour-blind-safe palette.
 * Applied by the figure helpers; experiments that write their own Vega-Lite specs can spread
 * `FIGURE_THEME` into them.
 */

/** The Vega-Lite schema the helpers target (vega-lite 6). */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Default plot area in pixels (axes, legend and title add to it). */
export const FIGURE_SIZE = Object.freeze({ width: 440, height: 280 });

/** Fonts a reader's machine likely has; DejaVu Sans is what headless Linux renders. */
const FONT = 'Helvetica Neue, Helvetica, Arial, DejaVu Sans, sans-serif';

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = Object.freeze(['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000']);

/** A Vega-Lite `config` block: fonts, font sizes, axes, legend and title style. */
export const FIGURE_THEME = Object.freeze({
  font: FONT,
  background: 'white',
  padding: 8,
  view: { stroke: '#d0d0d0' },
  range: { category: [...PALETTE] },
  axis: {
    labelFontSize: 12,
    titleFontSize: 13,
    titleFontWeight: 'normal',
    titleColor: '#222',
    labelColor: '#333',
    gridColor: '#ececec',
    domainColor: '#888',
    tickColor: '#888',
  },
  legend: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal', orient: 'right' },
  title: { fontSize: 15, fontWeight: 'bold', anchor: 'start', color: '#111', offset: 10 },
  line: { strokeWidth: 2 },
  point: { size: 40, filled: true },
});

/**
 * A field name for a Vega-Lite encoding: dots and brackets escaped, because Vega-Lite reads
 * `a.b` as "field b of object a" while cch-lab row keys like `mi.ksg` are flat.
 */
export function fieldRef(name: string): string {
  return name.replace(/[.[\]\\]/g, (c) => `\\${c}`);
}
