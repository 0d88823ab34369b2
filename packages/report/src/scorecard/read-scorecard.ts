/**
 * A results file's `scorecard`, checked before a page trusts it. results.json is read back from
 * disk (possibly written by an older or newer cch-lab), and a scorecard that renders as "NaN of
 * undefined" would be worse than none: a malformed one is dropped with a reason the caller turns
 * into a warning, and the page shows the experiment as not scored.
 */
import type { Scorecard, ScorecardAgreement, ScorecardRegime } from '../contract.js';

/** The scorecard when it has the shape the report reads, else undefined and why (undefined, undefined when absent). */
export function readScorecard(value: unknown): { scorecard?: Scorecard; problem?: string } {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) return { problem: 'scorecard must be an object' };
  for (const key of ['paperClaim', 'verdict'] as const) {
    if (typeof value[key] !== 'string') return { problem: `scorecard.${key} must be a string` };
  }
  const cchProblem = agreementProblem(value.cch);
  if (cchProblem !== undefined) return { problem: `scorecard.cch: ${cchProblem}` };
  // The lists are optional in spirit: an entry that does not read is left out, not fatal.
  const others = Array.isArray(value.others) ? value.others.filter((a) => agreementProblem(a) === undefined) : [];
  const regimes = Array.isArray(value.regimes) ? value.regimes.filter(isRegime) : [];
  const scorecard: Scorecard = {
    paperClaim: value.paperClaim as string,
    verdict: value.verdict as string,
    cch: value.cch as ScorecardAgreement,
    others: others as ScorecardAgreement[],
    regimes,
  };
  const selection = value.teacherSelection;
  if (
    isRecord(selection) &&
    agreementProblem(selection.cch) === undefined &&
    agreementProblem(selection.naive) === undefined &&
    (selection.chance === null || isFiniteNumber(selection.chance))
  ) {
    scorecard.teacherSelection = selection as unknown as NonNullable<Scorecard['teacherSelection']>;
  }
  return { scorecard };
}

/** What is wrong with an agreement, or undefined when it reads. */
function agreementProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'must be an object';
  if (typeof value.label !== 'string') return 'label must be a string';
  for (const key of ['agree', 'decisive', 'inconclusive', 'abstained'] as const) {
    const v = value[key];
    if (!isFiniteNumber(v) || v < 0) return `${key} must be a count`;
  }
  if ((value.agree as number) > (value.decisive as number)) return 'agree exceeds decisive';
  if (value.rate !== null && !isFiniteNumber(value.rate)) return 'rate must be a number or null';
  const interval = value.interval;
  if (!Array.isArray(interval) || interval.length !== 2 || !interval.every(isFiniteNumber)) return 'interval must be two numbers';
  return undefined;
}

function isRegime(value: unknown): value is ScorecardRegime {
  return isRecord(value) && typeof value.factor === 'string' && typeof value.value === 'string' && agreementProblem(value.agreement) === undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
