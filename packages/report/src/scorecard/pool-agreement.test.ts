import { agreementFixture, scorecardFixture } from '../testing-fixtures/scorecard-fixture.js';
import { poolAgreement } from './pool-agreement.js';
import { sourceClass } from './source-class.js';

const card = (agree: number, decisive: number) => scorecardFixture({ cch: agreementFixture('CCH', agree, decisive, 1) });

describe('report/scorecard/pool-agreement', () => {
  it('classes an experiment as real only when every source is real', () => {
    expect(sourceClass(['real'])).toBe('real');
    expect(sourceClass(['real', 'simulated'])).toBe('simulated');
    expect(sourceClass(['real', 'embedded'])).toBe('embedded');
    expect(sourceClass([])).toBe('unknown');
  });

  it('sums agree and decisive per source class, with a Wilson interval on the sums', () => {
    const pools = poolAgreement([
      { name: 'tcga', sources: ['real'], scorecard: card(10, 12) },
      { name: 'mosei', sources: ['real'], scorecard: card(5, 6) },
      { name: 'synthetic', sources: ['simulated'], scorecard: card(2, 9) },
      { name: 'mixed', sources: ['real', 'simulated'], scorecard: card(1, 1) },
      { name: 'nothing-decisive', sources: ['real'], scorecard: card(0, 0) },
      { name: 'unscored', sources: ['real'] },
    ]);
    expect(pools.map((p) => [p.sourceClass, p.experiments, p.agree, p.decisive, p.inconclusive])).toEqual([
      ['real', ['tcga', 'mosei'], 15, 18, 2],
      ['simulated', ['synthetic', 'mixed'], 3, 10, 2],
    ]);
    expect(pools[0].rate).toBeCloseTo(15 / 18);
    expect(pools[0].interval[0]).toBeCloseTo(0.6078, 3);
    expect(pools[0].interval[1]).toBeCloseTo(0.9416, 3);
  });
});
