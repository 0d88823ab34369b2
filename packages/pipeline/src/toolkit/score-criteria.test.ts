import { wilsonInterval } from '../experiments/shared/wilson-interval.js';
import { clusteredAgreement, scoreCriteria } from './score-criteria.js';

describe('pipeline/toolkit/score-criteria', () => {
  it('is close to the plain Wilson interval when every setting is its own draw', () => {
    const settings = [
      ...Array.from({ length: 14 }, () => ({ prediction: 'kd-helps' as const, observed: 'kd-helps' as const })),
      ...Array.from({ length: 6 }, () => ({ prediction: 'kd-helps' as const, observed: 'kd-hurts' as const })),
    ];
    const a = clusteredAgreement(settings);
    expect([a.agree, a.total, a.clusters, a.rate]).toEqual([14, 20, 20, 0.7]);
    const w = wilsonInterval(14, 20);
    // Unit clusters: the robust variance is about the binomial one, so n_eff ≈ n (19.3 here).
    expect(a.effective_n).toBeGreaterThan(18.5);
    expect(a.effective_n).toBeLessThan(20);
    expect(a.interval[0]).toBeLessThan(w[0]);
    expect(a.interval[0]).toBeGreaterThan(w[0] - 0.02);
  });

  it('widens the interval when settings share draws, and stays monotone in the agreement count', () => {
    const clustered = Array.from({ length: 12 }, (_, c) => c).flatMap((c) =>
      Array.from({ length: 4 }, () => ({ prediction: 'kd-helps' as const, observed: (c < 9 ? 'kd-helps' : 'kd-hurts') as 'kd-helps' | 'kd-hurts', cluster: `d${c}` })),
    );
    const a = clusteredAgreement(clustered);
    expect(a.rate).toBe(0.75);
    expect(a.clusters).toBe(12);
    // Whole draws agree or disagree together: about one trial per draw, not 48.
    expect(a.effective_n).toBeGreaterThan(10);
    expect(a.effective_n).toBeLessThan(13);
    const flat = clusteredAgreement(clustered.map(({ cluster: _c, ...s }) => s));
    expect(a.interval[1] - a.interval[0]).toBeGreaterThan(flat.interval[1] - flat.interval[0]);
    // All agree: no spread between draws, so every setting counts (never less certain than one miss).
    const allAgree = clusteredAgreement(clustered.filter((s) => s.observed === 'kd-helps'));
    expect([allAgree.rate, allAgree.effective_n]).toEqual([1, 36]);
    expect(allAgree.interval).toEqual(wilsonInterval(36, 36));
    const oneMiss = clusteredAgreement(clustered.filter((s) => s.observed === 'kd-helps').map((s, i) => (i === 0 ? { ...s, observed: 'kd-hurts' as const } : s)));
    expect(oneMiss.interval[0]).toBeLessThan(allAgree.interval[0]);
    const few = (agree: number) =>
      clusteredAgreement(Array.from({ length: 6 }, (_, i) => ({ prediction: 'kd-helps' as const, observed: i < agree ? ('kd-helps' as const) : ('kd-hurts' as const), cluster: `d${i % 2}` })));
    for (let k = 1; k <= 6; k++) expect(few(k).interval[0]).toBeGreaterThanOrEqual(few(k - 1).interval[0]);
    // One draw is one trial.
    expect(clusteredAgreement(Array.from({ length: 5 }, () => ({ prediction: 'kd-helps' as const, observed: 'kd-helps' as const, cluster: 'only' }))).effective_n).toBe(1);
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
