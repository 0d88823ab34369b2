/**
 * One experiment's report page, rendered from its results.json alone, in the order a researcher
 * reads it: what it found (the scorecard's verdict and the CCH's agreement), the figures, the
 * tables (each in its own scroll box, long ones collapsed), the notes, then what is needed to
 * rerun it — the resolved config, the environment — and the raw summary, all three collapsed or
 * last. A figure or table that fails to render becomes an error box on the page and a warning in
 * the result; it never takes the page down with it.
 */
import { checkResultsFile } from '../check-results-file.js';
import type { ResultsFile } from '../contract.js';
import { escapeHtml } from '../format/escape-html.js';
import { sourcesLine } from '../format/source-badge.js';
import { readScorecard } from '../scorecard/read-scorecard.js';
import { renderFigureBlock } from './figure-block.js';
import { pageShell } from './page-shell.js';
import { renderProvenanceBox } from './provenance-box.js';
import { renderScorecardBox } from './scorecard-box.js';
import { renderTableBlock } from './table-block.js';

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
  const sections: string[] = [header(results), scorecardSection(results, warnings)];

  if (results.figures.length > 0) {
    const figures: string[] = [];
    // One at a time: rendering is CPU-bound and Vega's id counters are process-wide.
    for (const f of results.figures) figures.push(await renderFigureBlock(f, warnings));
    sections.push(`<section class="figures">\n<h2>Figures</h2>\n${figures.join('\n')}\n</section>`);
  }
  if (results.tables.length > 0) {
    const tables = results.tables.map((t) => renderTableBlock(t, warnings));
    sections.push(`<section class="tables">\n<h2>Tables</h2>\n${tables.join('\n')}\n</section>`);
  }
  const notes = Array.isArray(results.notes) ? results.notes : [];
  if (notes.length > 0) {
    sections.push(`<section class="notes">\n<h2>Notes</h2>\n${notes.map((n) => `<p>${escapeHtml(String(n))}</p>`).join('\n')}\n</section>`);
  }
  sections.push(configBlock(results), `<section class="environment">\n<h2>Environment</h2>\n${renderProvenanceBox(results)}\n</section>`);
  if (results.summary !== undefined && results.summary !== null && Object.keys(results.summary).length > 0) {
    sections.push(collapsedJson('raw-summary', 'Raw summary (JSON)', 'the experiment’s summary object as stored in results.json', results.summary));
  }
  sections.push(footer(results));
  return { html: pageShell(`${results.title} — cch-lab`, sections.filter((s) => s !== '').join('\n\n')), warnings };
}

function header(results: ResultsFile): string {
  const config = results.configFile ? ` · config <code>${escapeHtml(String(results.configFile))}</code>` : '';
  const parts = [
    `<header>`,
    `<p class="breadcrumb"><a href="../index.html">← all experiments</a></p>`,
    `<h1>${escapeHtml(results.title)}</h1>`,
    `<p class="subtitle">experiment <code>${escapeHtml(results.experiment)}</code>${config} · profile <code>${escapeHtml(String(results.profile))}</code> · ${sourcesLine(results.sources)}</p>`,
  ];
  if (results.description) parts.push(`<p class="description">${escapeHtml(String(results.description))}</p>`);
  parts.push(sourceBanner(results.sources), `</header>`);
  return parts.filter((p) => p !== '').join('\n');
}

/** The verdict box, or one line saying why there is none (a malformed scorecard is also a warning). */
function scorecardSection(results: ResultsFile, warnings: string[]): string {
  const { scorecard, problem } = readScorecard(results.scorecard);
  if (problem !== undefined) warnings.push(`experiment '${results.experiment}': ${problem}; the page shows it as not scored`);
  if (scorecard !== undefined) return renderScorecardBox(scorecard, results.sources);
  return '<section class="scorecard-box scorecard-none" aria-label="scorecard"><h2>Verdict</h2><p>Not scored: this results file carries no scorecard (the experiment scores no criterion, or the results predate scorecards — rerun it to add one). The figures and tables below are its findings.</p></section>';
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

function configBlock(results: ResultsFile): string {
  const from = results.configFile ? ` (from <code>${escapeHtml(String(results.configFile))}</code>, after profile and overrides)` : '';
  return [
    '<section class="configuration">',
    '<h2>Configuration</h2>',
    '<details class="config">',
    `<summary>Resolved config${from}</summary>`,
    `<pre>${escapeHtml(JSON.stringify(results.config ?? {}, null, 2))}</pre>`,
    '</details>',
    '</section>',
  ].join('\n');
}

function collapsedJson(className: string, title: string, what: string, value: unknown): string {
  return [
    `<section class="${className}">`,
    `<details class="config">`,
    `<summary>${escapeHtml(title)} — ${escapeHtml(what)}</summary>`,
    `<pre>${escapeHtml(JSON.stringify(value, null, 2) ?? '')}</pre>`,
    '</details>',
    '</section>',
  ].join('\n');
}

function footer(results: ResultsFile): string {
  return `<footer>Rendered by @cch-lab/report from <a href="results.json">results.json</a>; one row per result in <a href="results.csv">results.csv</a>. Experiment <code>${escapeHtml(results.experiment)}</code>.</footer>`;
}
