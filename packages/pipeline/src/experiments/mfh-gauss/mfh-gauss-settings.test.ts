import { mfhGaussSettings, mfhPrediction } from './mfh-gauss-settings.js';

describe('pipeline/experiments/mfh-gauss/mfh-gauss-settings', () => {
  it('applies the MFH γ rule and stays silent at the break-even', () => {
    expect(mfhPrediction(1, 0.25)).toBe('kd-helps');
    expect(mfhPrediction(0, 0.25)).toBe('kd-hurts');
    expect(mfhPrediction(4 / 16, 0.25)).toBeNull();
    expect(mfhPrediction(1 - 30 / 40, 0.25)).toBeNull();
  });

  it('aggregates seeds, decides the observed sign and labels reported numbers apart from ours', () => {
    const seed = (s: number, effect: number, margin: number) => ({
      sweep: 'alpha',
      level: 40,
      gamma: 0.2,
      alpha: 0.8,
      seed: s,
      teacher_acc: 0.9,
      no_kd_acc: 0.55,
      kd_acc: 0.55 + effect,
      kd_effect: effect,
      mi_teacher_student: 0.1,
      mi_student_label: 0.05,
      margin,
      cch_verdict: 'kd-helps',
      plugin_gain: -0.01,
    });
    const [row] = mfhGaussSettings([seed(0, 0.02, 0.1), seed(1, 0.03, 0.2), seed(2, 0.025, 0.15)], 0.25, 0.95);
    expect(row).toMatchObject({
      seeds: 3,
      observed: 'kd-helps',
      cch_prediction: 'kd-helps',
      mfh_prediction: 'kd-hurts',
      hypotheses: 'part',
      matches_observed: 'CCH only',
      plugin_prediction: 'kd-hurts',
      xue2023_teacher_acc: 0.888,
      xue2023_kd_acc: null,
    });
    expect(row.kd_effect).toBeCloseTo(0.025, 12);
  });
});
