import { wilsonInterval } from './wilson-interval.js';

describe('report/stats/wilson-interval', () => {
  it('matches the textbook values and stays inside [0, 1]', () => {
    const [lo, hi] = wilsonInterval(2, 9);
    expect(lo).toBeCloseTo(0.0632, 3);
    expect(hi).toBeCloseTo(0.5474, 3);
    expect(wilsonInterval(10, 10)[1]).toBeCloseTo(1, 12);
    expect(wilsonInterval(0, 10)[0]).toBe(0);
  });

  it('knows nothing about an empty total', () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });
});
