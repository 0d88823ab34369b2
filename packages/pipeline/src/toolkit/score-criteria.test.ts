import { wilsonInterval } from '../experiments/shared/wilson-interval.js';
import { clusteredAgreement, scoreCriteria } from './score-criteria.js';

describe('pipeline/toolkit/score-criteria', () => {
  it('is the plain Wilson interval when every setting is its own draw', () => {
    const settings = [
      ...Array.from({ length: 14 }, () => ({ prediction: 'kd-helps' as const, observed: 'kd-helps' as const })),
      ...Array.from({ length: 6 }, () => ({ prediction: 'kd-helps' as const, observed: 'kd-hurts' as const })),
    ];
    const a = clusteredAgreement(settings);
    expect([a.agree, a.total, a.clusters, a.rate]).toEqual([14, 20, 20, 0.7]);
    const w = wilsonInterval(14, 20);
    // Unit clusters: n_eff is floored at the number of draws, here every setting.
    expect(a.effective_n).toBe(20);
    expect(a.interval).toEqual(w);
  });

  it('widens the interval when settings share draws, and counts a draw once when all agree or draws are few', () => {
    const clustered = Array.from({ length: 12 }, (_, c) => c).flatMap((c) =>
      Array.from({ length: 4 }, () => ({ prediction: 'kd-helps' as const, observed: (c < 9 ? 'kd-helps' : 'kd-hurts') as 'kd-helps' | 'kd-hurts', cluster: `d${c}` })),
    );
    const a = clusteredAgreement(clustered);
    expect(a.rate).toBe(0.75);
    expect(a.clusters).toBe(12);
    // Whole draws agree or disagree together: about one trial per draw, not 48.
    expect(a.effective_n).toBeGreaterThanOrEqual(12);
    expect(a.effective_n).toBeLessThan(14);
    const flat = clusteredAgreement(clustered.map(({ cluster: _c, ...s }) => s));
    expect(a.interval[1] - a.interval[0]).toBeGreaterThan(flat.interval[1] - flat.interval[0]);
    const allAgree = clusteredAgreement(clustered.filter((s) => s.observed === 'kd-helps'));
    expect([allAgree.rate, allAgree.effective_n]).toEqual([1, 9]);
    expect(allAgree.interval).toEqual(wilsonInterval(9, 9));
    // Few draws: one trial per draw, so 6 of 6 is never less certain than 5 of 6.
    const few = (agree: number) =>
      clusteredAgreement(Array.from({ length: 6 }, (_, i) => ({ prediction: 'kd-helps' as const, observed: i < agree ? ('kd-helps' as const) : ('kd-hurts' as const), cluster: `d${i % 2}` })));
    expect(few(6).effective_n).toBe(2);
    expect(few(6).interval[0]).toBeGreaterThan(few(5).interval[0]);
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
