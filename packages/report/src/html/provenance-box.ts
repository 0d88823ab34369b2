/**
 * The provenance box at the top of an experiment page: everything needed to know where the
 * numbers came from and to rerun them (profile, seed, backend and why, versions, data sources,
 * config file, timing, cache use).
 */
import type { ResultsFile } from '../contract.js';
import { escapeHtml } from '../format/escape-html.js';
import { formatDuration, formatTimestamp } from '../format/format-time.js';
import { MISSING } from '../format/format-value.js';
import { sourceBadges } from '../format/source-badge.js';

/** Renders `<section class="provenance-box">` with a definition list of the run's provenance. */
export function renderProvenanceBox(results: ResultsFile): string {
  const v = results.versions ?? ({} as Partial<ResultsFile['versions']>);
  const counts = results.cellCounts;
  const rows: [string, string][] = [
    ['Data', sourceBadges(results.sources ?? [])],
    ['Profile', `<code>${text(results.profile)}</code>`],
    ['Seed', `<code>${text(results.seed)}</code>`],
    [
      'Backend',
      results.backend === undefined ? MISSING : `<code>${text(results.backend.name)}</code> — ${text(results.backend.reason)}`,
    ],
    [
      'Versions',
      `cch-lab ${text(v.cchLab)} · experiment v${text(v.experiment)} · Node ${text(v.node)} · tfjs ${text(v.tfjs)}`,
    ],
    ['Config file', results.configFile === undefined ? '(none: defaults and overrides only)' : `<code>${text(results.configFile)}</code>`],
    ['Run time', escapeHtml(formatDuration(results.seconds))],
    [
      'Cells',
      counts === undefined ? MISSING : `${text(counts.total)} total · ${text(counts.cached)} from cache · ${text(counts.ran)} ran`,
    ],
    ['Started', escapeHtml(formatTimestamp(results.startedAt))],
    ['Finished', escapeHtml(formatTimestamp(results.finishedAt))],
  ];
  const items = rows.map(([k, html]) => `<dt>${k}</dt><dd>${html}</dd>`).join('\n');
  return `<section class="provenance-box" aria-label="provenance">\n<dl>\n${items}\n</dl>\n</section>`;
}

function text(value: unknown): string {
  return value === undefined || value === null ? MISSING : escapeHtml(String(value));
}
