/**
 * The observed KD outcome and a criterion's prediction. The observed effect is decisive only when
 * the interval of the mean gain over repeats excludes zero; scoring (toolkit/score-criteria.ts)
 * counts decisive settings only and reports the inconclusive ones beside them.
 */
import { CRITERION_VERDICTS, type CriterionVerdict } from '@cch-lab/estimators';
import type { MeanInterval } from './mean-interval.js';

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

/** An agreement rate with its 95 % interval, as tables show it (toolkit's ClusteredAgreement is one). */
export interface Agreement {
  /** agree / total; null when no setting was decisive. */
  rate: number | null;
  /** Decisive settings where the prediction matched the observed sign. */
  agree: number;
  /** Decisive settings with a prediction. */
  total: number;
  /** Settings left out because the observed sign was inconclusive. */
  inconclusive: number;
  interval: [number, number];
}
