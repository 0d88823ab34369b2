import { scorecardFixture } from '../testing-fixtures/scorecard-fixture.js';
import { readScorecard } from './read-scorecard.js';

describe('report/scorecard/read-scorecard', () => {
  it('passes a well-formed scorecard through, and nothing for an absent one', () => {
    const card = scorecardFixture();
    expect(readScorecard(JSON.parse(JSON.stringify(card)))).toEqual({ scorecard: card });
    expect(readScorecard(undefined)).toEqual({});
  });

  it('names what is wrong with a scorecard it cannot use', () => {
    expect(readScorecard([]).problem).toBe('scorecard must be an object');
    expect(readScorecard({ ...scorecardFixture(), verdict: 3 }).problem).toBe('scorecard.verdict must be a string');
    expect(readScorecard({ ...scorecardFixture(), cch: { ...scorecardFixture().cch, agree: 10 } }).problem).toBe('scorecard.cch: agree exceeds decisive');
    expect(readScorecard({ ...scorecardFixture(), cch: { ...scorecardFixture().cch, interval: [0.1] } }).problem).toBe('scorecard.cch: interval must be two numbers');
  });

  it('leaves out list entries and a teacher selection that do not read, keeping the rest', () => {
    const card = scorecardFixture();
    const { scorecard } = readScorecard({ ...card, others: [card.others[0], { label: 'broken' }], regimes: [card.regimes[0], { factor: 'n/p' }], teacherSelection: { cch: card.cch } });
    expect(scorecard?.others).toEqual([card.others[0]]);
    expect(scorecard?.regimes).toEqual([card.regimes[0]]);
    expect(scorecard?.teacherSelection).toBeUndefined();
  });
});
