import { agreement, agreementBy, observedOutcome, predictionFromSign } from './agreement.js';
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

  it('counts decisive settings only and reports the inconclusive ones', () => {
    const a = agreement([
      { prediction: 'kd-helps', observed: 'kd-helps' },
      { prediction: 'kd-helps', observed: 'kd-hurts' },
      { prediction: 'kd-hurts', observed: 'kd-hurts' },
      { prediction: 'kd-hurts', observed: 'inconclusive' },
      { prediction: null, observed: 'kd-helps' },
    ]);
    expect(a).toMatchObject({ agree: 2, total: 3, inconclusive: 1 });
    expect(a.rate).toBeCloseTo(2 / 3, 12);
    expect(a.interval[0]).toBeLessThan(2 / 3);
    expect(a.interval[1]).toBeGreaterThan(2 / 3);
    expect(agreement([{ prediction: 'kd-helps', observed: 'inconclusive' }]).rate).toBeNull();
  });

  it('breaks agreement down by a field in long form', () => {
    const rows = [
      { n: 300, observed: 'kd-helps', a: 'kd-helps' },
      { n: 300, observed: 'kd-hurts', a: 'kd-helps' },
      { n: 100, observed: 'kd-hurts', a: 'kd-hurts' },
    ];
    const out = agreementBy(rows, 'n', [{ key: 'a', label: 'A', field: 'a' }]);
    expect(out.map((r) => [r.n, r.agree, r.total])).toEqual([
      [100, 1, 1],
      [300, 1, 2],
    ]);
  });

  it('gives a t-interval for the mean', () => {
    const m = meanInterval([1, 2, 3, 4]);
    expect(m.mean).toBe(2.5);
    expect(m.high - m.mean).toBeCloseTo(3.182446 * (Math.sqrt(5 / 3) / 2), 5);
    expect(Number.isNaN(meanInterval([1]).low)).toBe(true);
  });
});
