/**
 * The index's scorecard: one row per experiment — which experiment and config, on what data, what
 * the paper claims, what we measured (the CCH's agreement, the other criteria, teacher
 * selection) — and under it, across the row, the verdict sentence. An experiment without a
 * scorecard still gets its row, saying what is known.
 */
import { agreementPhrase, percentText } from '../format/agreement-phrase.js';
import { escapeHtml } from '../format/escape-html.js';
import { formatTimestamp } from '../format/format-time.js';
import { sourceBadges } from '../format/source-badge.js';
import { agreementHtml } from './agreement-html.js';
import type { IndexEntry } from './index-entry.js';
import { scrollBox } from './table-block.js';

const COLUMNS = ['Experiment', 'The paper claims', 'CCH agreement', 'Other criteria', 'Teacher selection (top-1)'] as const;

export function renderScorecardTable(entries: readonly IndexEntry[]): string {
  // One <tbody> per experiment keeps its verdict row with it (and the zebra rule per experiment).
  const bodies = entries.map((e) => `<tbody class="experiment">\n${measuredRow(e)}\n${verdictRow(e)}\n</tbody>`);
  if (bodies.length === 0) {
    bodies.push(`<tbody><tr><td class="empty" colspan="${COLUMNS.length}">no experiment results yet — run <code>cch reproduce</code></td></tr></tbody>`);
  }
  return scrollBox(
    [
      '<table class="index-table scorecard">',
      `<thead><tr>${COLUMNS.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead>`,
      bodies.join('\n'),
      '</table>',
    ].join('\n'),
  );
}

function measuredRow(e: IndexEntry): string {
  const card = e.scorecard;
  const named = e.dir === e.experiment ? `<code>${escapeHtml(e.dir)}</code>` : `<code>${escapeHtml(e.dir)}</code> · experiment <code>${escapeHtml(e.experiment)}</code>`;
  // The file name only (the stored path is absolute, and the page's environment has it in full).
  const config = e.configFile ? `<br><span class="counts">config <code title="${escapeHtml(e.configFile)}">${escapeHtml(e.configFile.replace(/^.*[\\/]/, ''))}</code></span>` : '';
  const experiment = [
    `<a href="${escapeHtml(e.href)}">${escapeHtml(e.title)}</a>`,
    `<br>${named}${config}`,
    `<br>${sourceBadges(e.sources ?? [])} <span class="counts">profile <code>${escapeHtml(String(e.profile))}</code> · ${escapeHtml(formatTimestamp(e.finishedAt))}</span>`,
  ].join('');
  if (card === undefined) {
    return `<tr><th scope="row" class="experiment-cell">${experiment}</th><td colspan="4" class="empty">not scored — this results file carries no scorecard (an experiment that scores no criterion, or results from before scorecards); see its page for the tables and figures</td></tr>`;
  }
  const others = card.others.length === 0 ? '—' : `<ul class="criteria">${card.others.map((a) => `<li>${escapeHtml(a.label)}: ${agreementHtml(a)}</li>`).join('')}</ul>`;
  const selection = card.teacherSelection;
  const selectionHtml =
    selection === undefined
      ? '—'
      : [
          `${escapeHtml(selection.cch.label)}: ${agreementHtml(selection.cch, 'comparisons')}`,
          `<br>${escapeHtml(selection.naive.label)}: <span class="counts">${escapeHtml(agreementPhrase(selection.naive, 'comparisons'))}</span>`,
          selection.chance === null ? '' : `<br><span class="counts">chance ${escapeHtml(percentText(selection.chance))}</span>`,
        ].join('');
  return [
    '<tr>',
    `<th scope="row" class="experiment-cell">${experiment}</th>`,
    `<td class="claim">${escapeHtml(card.paperClaim)}</td>`,
    `<td>${escapeHtml(card.cch.label)}: ${agreementHtml(card.cch)}</td>`,
    `<td>${others}</td>`,
    `<td>${selectionHtml}</td>`,
    '</tr>',
  ].join('');
}

function verdictRow(e: IndexEntry): string {
  const text = e.scorecard?.verdict ?? e.summaryLine;
  if (text === undefined || text === '') return '';
  const label = e.scorecard === undefined ? 'What it does' : 'Verdict';
  return `<tr class="verdict-row"><td colspan="${COLUMNS.length}"><strong>${label}:</strong> ${escapeHtml(text)}</td></tr>`;
}
