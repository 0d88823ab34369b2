import { aggregateSettings, cchKey } from './aggregate-settings.js';
import type { DistillationRow, MarginEstimate } from './distillation-row.js';
import { scoreTeacherSelection, spearman } from './teacher-selection.js';

function margin(value: number, halfWidth = 0.05): MarginEstimate {
  const low = value - halfWidth;
  const high = value + halfWidth;
  return { estimator: 'ksg', teacherStudent: 'ksg', studentLabel: 'mixed', i_teacher_student: value + 1, i_student_label: 1, margin: value, low, high, verdict: low > 0 ? 'kd-helps' : high < 0 ? 'kd-hurts' : 'inconclusive', effective_k: 3 };
}

function row(repeat: number, teacher: string, student: string, gain: number, m: number, teacherAccuracy = 0.8): DistillationRow {
  const metrics = (accuracy: number) => ({ accuracy, weighted_f1: accuracy, auc: null, mse: null, mae: null, pearson_r: null });
  const primary = margin(m);
  return {
    context: { cohort: 'brca', repeat },
    teacher,
    student,
    lambda: 0.5,
    temperature: 2,
    form: 'hinton',
    task: 'classification',
    source: 'simulated',
    n_train: 100,
    n_estimation: 40,
    teacher_metrics: metrics(teacherAccuracy),
    // Validation accuracy tracks test accuracy here, so the naive rule reads the same either way.
    teacher_validation: teacherAccuracy,
    no_kd: metrics(0.6),
    kd: metrics(0.6 + gain),
    kd_gain: gain,
    primary,
    margins: [primary],
    plugin_gain: gain * 2,
  };
}

describe('pipeline/toolkit/aggregate-settings', () => {
  it('one summary per setting: means over repeats, a decisive observation only when the interval excludes 0', () => {
    const rows = [row(0, 'mrna', 'cnv', 0.05, 0.3), row(1, 'mrna', 'cnv', 0.04, 0.31), row(2, 'mrna', 'cnv', 0.06, 0.29), row(0, 'rppa', 'cnv', 0.02, -0.2), row(1, 'rppa', 'cnv', -0.03, 0.2)];
    const settings = aggregateSettings(rows, { settingKeys: ['cohort'], level: 0.95 });
    expect(settings).toHaveLength(2);
    const [strong, mixed] = settings;
    expect(strong.key).toEqual({ cohort: 'brca', teacher: 'mrna', student: 'cnv', lambda: 0.5, temperature: 2 });
    expect(strong.repeats).toBe(3);
    expect(strong.gain.mean).toBeCloseTo(0.05, 12);
    expect(strong.observed).toBe('kd-helps');
    expect(strong.predictions[cchKey('ksg')]).toBe('kd-helps');
    expect(strong.predictions.plugin).toBe('kd-helps');
    // Margins of opposite sign over repeats: the CCH makes no prediction rather than an invented one.
    expect(mixed.observed).toBe('inconclusive');
    expect(mixed.predictions[cchKey('ksg')]).toBeNull();
    expect(strong.cluster).not.toBe(mixed.cluster);
  });

  it('scores teacher selection against the naive most-accurate-teacher rule and chance', () => {
    const rows = [
      // repeat 0: rppa is the better teacher for cnv although mrna is more accurate; the margin knows.
      row(0, 'mrna', 'cnv', 0.01, 0.1, 0.9),
      row(0, 'rppa', 'cnv', 0.04, 0.3, 0.7),
      row(1, 'mrna', 'cnv', 0.05, 0.4, 0.9),
      row(1, 'rppa', 'cnv', 0.0, 0.2, 0.7),
    ];
    const s = scoreTeacherSelection(rows, { drawKeys: ['cohort', 'repeat'] });
    expect(s.groups).toHaveLength(2);
    expect(s.groups.map((g) => [g.cch_choice, g.naive_choice, g.best_observed])).toEqual([
      ['rppa', 'mrna', 'rppa'],
      ['mrna', 'mrna', 'mrna'],
    ]);
    expect([s.cch.agree, s.cch.total, s.naive.agree]).toEqual([2, 2, 1]);
    expect(s.chance).toBe(0.5);
    expect(s.groups[0].rank_correlation).toBeNull();
    expect(spearman([1, 2, 3], [10, 30, 20])).toBeCloseTo(0.5, 12);
    // The naive rule reads validation scores, never test accuracy; an unestimable margin leaves its group out.
    const byValidation = scoreTeacherSelection([{ ...rows[0], teacher_validation: 0.6 }, { ...rows[1], teacher_validation: 0.8 }], { drawKeys: ['cohort', 'repeat'] });
    expect(byValidation.groups[0].naive_choice).toBe('rppa');
    const unestimable = scoreTeacherSelection([rows[0], { ...rows[1], primary: { ...rows[1].primary, margin: Number.NaN } }, rows[2], rows[3]], { drawKeys: ['cohort', 'repeat'] });
    expect([unestimable.groups.length, unestimable.skipped]).toEqual([1, 1]);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull();
  });
});
