/**
 * `reports/index.html`, the page a researcher reads first: a scorecard (one row per experiment:
 * what the paper claims, what we measured, the verdict), then the CCH's agreement across
 * experiments — side by side, pooled over real data (stand-ins apart), and where it fails.
 */
import { escapeHtml } from '../format/escape-html.js';
import { renderAcrossExperiments } from './across-experiments.js';
import type { RenderedPage } from './experiment-page.js';
import type { IndexEntry } from './index-entry.js';
import { pageShell } from './page-shell.js';
import { renderScorecardTable } from './scorecard-table.js';

export type { IndexEntry } from './index-entry.js';

/** Renders the report index; entries are listed in the order given. Figures that fail are error boxes and warnings. */
export async function renderIndexPage(entries: readonly IndexEntry[]): Promise<RenderedPage> {
  const warnings: string[] = [];
  const simulated = entries.some((e) => (e.sources ?? []).includes('simulated'));
  const unscored = entries.filter((e) => e.scorecard === undefined).length;
  const body = [
    '<header>',
    '<h1>cch-lab reports</h1>',
    '<p class="subtitle">Cross-modal Complementarity Hypothesis — reproduction of arXiv 2510.13182. The CCH says KD from a teacher modality helps a student when I(H<sub>t</sub>; H<sub>s</sub>) &gt; I(H<sub>s</sub>; Y); each row scores that prediction against the observed effect of KD.</p>',
    simulated
      ? '<div class="banner banner-simulated" role="note"><strong>Some experiments ran on simulated stand-in data.</strong> Their numbers show how the method behaves, not the paper’s measurements; see each badge.</div>'
      : '',
    '</header>',
    '<section class="scorecard-section">',
    '<h2>Scorecard</h2>',
    `<p class="caveat">${entries.length} experiment${entries.length === 1 ? '' : 's'}${unscored > 0 ? ` (${unscored} without a scorecard)` : ''}. Agreement: the share of decisive settings (an observed KD effect whose sign is clear) where the criterion predicted that sign, with its 95 % interval; inconclusive settings are counted, not scored.</p>`,
    renderScorecardTable(entries),
    '</section>',
    await renderAcrossExperiments(entries, warnings),
    `<footer>Rendered by @cch-lab/report from each experiment’s results.json (${escapeHtml(String(entries.length))} found); rebuild with <code>cch report</code>.</footer>`,
  ];
  return { html: pageShell('cch-lab reports', body.filter((l) => l !== '').join('\n')), warnings };
}
