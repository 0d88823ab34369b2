import { InvalidInputError, Matrix, createRng } from '@cch-lab/core';
import { cchCriterion } from './criterion.js';
import { labelledMixture } from './testing-fixtures/gaussian-pairs.js';

/** A teacher = student + noise of the given sd (more noise, less shared information). */
function noisyCopy(student: Matrix, sd: number, seed: string): Matrix {
  const rng = createRng(seed);
  return new Matrix(Float64Array.from(student.data, (v) => v + sd * rng.normal()), student.rows, student.cols);
}

describe('estimators/criterion', () => {
  it('ranks teachers by margin and gives clear verdicts on clear cases', async () => {
    const { h: student, labels } = labelledMixture(createRng('crit'), 800, 2, 3, 2);
    const noise = Matrix.column(createRng('crit-noise').normals(800));
    const r = await cchCriterion({
      teachers: [
        { name: 'noise', representation: noise },
        { name: 'close', representation: noisyCopy(student, 0.2, 'close') },
        { name: 'far', representation: noisyCopy(student, 1.5, 'far') },
      ],
      student,
      labels,
      rng: createRng(1),
      subsamples: 8,
    });
    expect(r.teachers.map((t) => t.teacher)).toEqual(['close', 'far', 'noise']);
    const [close, , noiseRow] = r.teachers;
    // I(H_t;H_s) ≈ 3.7 nats (KSG) for the close copy vs I(H_s;Y) ≈ 0.9: KD should help.
    expect(close.verdict).toBe('kd-helps');
    expect(close.interval.low).toBeGreaterThan(0);
    // Pure noise shares nothing with the student: the margin is ≈ −I(H_s;Y).
    expect(noiseRow.verdict).toBe('kd-hurts');
    expect(noiseRow.margin).toBeLessThan(-0.5);
    for (const t of r.teachers) {
      expect(t.margin).toBeCloseTo(t.i_teacher_student - t.i_student_label, 12);
      expect(t.interval.low).toBeLessThanOrEqual(t.margin);
      expect(t.interval.high).toBeGreaterThanOrEqual(t.margin);
      expect(t.i_student_label).toBe(r.teachers[0].i_student_label);
    }
    expect(r.estimators).toEqual({ teacherStudent: 'ksg', studentLabel: 'mixed' });
    expect(String(r.details.caution)).toMatch(/biased differently/);
  });

  it('is inconclusive when both sides are ≈ 0', async () => {
    const rng = createRng('crit-null');
    const student = Matrix.column(rng.normals(300));
    const labels = Int32Array.from({ length: 300 }, () => rng.int(2));
    const r = await cchCriterion({
      teachers: [{ name: 'unrelated', representation: Matrix.column(rng.normals(300)) }],
      student,
      labels,
      rng: createRng(2),
      subsamples: 10,
    });
    expect(r.teachers[0].verdict).toBe('inconclusive');
  });

  it('rejects no teachers and duplicate names', async () => {
    const student = Matrix.column([1, 2, 3, 4, 5, 6]);
    const labels = Int32Array.from([0, 1, 0, 1, 0, 1]);
    await expect(cchCriterion({ teachers: [], student, labels, rng: createRng(1) })).rejects.toThrow(InvalidInputError);
    const t = { name: 'a', representation: student };
    await expect(cchCriterion({ teachers: [t, t], student, labels, rng: createRng(1) })).rejects.toThrow(/distinct/);
  });
  it('takes continuous targets: I(H_s;Y) then comes from the same continuous estimator', async () => {
    const rng = createRng('crit-regression');
    const n = 600;
    const student = Matrix.column(rng.normals(n));
    // y = h + small noise: I(H_s;Y) large; the teacher is a weaker copy, so the margin is negative.
    const y = Float32Array.from(student.data, (v) => v + 0.1 * rng.normal());
    const r = await cchCriterion({ teachers: [{ name: 'weak', representation: noisyCopy(student, 1, 'weak') }], student, labels: y, rng: createRng(2), subsamples: 6 });
    expect(r.estimators).toEqual({ teacherStudent: 'ksg', studentLabel: 'ksg' });
    // Gaussian truth: I(H;Y) = −½ln(1 − 1/1.01) ≈ 2.31 nats, I(H_t;H_s) = −½ln(1 − 1/2) ≈ 0.35.
    expect(r.teachers[0].i_student_label).toBeGreaterThan(1.5);
    expect(r.teachers[0].verdict).toBe('kd-hurts');
  });

  it('refuses a class too small for k, in the data or in a subsample, before estimating; caps it, recorded, when asked', async () => {
    const { h: student, labels } = labelledMixture(createRng('crit-small'), 80, 2, 2, 2);
    for (let i = 0; i < 5; i++) labels[i] = 4;
    const base = { teachers: [{ name: 't', representation: noisyCopy(student, 0.5, 'crit-small-t') }], student, labels, rng: createRng(1), subsamples: 6 };
    await expect(cchCriterion({ ...base, k: 5 })).rejects.toThrow(/k = 5 needs at least k \+ 1 = 6 samples in every class .*in n = 80 class 4 has 5 samples/);
    await expect(cchCriterion({ ...base, k: 3 })).rejects.toThrow(/in subsample \d of 6 \(40 of 80 rows\) class 4 has [23] samples/);
    const capped = await cchCriterion({ ...base, k: 3, kPerClass: 'cap' });
    expect(capped.teachers).toHaveLength(1);
    expect(capped.details.studentLabel).toMatchObject({ details: { kPerClassPolicy: 'cap' } });
  });
});
