import { escapeHtml } from '../format/escape-html.js';
import { pageShell } from './page-shell.js';

/** The page left where a report would be when its results.json cannot be used: says why, and what to do. */
export function unusableResultsPage(reason: string): string {
  return pageShell(
    'unusable results — cch-lab',
    [
      '<header><p class="breadcrumb"><a href="../index.html">← all experiments</a></p><h1>No report: the results file cannot be used</h1></header>',
      `<div class="banner banner-unknown" role="alert">${escapeHtml(reason)}</div>`,
    ].join('\n'),
  );
}
