/** Scorecards for tests, shaped as the pipeline's buildScorecard writes them (made-up numbers). */
import type { Scorecard, ScorecardAgreement } from '../contract.js';
import { wilsonInterval } from '../stats/wilson-interval.js';

/** An agreement of `agree` of `decisive`, with a Wilson interval. */
export function agreementFixture(label: string, agree: number, decisive: number, inconclusive = 0, abstained = 0): ScorecardAgreement {
  return { label, agree, decisive, inconclusive, abstained, rate: decisive === 0 ? null : agree / decisive, interval: wilsonInterval(agree, decisive) };
}

/** A scorecard with others, teacher selection and regimes (lowest first); `overrides` replace top-level keys. */
export function scorecardFixture(overrides: Partial<Scorecard> = {}): Scorecard {
  return {
    paperClaim: 'KD helps exactly where I(H_t; H_s) > I(H_s; Y), and the CCH agrees on every setting (arXiv 2510.13182, Fig. 3).',
    cch: agreementFixture('CCH (ksg)', 7, 9, 3),
    others: [agreementFixture('exact risk', 9, 9, 3), agreementFixture('plug-in (linear probe)', 6, 9, 3, 1)],
    teacherSelection: { cch: agreementFixture('CCH margin', 4, 6), naive: agreementFixture('naive: most accurate teacher (validation)', 3, 6), chance: 1 / 3 },
    regimes: [
      { factor: 'n/p', value: '0.5', agreement: agreementFixture('CCH (ksg)', 2, 9) },
      { factor: 'λ', value: '0.25', agreement: agreementFixture('CCH (ksg)', 3, 5) },
      { factor: 'n/p', value: '4', agreement: agreementFixture('CCH (ksg)', 5, 5) },
    ],
    verdict: 'The CCH (ksg) predicted the observed KD sign in 7 of 9 (78 %, 95 % 45–94 %) decisive settings — not distinguishable from a coin flip at this many independent draws, short of the paper’s claim that it agrees everywhere.',
    ...overrides,
  };
}
