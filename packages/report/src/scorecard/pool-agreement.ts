/**
 * The CCH's agreement pooled over experiments, one pool per source class: agree and decisive
 * summed, a Wilson interval on the sums. Pooling treats every decisive setting of every experiment
 * as an independent draw — they are not quite (experiments share data sets and estimators), so the
 * pooled interval is narrower than the truth; the index says so beside it.
 */
import type { DataSource, Scorecard } from '../contract.js';
import { wilsonInterval } from '../stats/wilson-interval.js';
import { SOURCE_CLASSES, sourceClass, type SourceClass } from './source-class.js';

/** What pooling reads from an experiment. */
export interface PoolInput {
  /** How the experiment is named on the index (its directory). */
  name: string;
  sources: readonly DataSource[];
  scorecard?: Scorecard;
}

export interface PooledAgreement {
  sourceClass: SourceClass;
  /** The experiments pooled (those with a scorecard and at least one decisive setting). */
  experiments: string[];
  agree: number;
  decisive: number;
  inconclusive: number;
  /** agree / decisive. */
  rate: number;
  interval: [number, number];
}

/** One pool per source class that has a decisive setting, in the order real, embedded, simulated, unknown. */
export function poolAgreement(inputs: readonly PoolInput[]): PooledAgreement[] {
  const pools: PooledAgreement[] = [];
  for (const cls of SOURCE_CLASSES) {
    const members = inputs.filter((e) => e.scorecard !== undefined && e.scorecard.cch.decisive > 0 && sourceClass(e.sources) === cls);
    if (members.length === 0) continue;
    let agree = 0;
    let decisive = 0;
    let inconclusive = 0;
    for (const m of members) {
      const a = (m.scorecard as Scorecard).cch;
      agree += a.agree;
      decisive += a.decisive;
      inconclusive += a.inconclusive;
    }
    pools.push({ sourceClass: cls, experiments: members.map((m) => m.name), agree, decisive, inconclusive, rate: agree / decisive, interval: wilsonInterval(agree, decisive) });
  }
  return pools;
}
