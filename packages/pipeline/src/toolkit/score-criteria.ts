/**
 * Scoring criteria against the observed KD effect: per criterion, the agreement rate over the
 * decisive settings with an interval that respects shared draws. Settings that share a data draw
 * or a model (the λ values of one pair; the pairs of one cohort, which share its splits and
 * models) are not independent trials, so the interval is a Wilson interval at an *effective*
 * number of trials n_eff from the rate's cluster-robust variance over the independent draws
 * (clusters): v = C/(C−1) · Σ_c (a_c − p̃·t_c)² / T², with the rate shrunk to
 * p̃ = (agree + ½)/(total + 1) so that v stays positive when every setting agrees (or none), and
 * n_eff = p̃(1 − p̃)/v, kept within [1, T]. One cluster is one trial. With one setting per
 * cluster, n_eff ≈ T and the interval is close to the plain Wilson one.
 */
import type { KdOutcome, KdPrediction } from '../experiments/shared/agreement.js';
import { Z_95, wilsonIntervalAt } from '../experiments/shared/wilson-interval.js';

/** One setting as a criterion sees it. */
export interface ScoredSetting {
  /** null: the criterion made no prediction here (e.g. its interval contains 0). */
  prediction: KdPrediction | null;
  observed: KdOutcome;
  /** Settings with the same cluster share draws (data, teacher). Default: each its own. */
  cluster?: string;
}

export interface ClusteredAgreement {
  /** agree / total; null when no setting was decisive with a prediction. */
  rate: number | null;
  agree: number;
  /** Decisive settings with a prediction. */
  total: number;
  /** Settings whose observed effect was inconclusive (left out). */
  inconclusive: number;
  /** Decisive settings where the criterion made no prediction (left out). */
  abstained: number;
  /** Independent draws among the scored settings. */
  clusters: number;
  /** The effective number of trials behind the interval. */
  effective_n: number;
  /** 95 % interval of the rate ([0, 1] when total is 0). */
  interval: [number, number];
  interval_method: string;
}

export const AGREEMENT_INTERVAL_METHOD = 'Wilson 95 % at the effective n from the cluster-robust variance over independent draws (rate shrunk by ½ a trial; one draw = one trial)';

/** The agreement of one criterion's predictions with decisive observations. */
export function clusteredAgreement(settings: readonly ScoredSetting[]): ClusteredAgreement {
  let inconclusive = 0;
  let abstained = 0;
  const byCluster = new Map<string, { agree: number; total: number }>();
  for (const [i, s] of settings.entries()) {
    if (s.observed === 'inconclusive') {
      inconclusive++;
      continue;
    }
    if (s.prediction === null) {
      abstained++;
      continue;
    }
    const key = s.cluster ?? `#${i}`;
    const c = byCluster.get(key) ?? { agree: 0, total: 0 };
    c.total++;
    if (s.prediction === s.observed) c.agree++;
    byCluster.set(key, c);
  }
  const clusters = [...byCluster.values()];
  const total = clusters.reduce((a, c) => a + c.total, 0);
  const agree = clusters.reduce((a, c) => a + c.agree, 0);
  const base = { agree, total, inconclusive, abstained, clusters: clusters.length, interval_method: AGREEMENT_INTERVAL_METHOD };
  if (total === 0) return { ...base, rate: null, effective_n: 0, interval: [0, 1] };
  const p = agree / total;
  const C = clusters.length;
  let nEff = 1;
  if (C > 1) {
    const shrunk = (agree + 0.5) / (total + 1);
    let v = 0;
    for (const c of clusters) v += (c.agree - shrunk * c.total) ** 2;
    v = (C / (C - 1)) * (v / (total * total));
    nEff = Math.min(total, Math.max(1, (shrunk * (1 - shrunk)) / v));
  }
  return { ...base, rate: p, effective_n: nEff, interval: wilsonIntervalAt(p, nEff, Z_95) };
}

/** Every criterion's agreement, by criterion key (the keys the caller lists, in its order). */
export function scoreCriteria<K extends string>(
  settings: readonly { observed: KdOutcome; cluster?: string; predictions: Readonly<Partial<Record<K, KdPrediction | null>>> }[],
  keys: readonly K[],
): Record<K, ClusteredAgreement> {
  const out = {} as Record<K, ClusteredAgreement>;
  for (const key of keys) {
    out[key] = clusteredAgreement(settings.map((s) => ({ prediction: s.predictions[key] ?? null, observed: s.observed, cluster: s.cluster })));
  }
  return out;
}
