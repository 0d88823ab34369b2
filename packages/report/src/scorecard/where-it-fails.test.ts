import { agreementFixture, scorecardFixture } from '../testing-fixtures/scorecard-fixture.js';
import { whereItFails } from './where-it-fails.js';

describe('report/scorecard/where-it-fails', () => {
  it('names the lowest-rate regimes (two per experiment, worst first) and which experiments never failed', () => {
    const found = whereItFails([
      { name: 'synthetic', sources: ['simulated'], scorecard: scorecardFixture() },
      { name: 'perfect', sources: ['real'], scorecard: scorecardFixture({ cch: agreementFixture('CCH', 6, 6), regimes: [{ factor: 'λ', value: '1', agreement: agreementFixture('CCH', 6, 6) }] }) },
      { name: 'flat', sources: ['real'], scorecard: scorecardFixture({ cch: agreementFixture('CCH', 0, 0, 5), regimes: [] }) },
      { name: 'old', sources: ['real'] },
    ]);
    expect(found.failures.map((f) => f.text)).toEqual([
      'synthetic: at n/p = 0.5 the CCH agreed in 2 of 9 decisive settings (22 %, 95 % 6–55 %)',
      'synthetic: at λ = 0.25 the CCH agreed in 3 of 5 decisive settings (60 %, 95 % 23–88 %)',
    ]);
    expect(found.noFailure).toEqual(['perfect']);
    expect(found.notDecisive).toEqual(['flat']);
  });

  it('re-sorts regimes a file lists out of order', () => {
    const card = scorecardFixture();
    const found = whereItFails([{ name: 's', sources: ['simulated'], scorecard: { ...card, regimes: [...card.regimes].reverse() } }]);
    expect(found.failures[0].text).toContain('n/p = 0.5');
  });
});
