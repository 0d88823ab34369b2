/** `reports/index.html`: one line per experiment, linking its page, with its data sources and when it ran. */
import type { DataSource } from '../contract.js';
import { escapeHtml } from '../format/escape-html.js';
import { formatTimestamp } from '../format/format-time.js';
import { sourceBadges } from '../format/source-badge.js';
import { pageShell } from './page-shell.js';

export interface IndexEntry {
  /** The registered experiment name. */
  experiment: string;
  title: string;
  /** Link to the experiment's page, relative to the index (e.g. `fig3-gaussian/index.html`). */
  href: string;
  profile: string;
  sources: DataSource[];
  /** ISO timestamp of the end of the run. */
  finishedAt: string;
  /** One short line under the title. Default: nothing. */
  summaryLine?: string;
}

/** Renders the report index; entries are listed in the order given. */
export function renderIndexPage(entries: readonly IndexEntry[]): string {
  const rows = entries.map((e) => {
    const summary = e.summaryLine ? `<div class="table-caption">${escapeHtml(e.summaryLine)}</div>` : '';
    return [
      '<tr>',
      `<td><a href="${escapeHtml(e.href)}">${escapeHtml(e.title)}</a><br><code>${escapeHtml(e.experiment)}</code>${summary}</td>`,
      `<td><code>${escapeHtml(String(e.profile))}</code></td>`,
      `<td>${sourceBadges(e.sources ?? [])}</td>`,
      `<td class="nowrap">${escapeHtml(formatTimestamp(e.finishedAt))}</td>`,
      '</tr>',
    ].join('');
  });
  if (rows.length === 0) rows.push('<tr><td class="empty" colspan="4">no experiment results yet — run <code>cch reproduce</code></td></tr>');
  const simulated = entries.some((e) => (e.sources ?? []).includes('simulated'));
  const body = [
    '<header>',
    '<h1>cch-lab reports</h1>',
    '<p class="subtitle">Cross-modal Complementarity Hypothesis — reproduction of arXiv 2510.13182</p>',
    simulated
      ? '<div class="banner banner-simulated" role="note"><strong>Some experiments ran on simulated stand-in data.</strong> Their numbers show how the method behaves, not the paper’s measurements; see each badge.</div>'
      : '',
    '</header>',
    '<table class="index-table">',
    '<thead><tr><th>Experiment</th><th>Profile</th><th>Data</th><th>Finished</th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
    '<footer>Rendered by @cch-lab/report from each experiment’s results.json.</footer>',
  ];
  return pageShell('cch-lab reports', body.filter((l) => l !== '').join('\n'));
}
