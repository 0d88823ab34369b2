/**
 * "Where it fails": plain sentences, generated from each scorecard's regimes, naming the
 * conditions under which the CCH agreed least with the observed KD effect — e.g. "synthetic: at
 * n/p = 0.5 the CCH agreed in 2 of 9 decisive settings (22 %, 95 % 6–55 %)". The scorecard already
 * lists its regimes lowest rate first; they are re-sorted here so a hand-edited or older file
 * cannot put a good regime in front.
 */
import type { DataSource, Scorecard, ScorecardRegime } from '../contract.js';
import { agreementPhrase } from '../format/agreement-phrase.js';

/** Regimes named per experiment: enough to see a pattern, few enough to read. */
const REGIMES_PER_EXPERIMENT = 2;

export interface FailureInput {
  name: string;
  sources: readonly DataSource[];
  scorecard?: Scorecard;
}

export interface FailureSentence {
  /** The experiment (its directory name). */
  name: string;
  sources: readonly DataSource[];
  /** Plain text, not yet escaped. */
  text: string;
  /** The rate the sentence reports, for ordering (worst first). */
  rate: number;
}

export interface WhereItFails {
  /** Regimes (or whole experiments without a breakdown) where the CCH disagreed at least once, worst first. */
  failures: FailureSentence[];
  /** Experiments where every decisive setting agreed. */
  noFailure: string[];
  /** Experiments with a scorecard but no decisive setting. */
  notDecisive: string[];
}

export function whereItFails(inputs: readonly FailureInput[]): WhereItFails {
  const out: WhereItFails = { failures: [], noFailure: [], notDecisive: [] };
  for (const e of inputs) {
    const card = e.scorecard;
    if (card === undefined) continue;
    if (card.cch.decisive === 0 || card.cch.rate === null) {
      out.notDecisive.push(e.name);
      continue;
    }
    const weak = card.regimes
      .filter((r): r is ScorecardRegime & { agreement: { rate: number } } => r.agreement.rate !== null && r.agreement.decisive > 0 && r.agreement.rate < 1)
      .sort((a, b) => a.agreement.rate - b.agreement.rate || b.agreement.decisive - a.agreement.decisive)
      .slice(0, REGIMES_PER_EXPERIMENT);
    for (const r of weak) {
      out.failures.push({
        name: e.name,
        sources: e.sources,
        rate: r.agreement.rate,
        text: `${e.name}: at ${r.factor} = ${r.value} the CCH agreed in ${agreementPhrase(r.agreement)}`,
      });
    }
    if (weak.length === 0 && card.cch.rate < 1) {
      // Disagreement without a recorded breakdown: say it overall rather than hide it.
      out.failures.push({
        name: e.name,
        sources: e.sources,
        rate: card.cch.rate,
        text: `${e.name}: overall the CCH agreed in ${agreementPhrase(card.cch)} (no breakdown by regime recorded)`,
      });
    }
    if (card.cch.rate === 1) out.noFailure.push(e.name);
  }
  out.failures.sort((a, b) => a.rate - b.rate || a.name.localeCompare(b.name));
  return out;
}
