/**
 * How a criterion's prediction is scored against the observed KD effect. The observed effect is
 * decisive only when the interval of the mean gain over repeats excludes zero; agreement rates
 * count decisive settings only, and the inconclusive ones are reported beside them.
 */
import { CRITERION_VERDICTS, type CriterionVerdict } from '@cch-lab/estimators';
import type { Row } from '../../types.js';
import type { MeanInterval } from './mean-interval.js';
import { Z_95, wilsonInterval } from './wilson-interval.js';

/** What was observed over repeats: a decisive sign, or an interval that contains zero — the criterion's verdicts, one list. */
export const KD_OUTCOMES = CRITERION_VERDICTS;
export type KdOutcome = CriterionVerdict;
/** What a criterion predicts. */
export type KdPrediction = Exclude<KdOutcome, 'inconclusive'>;

/** `kd-helps` when the criterion's number (a margin, a predicted gain) is > 0, else `kd-hurts`. */
export function predictionFromSign(value: number): KdPrediction {
  return value > 0 ? 'kd-helps' : 'kd-hurts';
}

/** `kd-helps` when the whole interval of the mean gain is above 0, `kd-hurts` when below, else inconclusive. */
export function observedOutcome(gain: Pick<MeanInterval, 'low' | 'high'>): KdOutcome {
  if (gain.low > 0) return 'kd-helps';
  if (gain.high < 0) return 'kd-hurts';
  return 'inconclusive';
}

/** An agreement rate with its Wilson 95 % interval. */
export interface Agreement {
  /** agree / total; null when no setting was decisive. */
  rate: number | null;
  /** Decisive settings where the prediction matched the observed sign. */
  agree: number;
  /** Decisive settings (observed sign not inconclusive) with a prediction. */
  total: number;
  /** Settings left out because the observed sign was inconclusive. */
  inconclusive: number;
  /** Wilson 95 % interval of the rate ([0, 1] when total is 0). */
  interval: [number, number];
}

/** One setting as a criterion sees it. */
export interface Scored {
  prediction: KdPrediction | null;
  observed: KdOutcome;
}

/** The agreement of predictions with decisive observations. A null prediction is left out. */
export function agreement(scored: readonly Scored[]): Agreement {
  let agree = 0;
  let total = 0;
  let inconclusive = 0;
  for (const s of scored) {
    if (s.prediction === null) continue;
    if (s.observed === 'inconclusive') {
      inconclusive++;
      continue;
    }
    total++;
    if (s.prediction === s.observed) agree++;
  }
  return { rate: total > 0 ? agree / total : null, agree, total, inconclusive, interval: wilsonInterval(agree, total, Z_95) };
}

/** A named criterion: which row field holds its prediction. */
export interface Criterion {
  /** Short key used as a column prefix, e.g. 'cch', 'exact'. */
  key: string;
  /** Human label for figures. */
  label: string;
  /** The row field with the prediction (`kd-helps` / `kd-hurts`). */
  field: string;
}

/** The outcome stored in a row, or null when the row has none. */
function predictionAt(row: Row, field: string): KdPrediction | null {
  const v = row[field];
  return v === 'kd-helps' || v === 'kd-hurts' ? v : null;
}

/** The agreement of one criterion over rows whose observed outcome is in `observedField`. */
export function agreementOf(rows: readonly Row[], criterion: Criterion, observedField = 'observed'): Agreement {
  return agreement(rows.map((r) => ({ prediction: predictionAt(r, criterion.field), observed: r[observedField] as KdOutcome })));
}

/**
 * Agreement of every criterion within each group of rows sharing `groupField`, in long form: one
 * flat row per (group, criterion) with `rate`, `agree`, `total`, `low`, `high` (Wilson 95 %) and the
 * group's setting and inconclusive counts — ready for a table or a line per criterion.
 */
export function agreementBy(rows: readonly Row[], groupField: string, criteria: readonly Criterion[], observedField = 'observed'): Row[] {
  const groups = new Map<string, { value: Row[string]; rows: Row[] }>();
  for (const row of rows) {
    const value = row[groupField];
    const key = JSON.stringify(value);
    const group = groups.get(key) ?? { value, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  const ordered = [...groups.values()].sort((a, b) => compareScalars(a.value, b.value));
  const out: Row[] = [];
  for (const { value, rows: members } of ordered) {
    for (const c of criteria) {
      const a = agreementOf(members, c, observedField);
      out.push({
        [groupField]: value,
        criterion: c.label,
        rate: a.rate,
        agree: a.agree,
        total: a.total,
        low: a.interval[0],
        high: a.interval[1],
        settings: members.length,
        inconclusive: a.inconclusive,
      });
    }
  }
  return out;
}

function compareScalars(a: Row[string], b: Row[string]): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}
