/**
 * How an agreement reads in prose and in the scorecard cells: "2 of 9 decisive settings (22 %, 95 % 6–55 %)".
 * Whole percents: the intervals over a few dozen settings are tens of points wide, so a decimal
 * would claim a precision the numbers do not have. Plain text out; the caller escapes.
 */
import type { Scorecard, ScorecardAgreement } from '../contract.js';

/** A rate as a whole percent with a thin gap, `22 %`; `—` when not a number. */
export function percentText(rate: number | null | undefined): string {
  return typeof rate === 'number' && Number.isFinite(rate) ? `${Math.round(rate * 100)} %` : '—';
}

/** `22 %, 95 % 6–55 %`: the rate and its interval. */
export function rateWithInterval(a: Pick<ScorecardAgreement, 'rate' | 'interval'>): string {
  return `${percentText(a.rate)}, 95 % ${Math.round(a.interval[0] * 100)}–${percentText(a.interval[1])}`;
}

/**
 * `2 of 9 decisive settings (22 %, 95 % 6–55 %)`, or `no decisive setting` when nothing was
 * decisive. `unit` names what was counted, in the plural (teacher selection counts comparisons).
 */
export function agreementPhrase(a: ScorecardAgreement, unit: string = 'decisive settings'): string {
  if (a.decisive === 0 || a.rate === null) return `no ${unit.replace(/s$/, '')}`;
  return `${a.agree} of ${a.decisive} ${unit} (${rateWithInterval(a)})`;
}

/** `3 inconclusive · 1 abstained`, leaving out zeros; '' when both are zero. */
export function leftOutPhrase(a: ScorecardAgreement): string {
  const parts: string[] = [];
  if (a.inconclusive > 0) parts.push(`${a.inconclusive} inconclusive`);
  if (a.abstained > 0) parts.push(`${a.abstained} abstained`);
  return parts.join(' · ');
}

/**
 * Teacher selection in one line: the CCH's top-1 hits, the naive rule's and chance, e.g.
 * `CCH margin 4 of 6 comparisons (67 %, 95 % 30–90 %) · naive: most accurate teacher 3 of 6 … · chance 33 %`.
 */
export function teacherSelectionPhrase(selection: NonNullable<Scorecard['teacherSelection']>): string {
  const parts = [
    `${selection.cch.label} ${agreementPhrase(selection.cch, 'comparisons')}`,
    `${selection.naive.label} ${agreementPhrase(selection.naive, 'comparisons')}`,
  ];
  if (selection.chance !== null) parts.push(`chance ${percentText(selection.chance)}`);
  return parts.join(' · ');
}
