/**
 * One figure as a `<figure>`: its title, the chart (Vega-Lite rendered to inline SVG, or a `data:`
 * picture), the caption and the data-source line. Scaled to the column by the stylesheet.
 */
import { recordingReporter } from '@cch-lab/core';
import type { FigureSpec } from '../contract.js';
import { escapeHtml } from '../format/escape-html.js';
import { slug } from '../format/slug.js';
import { sourcesLine } from '../format/source-badge.js';
import { renderFigureSvg } from '../figures/render-svg.js';
import { errorBox } from './error-box.js';

/** Only inline pictures: anything else would be a network request (or a local file the page cannot carry). */
const INLINE_IMAGE = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/;

/** Renders a figure; a spec that fails becomes an error box, and it and any Vega warnings join `warnings`. */
export async function renderFigureBlock(figure: FigureSpec, warnings: string[]): Promise<string> {
  const id = String(figure?.id);
  const reporter = recordingReporter();
  let chart: string;
  try {
    chart =
      figure.image !== undefined && INLINE_IMAGE.test(figure.image.src)
        ? `<div class="chart"><img src="${figure.image.src}" alt="${escapeHtml(String(figure.image.alt))}" width="${Number(figure.image.width)}" height="${Number(figure.image.height)}"></div>`
        : `<div class="chart">${await renderFigureSvg(figure.spec, { id, reporter })}</div>`;
  } catch (error) {
    chart = errorBox('figure', id, error, warnings);
  }
  warnings.push(...reporter.warnings);
  const caption = figure.caption ? `<div class="figure-caption">${escapeHtml(String(figure.caption))}</div>` : '';
  return [
    `<figure class="figure" id="figure-${slug(id)}">`,
    `<h3>${escapeHtml(String(figure.title ?? id))}</h3>`,
    chart,
    `<figcaption>${caption}<div class="figure-sources">${sourcesLine(Array.isArray(figure.sources) ? figure.sources : [])}</div></figcaption>`,
    '</figure>',
  ].join('\n');
}
