/**
 * The paper's ablation claims ("the same conclusions for every T", "smaller λ agrees better",
 * "estimators agree on the ranking, not the values") as each experiment scored them, side by side:
 * only the claims a run could test, with our reading and the verdict, and a count per claim.
 */
import { escapeHtml } from '../format/escape-html.js';
import { sourceBadges } from '../format/source-badge.js';
import type { IndexEntry } from './index-entry.js';
import { scrollBox } from './table-block.js';

export interface AblationClaimEntry {
  factor: string;
  claim: string;
  ours: string;
  verdict: string;
}

const VERDICTS = new Set(['holds', 'does not hold', 'not testable here']);

/** The claims stored in a results summary (`summary.ablation_claims`), when they have the expected shape. */
export function readAblationClaims(value: unknown): AblationClaimEntry[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (c): c is AblationClaimEntry =>
      typeof c === 'object' && c !== null && ['factor', 'claim', 'ours', 'verdict'].every((k) => typeof (c as Record<string, unknown>)[k] === 'string') && VERDICTS.has((c as AblationClaimEntry).verdict),
  );
}

export function renderAblationClaims(entries: readonly IndexEntry[]): string {
  const rows = entries.flatMap((e) => (e.ablationClaims ?? []).filter((c) => c.verdict !== 'not testable here').map((c) => ({ dir: e.dir, sources: e.sources ?? [], ...c })));
  if (rows.length === 0) return '';
  const claims = [...new Set(rows.map((r) => r.claim))];
  const counts = claims.map((claim) => {
    const of = rows.filter((r) => r.claim === claim);
    const holds = of.filter((r) => r.verdict === 'holds').length;
    return `<li>“${escapeHtml(claim)}”: holds in ${holds} of ${of.length} experiment${of.length === 1 ? '' : 's'} that could test it.</li>`;
  });
  const body = rows
    .map((r) => `<tr><td>${escapeHtml(r.dir)}</td><td>${sourceBadges(r.sources)}</td><td>${escapeHtml(r.factor)}</td><td>${escapeHtml(r.claim)}</td><td>${escapeHtml(r.ours)}</td><td>${escapeHtml(r.verdict)}</td></tr>`)
    .join('\n');
  const table = `<table class="data-table"><thead><tr><th>experiment</th><th>data</th><th>factor</th><th>the paper’s claim</th><th>ours</th><th>verdict</th></tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
  return ['<h3>The paper’s ablation claims, experiment by experiment</h3>', `<ul>${counts.join('')}</ul>`, scrollBox(table)].join('\n');
}
