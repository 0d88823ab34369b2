import type { DistillationRow, MarginEstimate, ModelMetrics } from '../../toolkit/distillation-row.js';
import type { MfhGaussConfig } from './mfh-gauss-config.js';
import { mfhGaussNumbers, mfhPrediction } from './mfh-gauss-summary.js';

const metrics = (accuracy: number): ModelMetrics => ({ accuracy, weighted_f1: accuracy, auc: accuracy, mse: null, mae: null, pearson_r: null });

/** One seed's row of the α sweep at extra = 40 (γ = 0.2). */
function row(seed: number, gain: number, margin: number): DistillationRow {
  const m: MarginEstimate = { estimator: 'ksg', teacherStudent: 'ksg', studentLabel: 'mixed', i_teacher_student: 0.3, i_student_label: 0.3 - margin, margin, low: margin - 0.01, high: margin + 0.01, verdict: 'kd-helps', effective_k: 3 };
  return {
    context: { sweep: 'alpha', level: 40, gamma: 0.2, alpha: 0.8, seed },
    teacher: 'x1',
    student: 'x2',
    lambda: 0.5,
    temperature: 1,
    form: 'theorem',
    task: 'classification',
    source: 'simulated',
    n_train: 200,
    n_estimation: 1000,
    teacher_metrics: metrics(0.9),
    teacher_validation: Number.NaN,
    no_kd: metrics(0.55),
    kd: metrics(0.55 + gain),
    kd_gain: gain,
    primary: m,
    margins: [m],
    plugin_gain: -0.01,
  };
}

const CONFIG = { estimators: { families: ['ksg'], pairs: [] }, decision: { level: 0.95 }, mfh: { breakEvenGamma: 0.25 } } as unknown as MfhGaussConfig;

describe('pipeline/experiments/mfh-gauss/mfh-gauss-summary', () => {
  it('applies the MFH γ rule and stays silent at the break-even', () => {
    expect(mfhPrediction(1, 0.25)).toBe('kd-helps');
    expect(mfhPrediction(0, 0.25)).toBe('kd-hurts');
    expect(mfhPrediction(4 / 16, 0.25)).toBeNull();
    expect(mfhPrediction(1 - 30 / 40, 0.25)).toBeNull();
  });

  it('adds the MFH beside the CCH and the plug-in, says where they part, and keeps the reported numbers apart', () => {
    const n = mfhGaussNumbers([row(0, 0.02, 0.1), row(1, 0.03, 0.2), row(2, 0.025, 0.15)], CONFIG);
    expect(n.settings).toHaveLength(1);
    expect(n.settings[0].predictions).toEqual({ 'cch:ksg': 'kd-helps', plugin: 'kd-hurts', mfh: 'kd-hurts' });
    expect(n.flat[0]).toMatchObject({
      sweep: 'alpha',
      level: 40,
      repeats: 3,
      observed: 'kd-helps',
      cch_prediction: 'kd-helps',
      mfh_prediction: 'kd-hurts',
      hypotheses: 'part',
      matches_observed: 'CCH only',
      plugin_prediction: 'kd-hurts',
      xue2023_teacher_accuracy: 0.888,
      xue2023_kd_accuracy: null,
    });
    expect(n.flat[0].kd_effect).toBeCloseTo(0.025, 12);
    expect(n.agreement).toMatchObject({ 'cch:ksg': { agree: 1, total: 1 }, mfh: { agree: 0, total: 1 }, plugin: { agree: 0, total: 1 } });
    expect(n.noKdSpread).toEqual({ alpha: 0 });
    expect(n.breakEvenGamma).toBeNull(); // no γ sweep here
  });
});
