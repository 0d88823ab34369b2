/**
 * The first thing on an experiment page: what it found. The verdict sentence, the paper's claim,
 * the CCH's agreement beside the other criteria (one small table), teacher selection against the
 * naive rule and chance, and the regimes where the CCH did worst — every number from the
 * experiment's scorecard, labelled with the data it came from.
 */
import type { DataSource, Scorecard, ScorecardAgreement } from '../contract.js';
import { agreementPhrase, leftOutPhrase, percentText, teacherSelectionPhrase } from '../format/agreement-phrase.js';
import { escapeHtml } from '../format/escape-html.js';
import { sourcesLine } from '../format/source-badge.js';
import { scrollBox } from './table-block.js';

/** Regimes listed on the page (the scorecard keeps a few more for the index's sentences). */
const REGIMES_SHOWN = 4;

export function renderScorecardBox(card: Scorecard, sources: readonly DataSource[]): string {
  const parts = [
    '<section class="scorecard-box" aria-label="scorecard">',
    '<h2>Verdict</h2>',
    `<p class="verdict">${escapeHtml(card.verdict)}</p>`,
    `<p class="paper-claim"><strong>The paper claims:</strong> ${escapeHtml(card.paperClaim)}</p>`,
    scrollBox(criteriaTable([card.cch, ...card.others])),
  ];
  if (card.teacherSelection !== undefined) {
    parts.push(`<p class="teacher-selection"><strong>Teacher selection (top-1 hits):</strong> ${escapeHtml(teacherSelectionPhrase(card.teacherSelection))}</p>`);
  }
  const regimes = card.regimes.filter((r) => r.agreement.rate !== null).slice(0, REGIMES_SHOWN);
  if (regimes.length > 0) {
    const items = regimes.map((r) => `<li>at ${escapeHtml(r.factor)} = ${escapeHtml(r.value)}: ${escapeHtml(agreementPhrase(r.agreement))}</li>`);
    parts.push(`<div class="regimes"><strong>Where the CCH agreed least:</strong><ul>${items.join('')}</ul></div>`);
  }
  parts.push(`<div class="table-sources">${sourcesLine(sources)}</div>`, '</section>');
  return parts.join('\n');
}

/** The CCH first (marked), then the others: rate, interval and counts in columns that line up. */
function criteriaTable(rows: readonly ScorecardAgreement[]): string {
  const body = rows.map((a, i) => {
    const scored = a.decisive > 0 && a.rate !== null;
    return [
      `<tr${i === 0 ? ' class="primary"' : ''}>`,
      `<td>${escapeHtml(a.label)}</td>`,
      `<td class="num">${scored ? escapeHtml(percentText(a.rate)) : '—'}</td>`,
      `<td class="nowrap">${scored ? `${Math.round(a.interval[0] * 100)}–${escapeHtml(percentText(a.interval[1]))}` : '—'}</td>`,
      `<td class="num">${a.agree} of ${a.decisive}</td>`,
      `<td>${escapeHtml(leftOutPhrase(a)) || '—'}</td>`,
      '</tr>',
    ].join('');
  });
  return [
    '<table class="data-table criteria-table">',
    '<caption><div class="table-title">Agreement with the observed sign of the KD effect</div><div class="table-caption">Decisive settings only; inconclusive effects and abstentions are left out of the rate. Intervals: 95 %.</div></caption>',
    '<thead><tr><th scope="col">criterion</th><th scope="col" class="num">rate</th><th scope="col">95 % interval</th><th scope="col" class="num">agree of decisive</th><th scope="col">left out</th></tr></thead>',
    `<tbody>\n${body.join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
}
