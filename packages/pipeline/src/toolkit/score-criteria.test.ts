import { wilsonInterval } from '../experiments/shared/wilson-interval.js';
import { clusteredAgreement, scoreCriteria } from './score-criteria.js';

describe('pipeline/toolkit/score-criteria', () => {
  it('is the plain Wilson interval when every setting is its own draw', () => {
    const settings = [
      ...Array.from({ length: 7 }, () => ({ prediction: 'kd-helps' as const, observed: 'kd-helps' as const })),
      ...Array.from({ length: 3 }, () => ({ prediction: 'kd-helps' as const, observed: 'kd-hurts' as const })),
    ];
    const a = clusteredAgreement(settings);
    expect([a.agree, a.total, a.clusters, a.rate]).toEqual([7, 10, 10, 0.7]);
    const w = wilsonInterval(7, 10);
    // With unit clusters the robust variance is p(1−p)/n · n/(n−1): n_eff = n − 1.
    expect(a.effective_n).toBeCloseTo(9, 12);
    expect(a.interval[0]).toBeLessThan(w[0]);
    expect(a.interval[1]).toBeGreaterThan(w[1]);
  });

  it('widens the interval when settings share draws, and counts a draw once when all agree', () => {
    const clustered = [0, 1, 2, 3, 4].flatMap((c) =>
      Array.from({ length: 4 }, () => ({ prediction: 'kd-helps' as const, observed: (c < 3 ? 'kd-helps' : 'kd-hurts') as 'kd-helps' | 'kd-hurts', cluster: `d${c}` })),
    );
    const a = clusteredAgreement(clustered);
    expect(a.rate).toBe(0.6);
    expect(a.clusters).toBe(5);
    expect(a.effective_n).toBeLessThan(6);
    const flat = clusteredAgreement(clustered.map(({ cluster: _c, ...s }) => s));
    expect(a.interval[1] - a.interval[0]).toBeGreaterThan(flat.interval[1] - flat.interval[0]);
    const allAgree = clusteredAgreement(clustered.filter((s) => s.observed === 'kd-helps'));
    expect([allAgree.rate, allAgree.effective_n]).toEqual([1, 3]);
    expect(allAgree.interval).toEqual(wilsonInterval(3, 3));
  });

  it('leaves out inconclusive observations and abstentions, and scores every criterion by key', () => {
    const scores = scoreCriteria(
      [
        { observed: 'kd-helps', predictions: { cch: 'kd-helps', plugin: 'kd-hurts' } },
        { observed: 'inconclusive', predictions: { cch: 'kd-helps', plugin: 'kd-helps' } },
        { observed: 'kd-hurts', predictions: { cch: null, plugin: 'kd-hurts' } },
      ],
      ['cch', 'plugin'] as const,
    );
    expect([scores.cch.agree, scores.cch.total, scores.cch.inconclusive, scores.cch.abstained]).toEqual([1, 1, 1, 1]);
    expect([scores.plugin.agree, scores.plugin.total]).toEqual([1, 2]);
    expect(clusteredAgreement([]).rate).toBeNull();
  });
});
