import { observedOutcome, predictionFromSign } from './agreement.js';
import { meanInterval } from './mean-interval.js';

describe('pipeline/experiments/shared/agreement', () => {
  it('decides the observed sign from the interval and the prediction from the sign', () => {
    expect(observedOutcome({ low: 0.1, high: 0.3 })).toBe('kd-helps');
    expect(observedOutcome({ low: -0.3, high: -0.1 })).toBe('kd-hurts');
    expect(observedOutcome({ low: -0.1, high: 0.3 })).toBe('inconclusive');
    expect(observedOutcome({ low: Number.NaN, high: Number.NaN })).toBe('inconclusive');
    expect(predictionFromSign(1e-9)).toBe('kd-helps');
    expect(predictionFromSign(0)).toBe('kd-hurts');
  });

  it('gives a t-interval for the mean', () => {
    const m = meanInterval([1, 2, 3, 4]);
    expect(m.mean).toBe(2.5);
    expect(m.high - m.mean).toBeCloseTo(3.182446 * (Math.sqrt(5 / 3) / 2), 5);
    expect(Number.isNaN(meanInterval([1]).low)).toBe(true);
  });
});
