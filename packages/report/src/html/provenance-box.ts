/**
 * The environment section near the end of an experiment page: everything needed to know where the
 * numbers came from and to rerun them — data sources, the command, git commit and config hash,
 * profile, seed, backend and why, versions, platform, timing, cache use, workers and the
 * fingerprint of every data file read. Absent fields (older results files) print as "—".
 */
import type { ResultsFile } from '../contract.js';
import { escapeHtml } from '../format/escape-html.js';
import { formatDuration, formatTimestamp } from '../format/format-time.js';
import { MISSING } from '../format/format-value.js';
import { sourceBadges } from '../format/source-badge.js';
import { scrollBox } from './table-block.js';

/** Fingerprint lists longer than this start collapsed. */
const FINGERPRINTS_SHOWN_OPEN = 4;

/** Renders `<section class="provenance-box">` with a definition list of the run's provenance. */
export function renderProvenanceBox(results: ResultsFile): string {
  const v = results.versions ?? ({} as Partial<ResultsFile['versions']>);
  const env = results.environment ?? {};
  const counts = results.cellCounts;
  const rows: [string, string][] = [
    ['Data', sourceBadges(results.sources ?? [])],
    ['Command', env.command === undefined ? MISSING : `<code>${text(env.command)}</code>`],
    ['Git commit', env.gitCommit === undefined ? MISSING : env.gitCommit === null ? '(not a git checkout)' : `<code>${text(env.gitCommit)}</code>`],
    ['Config file', results.configFile === undefined ? '(none: defaults and overrides only)' : `<code>${text(results.configFile)}</code>`],
    ['Config hash', env.configHash === undefined ? MISSING : `<code>${text(env.configHash)}</code>`],
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
    ['Platform', `${text(env.platform)}${env.cores === undefined ? '' : ` · ${text(env.cores)} cores`}`],
    ['Started', escapeHtml(formatTimestamp(results.startedAt))],
    ['Finished', escapeHtml(formatTimestamp(results.finishedAt))],
    ['Run time', escapeHtml(formatDuration(results.seconds))],
    [
      'Cells',
      counts === undefined ? MISSING : `${text(counts.total)} total · ${text(counts.cached)} from cache · ${text(counts.ran)} ran`,
    ],
    ['Workers', results.workers === undefined ? MISSING : text(results.workers)],
    ['Data files', fingerprints(results.dataFingerprints)],
  ];
  const items = rows.map(([k, html]) => `<dt>${k}</dt><dd>${html}</dd>`).join('\n');
  return `<section class="provenance-box" aria-label="provenance">\n<dl>\n${items}\n</dl>\n</section>`;
}

/** Path → sha256 prefix, as a small table; collapsed when there are many (an image folder). */
function fingerprints(prints: ResultsFile['dataFingerprints']): string {
  const entries = typeof prints === 'object' && prints !== null ? Object.entries(prints) : [];
  if (entries.length === 0) return '(none recorded: generated or embedded data only)';
  const table = scrollBox(
    `<table class="summary-table"><thead><tr><th>file</th><th>sha256 (first 16 hex)</th></tr></thead><tbody>${entries
      .map(([file, hash]) => `<tr><td><code>${escapeHtml(file)}</code></td><td><code>${text(hash)}</code></td></tr>`)
      .join('')}</tbody></table>`,
  );
  if (entries.length <= FINGERPRINTS_SHOWN_OPEN) return table;
  return `<details><summary>${entries.length} files</summary>\n${table}\n</details>`;
}

function text(value: unknown): string {
  return value === undefined || value === null ? MISSING : escapeHtml(String(value));
}
