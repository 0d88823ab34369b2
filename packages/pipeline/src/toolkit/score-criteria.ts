/**
 * Scoring criteria against the observed KD effect: per criterion, the agreement rate over the
 * decisive settings with an interval that respects shared draws. Settings that share a data draw
 * and a teacher (the λ values of one draw, the pairs of one cohort's draw) are not independent
 * trials, so the interval is a Wilson interval at an *effective* number of trials: with at least
 * MIN_CLUSTERS_FOR_VARIANCE independent draws, the rate's cluster-robust variance (the linearised
 * ratio estimator, v = C/(C−1) · Σ_c (a_c − p̂·t_c)² / T²) gives n_eff = p̂(1 − p̂)/v, kept between
 * the number of draws C and the decisive total T. With fewer draws — or when every setting agrees
 * (or none), so v is 0 — the design effect cannot be estimated and each draw counts as one trial
 * (n_eff = C: the conservative bound, and monotone in the agreement count). With one setting per
 * draw it is the plain Wilson interval.
 */
import type { KdOutcome, KdPrediction } from '../experiments/shared/agreement.js';
import { Z_95 } from '../experiments/shared/wilson-interval.js';

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

export const AGREEMENT_INTERVAL_METHOD = 'Wilson 95 % at the effective n of independent draws (cluster-robust variance from 10 draws on; below that, one trial per draw)';

/** Fewer draws than this give no usable estimate of the between-draw variance. */
export const MIN_CLUSTERS_FOR_VARIANCE = 10;

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
  let v = 0;
  if (C >= MIN_CLUSTERS_FOR_VARIANCE) {
    for (const c of clusters) v += (c.agree - p * c.total) ** 2;
    v = (C / (C - 1)) * (v / (total * total));
  }
  const nEff = v > 0 ? Math.min(total, Math.max(C, (p * (1 - p)) / v)) : C;
  return { ...base, rate: p, effective_n: nEff, interval: wilsonAt(p, nEff, Z_95) };
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

/** The Wilson interval for a rate p over n (possibly fractional) trials. */
function wilsonAt(p: number, n: number, z: number): [number, number] {
  if (n <= 0) return [0, 1];
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
