/**
 * One experiment's report page, rendered from its results.json alone: title and description, a
 * provenance box, the summary, the notes, every table and figure (SVG inline), and the resolved
 * config. A figure or table that fails to render becomes an error box on the page and a warning
 * in the result; it never takes the page down with it.
 */
import { recordingReporter } from '@cch-lab/core';
import { checkResultsFile } from '../check-results-file.js';
import type { FigureSpec, ResultsFile, TableSpec } from '../contract.js';
import { escapeHtml } from '../format/escape-html.js';
import { slug } from '../format/slug.js';
import { sourcesLine } from '../format/source-badge.js';
import { renderFigureSvg } from '../figures/render-svg.js';
import { renderTable } from '../tables/render-table.js';
import { pageShell } from './page-shell.js';
import { renderProvenanceBox } from './provenance-box.js';
import { renderSummary } from './render-summary.js';

/** A rendered page and what went wrong on the way (figures or tables that could not render, Vega warnings). */
export interface RenderedPage {
  html: string;
  warnings: string[];
}

/**
 * Renders the self-contained HTML report of one experiment (inline CSS and SVG, no scripts).
 * @throws InvalidInputError when `results` lacks experiment, title, sources, tables or figures.
 */
export async function renderExperimentPage(results: ResultsFile): Promise<RenderedPage> {
  checkResultsFile(results);
  const warnings: string[] = [];
  const sections: string[] = [header(results), renderProvenanceBox(results)];

  if (results.summary !== undefined && Object.keys(results.summary).length > 0) {
    sections.push(`<section class="summary-section">\n<h2>Summary</h2>\n${renderSummary(results.summary)}\n</section>`);
  }
  const notes = results.notes ?? [];
  if (notes.length > 0) {
    sections.push(`<section class="notes">\n<h2>Notes</h2>\n${notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('\n')}\n</section>`);
  }
  if (results.tables.length > 0) {
    const tables = results.tables.map((t) => tableBlock(t, warnings));
    sections.push(`<section class="tables">\n<h2>Tables</h2>\n${tables.join('\n')}\n</section>`);
  }
  if (results.figures.length > 0) {
    const figures: string[] = [];
    // One at a time: rendering is CPU-bound and Vega's id counters are process-wide.
    for (const f of results.figures) figures.push(await figureBlock(f, warnings));
    sections.push(`<section class="figures">\n<h2>Figures</h2>\n${figures.join('\n')}\n</section>`);
  }
  sections.push(configBlock(results), footer(results));
  return { html: pageShell(`${results.title} — cch-lab`, sections.join('\n\n')), warnings };
}

function header(results: ResultsFile): string {
  const parts = [
    `<header>`,
    `<h1>${escapeHtml(results.title)}</h1>`,
    `<p class="subtitle"><code>${escapeHtml(results.experiment)}</code> · profile <code>${escapeHtml(String(results.profile))}</code> · ${sourcesLine(results.sources)}</p>`,
  ];
  if (results.description) parts.push(`<p class="description">${escapeHtml(results.description)}</p>`);
  parts.push(sourceBanner(results.sources), `</header>`);
  return parts.filter((p) => p !== '').join('\n');
}

/** A reader skimming the figures must not mistake simulated stand-ins for the paper's data. */
function sourceBanner(sources: readonly string[]): string {
  if (sources.length === 0) {
    return '<div class="banner banner-unknown" role="note"><strong>Data source not recorded.</strong> This results file does not say where its numbers came from; treat them with suspicion and rerun the experiment.</div>';
  }
  if (!sources.includes('simulated')) return '';
  const only = sources.every((s) => s === 'simulated');
  return (
    '<div class="banner banner-simulated" role="note"><strong>Simulated data.</strong> ' +
    (only ? 'Every number on this page comes' : 'Some numbers on this page come') +
    ' from a generated stand-in, not from a real data set. They show how the method behaves; they are not the paper’s measurements. Each table and figure is labelled with its source.</div>'
  );
}

function tableBlock(table: TableSpec, warnings: string[]): string {
  try {
    return renderTable(table);
  } catch (error) {
    return errorBox('table', table?.id, error, warnings);
  }
}

async function figureBlock(figure: FigureSpec, warnings: string[]): Promise<string> {
  const id = String(figure?.id);
  const reporter = recordingReporter();
  let chart: string;
  try {
    chart =
      figure.image !== undefined && /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/.test(figure.image.src)
        ? `<div class="chart"><img src="${figure.image.src}" alt="${escapeHtml(figure.image.alt)}" width="${Number(figure.image.width)}" height="${Number(figure.image.height)}"></div>`
        : `<div class="chart">${await renderFigureSvg(figure.spec, { id, reporter })}</div>`;
  } catch (error) {
    chart = errorBox('figure', id, error, warnings);
  }
  warnings.push(...reporter.warnings);
  const caption = figure.caption ? `<div class="figure-caption">${escapeHtml(figure.caption)}</div>` : '';
  return [
    `<figure class="figure" id="figure-${slug(id)}">`,
    `<h3>${escapeHtml(String(figure.title ?? id))}</h3>`,
    chart,
    `<figcaption>${caption}<div class="figure-sources">${sourcesLine(Array.isArray(figure.sources) ? figure.sources : [])}</div></figcaption>`,
    '</figure>',
  ].join('\n');
}

function errorBox(kind: 'table' | 'figure', id: unknown, error: unknown, warnings: string[]): string {
  const name = `${kind} '${String(id)}'`;
  const message = error instanceof Error ? error.message : String(error);
  // Errors from renderFigureSvg already start with the figure's name; say it once.
  const text = `${name} could not be rendered: ${message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message}`;
  warnings.push(text);
  return `<div class="figure-error" role="alert">${escapeHtml(text)}</div>`;
}

function configBlock(results: ResultsFile): string {
  const json = JSON.stringify(results.config ?? {}, null, 2);
  return [
    '<section>',
    '<h2>Configuration</h2>',
    '<details class="config">',
    `<summary>Resolved config${results.configFile ? ` (from <code>${escapeHtml(results.configFile)}</code>, after profile and overrides)` : ''}</summary>`,
    `<pre>${escapeHtml(json)}</pre>`,
    '</details>',
    '</section>',
  ].join('\n');
}

function footer(results: ResultsFile): string {
  return `<footer>Rendered by @cch-lab/report from <a href="results.json">results.json</a>; one row per result in <a href="results.csv">results.csv</a>. Experiment <code>${escapeHtml(results.experiment)}</code>.</footer>`;
}
