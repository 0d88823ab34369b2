import { buildScorecard } from './scorecard.js';
import type { ClusteredAgreement } from './score-criteria.js';

function agreement(agree: number, total: number, interval: [number, number], inconclusive = 0): ClusteredAgreement {
  return { rate: total === 0 ? null : agree / total, agree, total, inconclusive, abstained: 0, clusters: total, effective_n: total, interval, interval_method: 'test' };
}

const criteria = [
  { key: 'cch:ksg', label: 'CCH (ksg)' },
  { key: 'plugin', label: 'plug-in' },
];

describe('pipeline/toolkit/scorecard', () => {
  it('says when nothing was decisive instead of scoring', () => {
    const card = buildScorecard({ paperClaim: 'claim', criteria, agreement: { 'cch:ksg': agreement(0, 0, [0, 1], 6), plugin: agreement(0, 0, [0, 1], 6) } });
    expect(card.cch.rate).toBeNull();
    expect(card.verdict).toMatch(/^Not scored: no setting’s KD effect was decisive \(6 inconclusive\)/);
    expect(card.others.map((o) => o.label)).toEqual(['plug-in']);
  });

  it('compares the rate with a coin flip and the paper’s “agrees everywhere”, from the interval', () => {
    const good = buildScorecard({ paperClaim: 'c', criteria, agreement: { 'cch:ksg': agreement(9, 9, [0.7, 1]), plugin: agreement(5, 9, [0.3, 0.8]) } });
    expect(good.verdict).toMatch(/9 of 9 \(100 %, 95 % 70–100 %\) decisive settings — better than a coin flip, in line with the paper’s claim/);
    const coin = buildScorecard({ paperClaim: 'c', criteria, agreement: { 'cch:ksg': agreement(3, 5, [0.2, 0.9], 2), plugin: agreement(1, 5, [0, 0.6]) } });
    expect(coin.verdict).toMatch(/not distinguishable from a coin flip.*short of the paper’s claim.*2 settings were inconclusive/);
    const bad = buildScorecard({ paperClaim: 'c', criteria, agreement: { 'cch:ksg': agreement(1, 10, [0.02, 0.4]), plugin: agreement(1, 5, [0, 0.6]) } });
    expect(bad.verdict).toMatch(/worse than a coin flip/);
  });

  it('lists the primary criterion’s regimes with a decisive setting, lowest rate first, and teacher selection', () => {
    const group = (value: number, agree: number, total: number) => ({ value, settings: total, agreement: { 'cch:ksg': agreement(agree, total, [0, 1]), plugin: agreement(total, total, [0, 1]) } });
    const card = buildScorecard({
      paperClaim: 'c',
      criteria,
      agreement: { 'cch:ksg': agreement(5, 8, [0.3, 0.9]), plugin: agreement(8, 8, [0.6, 1]) },
      breakdowns: [
        { factor: 'λ', groups: [group(0.2, 3, 3), group(0.8, 2, 5), group(0.5, 0, 0)] },
        { factor: 'only one', groups: [group(1, 0, 4)] },
      ],
      selection: { groups: [{} as never], cch: agreement(2, 4, [0.1, 0.9]), naive: agreement(3, 4, [0.2, 0.95]), chance: 0.5, skipped: 0, mean_rank_correlation: null },
    });
    expect(card.regimes.map((r) => [r.factor, r.value, r.agreement.agree, r.agreement.decisive])).toEqual([
      ['λ', '0.8', 2, 5],
      ['λ', '0.2', 3, 3],
    ]);
    expect(card.teacherSelection?.naive.agree).toBe(3);
    expect(card.verdict).toMatch(/as a teacher picker it hit 2 of 4, the naive rule 3 of 4, chance 50 %/);
  });
});
