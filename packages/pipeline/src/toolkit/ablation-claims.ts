/**
 * The paper's ablation claims, scored against our numbers wherever a run varies the factor:
 * "the same conclusions for every T", "smaller λ agrees better", and "the estimators agree on the
 * ranking, not on the values". Each claim gets our reading in words and a verdict — `holds`,
 * `does not hold` or `not testable here` — from the numbers, never assumed.
 */
import type { Row, TableSpec } from '../types.js';
import type { DataSource } from '@cch-lab/data';
import type { SettingSummary } from './aggregate-settings.js';
import { agreementBy } from './agreement-by.js';
import type { DistillationNumbers } from './distillation-summary.js';
import { sourceSentence } from './sources.js';
import { spearman } from './teacher-selection.js';

export const CLAIM_VERDICTS = ['holds', 'does not hold', 'not testable here'] as const;
export type ClaimVerdict = (typeof CLAIM_VERDICTS)[number];

export interface AblationClaim {
  factor: 'T' | 'λ' | 'estimators';
  claim: string;
  ours: string;
  verdict: ClaimVerdict;
}

/** Spearman ρ at or above which two estimators are read as agreeing on the ranking of margins. */
export const RANK_AGREEMENT = 0.7;

const pct = (v: number | null) => (v === null ? 'n/a' : `${Math.round(v * 100)} %`);

export function ablationClaims(n: DistillationNumbers): AblationClaim[] {
  const single = n.settings.filter((s) => !String(s.key.student).includes('+') && !String(s.key.teacher).includes('+'));
  return [temperatureClaim(single), lambdaClaim(single, n), estimatorClaim(single, n)];
}

/** Settings that differ only in the factor, grouped: every key but the factor's. */
function siblings(settings: readonly SettingSummary[], factor: string): SettingSummary[][] {
  const groups = new Map<string, SettingSummary[]>();
  for (const s of settings) {
    const { [factor]: _omit, ...rest } = s.key;
    const id = JSON.stringify(rest);
    groups.set(id, [...(groups.get(id) ?? []), s]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

function temperatureClaim(settings: readonly SettingSummary[]): AblationClaim {
  const claim = 'the same conclusions for every temperature T';
  const temps = new Set(settings.map((s) => s.key.temperature));
  if (temps.size < 2) return { factor: 'T', claim, ours: `one T (${[...temps].join(', ') || '—'}) in this run`, verdict: 'not testable here' };
  // The margin does not depend on T (it reads the two models only), so the conclusion can only
  // change through the observed effect: count sibling groups whose decisive signs disagree.
  const groups = siblings(settings, 'temperature');
  const decided = groups.filter((g) => g.some((s) => s.observed !== 'inconclusive'));
  const split = decided.filter((g) => g.some((s) => s.observed === 'kd-helps') && g.some((s) => s.observed === 'kd-hurts'));
  const mixed = decided.filter((g) => g.some((s) => s.observed === 'inconclusive')).length;
  if (decided.length === 0) return { factor: 'T', claim, ours: `no decisive KD effect at any of T = ${[...temps].join(', ')}`, verdict: 'not testable here' };
  return {
    factor: 'T',
    claim,
    ours: `of ${decided.length} settings with a decisive effect at some T, ${split.length} change sign between temperatures (${mixed} are decisive at some T and inconclusive at others)`,
    verdict: split.length === 0 ? 'holds' : 'does not hold',
  };
}

function lambdaClaim(settings: readonly SettingSummary[], n: DistillationNumbers): AblationClaim {
  const claim = 'smaller λ agrees better with the CCH';
  const key = n.criteria[0].key;
  const groups = agreementBy(settings, (s) => s.key.lambda, [key]).filter((g) => g.agreement[key].total > 0);
  if (groups.length < 2) return { factor: 'λ', claim, ours: `fewer than two λ values with a decisive setting`, verdict: 'not testable here' };
  const [low, high] = [groups[0], groups[groups.length - 1]];
  const a = low.agreement[key];
  const b = high.agreement[key];
  const ours = groups.map((g) => `λ = ${String(g.value)}: ${g.agreement[key].agree}/${g.agreement[key].total} (${pct(g.agreement[key].rate)})`).join(', ');
  // "Holds" needs the smallest λ's rate above the largest's with intervals that do not overlap.
  const separated = a.interval[0] > b.interval[1];
  const reversed = b.interval[0] > a.interval[1];
  return {
    factor: 'λ',
    claim,
    ours: `${ours}${separated || reversed ? '' : '; the intervals of the smallest and largest λ overlap'}`,
    verdict: separated ? 'holds' : reversed ? 'does not hold' : 'not testable here',
  };
}

function estimatorClaim(settings: readonly SettingSummary[], n: DistillationNumbers): AblationClaim {
  const claim = 'the estimators agree on the ranking of margins, not on their values';
  if (n.estimators.length < 2) return { factor: 'estimators', claim, ours: `one estimator (${n.estimators.join(', ')}) in this run`, verdict: 'not testable here' };
  // One margin per (pair, group): the margin does not depend on λ or T.
  const byPair = new Map<string, SettingSummary>();
  for (const s of settings) byPair.set(JSON.stringify([s.key.teacher, s.key.student, ...Object.entries(s.key).filter(([k]) => !['teacher', 'student', 'lambda', 'temperature'].includes(k))]), s);
  const pairs = [...byPair.values()];
  const [first, ...rest] = n.estimators;
  const readings = rest.map((e) => {
    const both = pairs.map((s) => [s.margins[first]?.mean, s.margins[e]?.mean]).filter((p): p is [number, number] => p.every((v) => v !== undefined && Number.isFinite(v)));
    const rho = both.length >= 3 ? spearman(both.map((p) => p[0]), both.map((p) => p[1])) : null;
    const gap = both.length > 0 ? both.reduce((s, [x, y]) => s + Math.abs(x - y), 0) / both.length : null;
    return { e, rho, gap, count: both.length };
  });
  const testable = readings.filter((r) => r.rho !== null);
  if (testable.length === 0) return { factor: 'estimators', claim, ours: 'fewer than three pairs with finite margins from both estimators', verdict: 'not testable here' };
  const ours = testable.map((r) => `${first} vs ${r.e}: Spearman ρ = ${(r.rho as number).toFixed(2)} over ${r.count} pairs, mean |Δ margin| = ${(r.gap as number).toFixed(3)} nats`).join('; ');
  return { factor: 'estimators', claim, ours: `${ours} (ρ ≥ ${RANK_AGREEMENT} read as agreeing on the ranking)`, verdict: testable.every((r) => (r.rho as number) >= RANK_AGREEMENT) ? 'holds' : 'does not hold' };
}

export function ablationClaimsTable(claims: readonly AblationClaim[], sources: DataSource[]): TableSpec {
  const rows: Row[] = claims.map((c) => ({ factor: c.factor, claim: c.claim, ours: c.ours, verdict: c.verdict }));
  return {
    id: 'ablation-claims',
    title: 'The paper’s ablation claims against ours',
    caption: `Scored only where this run varies the factor; “not testable here” otherwise. ${sourceSentence(sources)}`,
    sources,
    columns: [
      { key: 'factor', label: 'factor', format: 'text' },
      { key: 'claim', label: 'the paper’s claim', format: 'text' },
      { key: 'ours', label: 'ours', format: 'text' },
      { key: 'verdict', label: 'verdict', format: 'text' },
    ],
    rows,
  };
}
