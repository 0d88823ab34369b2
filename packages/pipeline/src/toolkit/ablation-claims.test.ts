import type { SettingSummary } from './aggregate-settings.js';
import { ablationClaims } from './ablation-claims.js';
import type { DistillationNumbers } from './distillation-summary.js';

/** A setting as ablationClaims reads it; the CCH predicts from the margin's sign. */
function setting(teacher: string, lambda: number, temperature: number, observed: SettingSummary['observed'], margin: Record<string, number>, cluster = 'c'): SettingSummary {
  const prediction = margin.ksg > 0 ? 'kd-helps' : 'kd-hurts';
  return {
    key: { teacher, student: 's', lambda, temperature },
    cluster,
    repeats: 3,
    gain: { count: 3, mean: 0, sd: 0, se: 0, low: 0, high: 0, level: 0.95 },
    observed,
    margins: Object.fromEntries(Object.entries(margin).map(([e, m]) => [e, { count: 3, mean: m, sd: 0, se: 0, low: m, high: m, level: 0.95 }])),
    predictions: { 'cch:ksg': prediction },
    metrics: {} as SettingSummary['metrics'],
    plugin: null,
    effective_k: 3,
    sides: { i_teacher_student: null, i_student_label: null },
  };
}

function numbers(settings: SettingSummary[], estimators = ['ksg']): DistillationNumbers {
  return { task: 'classification', settings, flat: [], estimators, criteria: [{ key: 'cch:ksg', label: 'CCH (ksg)' }], agreement: {}, agreementFusion: {}, agreementByGroup: {}, selection: {} as DistillationNumbers['selection'] };
}

const verdicts = (n: DistillationNumbers) => Object.fromEntries(ablationClaims(n).map((c) => [c.factor, c.verdict]));

describe('pipeline/toolkit/ablation-claims', () => {
  it('is not testable where the run varies nothing', () => {
    expect(verdicts(numbers([setting('a', 0.5, 2, 'kd-helps', { ksg: 1 })]))).toEqual({ T: 'not testable here', 'λ': 'not testable here', estimators: 'not testable here' });
  });

  it('T: holds when no setting’s decisive sign changes with T, fails when one does', () => {
    const same = [setting('a', 0.5, 1, 'kd-helps', { ksg: 1 }), setting('a', 0.5, 4, 'inconclusive', { ksg: 1 })];
    expect(verdicts(numbers(same)).T).toBe('holds');
    const flips = [setting('a', 0.5, 1, 'kd-helps', { ksg: 1 }), setting('a', 0.5, 4, 'kd-hurts', { ksg: 1 })];
    const claim = ablationClaims(numbers(flips)).find((c) => c.factor === 'T');
    expect(claim?.verdict).toBe('does not hold');
    expect(claim?.ours).toMatch(/1 change sign/);
  });

  it('λ: needs the smallest λ’s interval above the largest’s to hold', () => {
    // Eight independent settings per λ: all agree at λ = 0.2, none at λ = 0.8.
    const many = (lambda: number, observed: SettingSummary['observed']) => Array.from({ length: 8 }, (_, i) => setting(`t${i}`, lambda, 2, observed, { ksg: 1 }, `c${i}`));
    expect(verdicts(numbers([...many(0.2, 'kd-helps'), ...many(0.8, 'kd-hurts')]))['λ']).toBe('holds');
    expect(verdicts(numbers([...many(0.2, 'kd-hurts'), ...many(0.8, 'kd-helps')]))['λ']).toBe('does not hold');
  });

  it('estimators: the rank correlation of the margins over pairs, values aside', () => {
    const ranked = [1, 2, 3, 4].map((m) => setting(`t${m}`, 0.5, 2, 'kd-helps', { ksg: m, mine: 10 * m }));
    const claim = ablationClaims(numbers(ranked, ['ksg', 'mine'])).find((c) => c.factor === 'estimators');
    expect(claim?.verdict).toBe('holds');
    expect(claim?.ours).toMatch(/Spearman ρ = 1\.00 over 4 pairs, mean \|Δ margin\| = 22\.500/);
    const shuffled = [1, 2, 3, 4].map((m) => setting(`t${m}`, 0.5, 2, 'kd-helps', { ksg: m, mine: [3, 1, 4, 2][m - 1] }));
    expect(verdicts(numbers(shuffled, ['ksg', 'mine'])).estimators).toBe('does not hold');
  });
});
