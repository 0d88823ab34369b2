/**
 * An experiment's scorecard (the index's one row): the paper's claim, the CCH's agreement with the
 * observed KD sign and the other criteria's, teacher selection beside the naive rule and chance,
 * the regimes where the CCH does worst, and a verdict sentence — every word from the numbers.
 */
import type { Scorecard, ScorecardAgreement, ScorecardRegime, Scalar } from '../types.js';
import type { AgreementGroup } from './agreement-by.js';
import type { ClusteredAgreement } from './score-criteria.js';
import type { TeacherSelectionScore } from './teacher-selection.js';

export interface ScorecardInput {
  paperClaim: string;
  /** Criteria in display order; the first is the CCH's primary reading. */
  criteria: readonly { key: string; label: string }[];
  agreement: Readonly<Record<string, ClusteredAgreement>>;
  selection?: TeacherSelectionScore;
  /** Breakdowns of the agreement (by n/p, λ, cohort, σ, …); the scorecard keeps the primary criterion's. */
  breakdowns?: readonly { factor: string; groups: readonly AgreementGroup<string>[] }[];
}

/** How many regimes a scorecard lists (lowest rates first). */
const REGIMES_SHOWN = 6;

export function scorecardAgreement(label: string, a: ClusteredAgreement): ScorecardAgreement {
  return { label, agree: a.agree, decisive: a.total, inconclusive: a.inconclusive, abstained: a.abstained, rate: a.rate, interval: [a.interval[0], a.interval[1]] };
}

export function buildScorecard(input: ScorecardInput): Scorecard {
  const [primary, ...rest] = input.criteria;
  const cch = scorecardAgreement(primary.label, input.agreement[primary.key]);
  const others = rest.filter((c) => input.agreement[c.key] !== undefined).map((c) => scorecardAgreement(c.label, input.agreement[c.key]));
  const regimes: ScorecardRegime[] = (input.breakdowns ?? [])
    .flatMap((b) => (b.groups.length < 2 ? [] : b.groups.map((g) => ({ factor: b.factor, value: printValue(g.value), agreement: scorecardAgreement(primary.label, g.agreement[primary.key]) }))))
    .filter((r) => r.agreement.decisive > 0)
    .sort((a, b) => (a.agreement.rate as number) - (b.agreement.rate as number) || b.agreement.decisive - a.agreement.decisive)
    .slice(0, REGIMES_SHOWN);
  const card: Scorecard = { paperClaim: input.paperClaim, cch, others, regimes, verdict: '' };
  if (input.selection !== undefined && input.selection.groups.length > 0) {
    card.teacherSelection = {
      cch: scorecardAgreement('CCH margin', input.selection.cch),
      naive: scorecardAgreement('naive: most accurate teacher (validation)', input.selection.naive),
      chance: input.selection.chance,
    };
  }
  card.verdict = verdictSentence(card);
  return card;
}

const pct = (v: number) => `${Math.round(v * 100)} %`;

/** "a of d (r %, 95 % l–h %)" */
export function agreementPhrase(a: ScorecardAgreement): string {
  return `${a.agree} of ${a.decisive} (${pct(a.rate as number)}, 95 % ${Math.round(a.interval[0] * 100)}–${pct(a.interval[1])})`;
}

/** One sentence: the CCH's agreement against a coin flip and against the paper's "agrees on all", and teacher selection. */
export function verdictSentence(card: Scorecard): string {
  const a = card.cch;
  if (a.decisive === 0) {
    return `Not scored: no setting’s KD effect was decisive (${a.inconclusive} inconclusive${a.abstained > 0 ? `, the criterion abstained on ${a.abstained}` : ''}), so the ${a.label} agreement cannot be measured here; more repeats or larger data would narrow the intervals.`;
  }
  const coin = a.interval[0] > 0.5 ? 'better than a coin flip' : a.interval[1] < 0.5 ? 'worse than a coin flip' : 'not distinguishable from a coin flip at this many independent draws';
  const paper = a.agree === a.decisive ? 'in line with the paper’s claim that it agrees everywhere' : 'short of the paper’s claim that it agrees everywhere';
  const parts = [`The ${a.label} predicted the observed KD sign in ${agreementPhrase(a)} decisive settings — ${coin}, ${paper}`];
  if (a.inconclusive > 0) parts.push(`${a.inconclusive} settings were inconclusive`);
  const s = card.teacherSelection;
  if (s !== undefined && s.cch.decisive > 0) {
    parts.push(`as a teacher picker it hit ${s.cch.agree} of ${s.cch.decisive}, the naive rule ${s.naive.agree} of ${s.naive.decisive}${s.chance !== null ? `, chance ${pct(s.chance)}` : ''}`);
  }
  return `${parts.join('; ')}.`;
}

function printValue(v: Scalar): string {
  return typeof v === 'number' ? String(Number(v.toPrecision(4))) : String(v);
}
