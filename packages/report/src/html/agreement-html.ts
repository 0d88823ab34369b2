/**
 * An agreement as a scorecard cell: the rate large enough to scan down a column, its interval
 * beside it, and the counts underneath (the rate alone hides whether it is 1 of 1 or 40 of 40).
 */
import type { ScorecardAgreement } from '../contract.js';
import { leftOutPhrase, percentText } from '../format/agreement-phrase.js';
import { escapeHtml } from '../format/escape-html.js';

/** `unit` names what the counts count: `decisive` settings, or teacher-selection `comparisons`. */
export function agreementHtml(a: ScorecardAgreement, unit: 'decisive' | 'comparisons' = 'decisive'): string {
  const left = leftOutPhrase(a);
  const leftHtml = left === '' ? '' : ` · ${escapeHtml(left)}`;
  if (a.decisive === 0 || a.rate === null) {
    return `<span class="rate rate-none">not scored</span><br><span class="counts">${unit === 'decisive' ? 'no decisive setting' : 'no comparison'}${leftHtml}</span>`;
  }
  const interval = `95 % ${Math.round(a.interval[0] * 100)}–${percentText(a.interval[1])}`;
  return (
    `<span class="rate">${percentText(a.rate)}</span> <span class="interval">(${escapeHtml(interval)})</span>` +
    `<br><span class="counts">${a.agree} of ${a.decisive} ${unit}${leftHtml}</span>`
  );
}
