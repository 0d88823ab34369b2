import * as tf from '@tensorflow/tfjs';
import { Matrix, chooseBackend, createRng } from '@cch-lab/core';
import { stratifiedSplit, type PairedDataset } from '@cch-lab/data';
import { decisionSection } from './sections/decision-section.js';
import { estimatorsSection } from './sections/estimators-section.js';
import { kdSection } from './sections/kd-section.js';
import { modelSection } from './sections/model-section.js';
import { trainSection } from './sections/train-section.js';
import { effectiveK, runDistillationCell, type DistillationCellOptions } from './distillation-cell.js';
import { flattenDistillationRow } from './distillation-row.js';

beforeAll(async () => {
  await chooseBackend({ requested: 'wasm', env: {} });
});

/** Three classes; `strong` sees the class clearly, `weak` and `weaker` less so. */
function dataset(seed: string): PairedDataset {
  const rng = createRng(seed);
  const n = 240;
  const labels = Int32Array.from({ length: n }, (_, i) => i % 3);
  const modality = (d: number, strength: number) =>
    new Matrix(Float64Array.from({ length: n * d }, (_, k) => strength * (labels[Math.floor(k / d)] === k % 3 ? 1 : 0) + rng.normal()), n, d);
  const splits = stratifiedSplit(labels, { train: 0.6, val: 0.2, test: 0.2, rng: rng.derive('split') });
  return { name: 'toy', source: 'simulated', task: 'classification', classes: ['a', 'b', 'c'], modalities: { strong: modality(4, 2), weak: modality(4, 0.7), weaker: modality(3, 0.3) }, labels, splits, meta: {} };
}

function options(ds: PairedDataset, overrides: Partial<DistillationCellOptions> = {}): DistillationCellOptions {
  return {
    dataset: ds,
    pairs: [
      { teacher: 'strong', student: 'weak' },
      { teacher: 'weak', student: 'strong' },
    ],
    model: modelSection.parse({ kind: 'mlp', hidden: [8] }),
    train: trainSection.parse({ epochs: 4 }),
    kd: kdSection.parse({ lambda: [0.3, 0.7], temperature: [2] }),
    estimators: estimatorsSection.parse({ families: ['ksg', 'gaussian'], subsamples: 4 }),
    decision: decisionSection.parse({}),
    rng: createRng('cell'),
    context: { repeat: 0 },
    ...overrides,
  };
}

describe('pipeline/toolkit/distillation-cell', () => {
  it('trains each modality once, one KD student per (pair, λ, T), margins per estimator, nothing leaked', async () => {
    const ds = dataset('toy');
    const before = tf.memory().numTensors;
    const result = await runDistillationCell(
      options(ds, { morePairs: (v) => [{ teacher: 'strong', student: Object.keys(v).includes('weaker') ? 'weaker' : ['weak', 'weaker'] }] }),
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(result.rows).toHaveLength(6);
    expect(Object.keys(result.validation).sort()).toEqual(['strong', 'weak', 'weak+weaker']);
    const first = result.rows[0];
    expect([first.teacher, first.student, first.lambda, first.temperature]).toEqual(['strong', 'weak', 0.3, 2]);
    expect(first.margins.map((m) => [m.estimator, m.teacherStudent, m.studentLabel])).toEqual([
      ['ksg', 'ksg', 'mixed'],
      ['gaussian', 'gaussian', 'gaussian'],
    ]);
    expect(first.primary).toBe(first.margins[0]);
    expect(first.primary.margin).toBeCloseTo(first.primary.i_teacher_student - first.primary.i_student_label, 12);
    expect(first.kd_gain).toBeCloseTo((first.kd.accuracy as number) - (first.no_kd.accuracy as number), 12);
    // The no-KD student of 'weak' is the same model whichever λ: one training.
    expect(result.rows[1].no_kd).toEqual(first.no_kd);
    expect(result.rows.at(-1)?.student).toBe('weak+weaker');
    const flat = flattenDistillationRow(first);
    expect(flat).toMatchObject({ repeat: 0, teacher: 'strong', student: 'weak', verdict: first.primary.verdict, margin_gaussian: first.margins[1].margin, source: 'simulated' });
    expect(flat).not.toHaveProperty('no_kd_mse');
  });

  it('gives a model the same numbers whichever pairs are asked for (streams by modality, not by order)', async () => {
    const ds = dataset('toy');
    const both = await runDistillationCell(options(ds));
    const one = await runDistillationCell(options(ds, { pairs: [{ teacher: 'weak', student: 'strong' }] }));
    const pick = (rows: typeof both.rows) => rows.filter((r) => r.teacher === 'weak').map((r) => [r.no_kd, r.kd, r.primary.margin]);
    expect(pick(one.rows)).toEqual(pick(both.rows));
  });

  it('measures the k-NN families on a PCA projection fitted on the training rows, the others on the full layer', async () => {
    const ds = dataset('toy');
    const pair = [{ teacher: 'strong', student: 'weak' }];
    const full = await runDistillationCell(options(ds, { pairs: pair }));
    const pca = await runDistillationCell(options(ds, { pairs: pair, estimators: estimatorsSection.parse({ families: ['ksg', 'gaussian'], subsamples: 4, projection: { method: 'pca', dims: 2 } }) }));
    const [f, p] = [full.rows[0].margins, pca.rows[0].margins];
    expect(p[0].margin).not.toBe(f[0].margin);
    expect(p[1].margin).toBe(f[1].margin);
    const meta = pca.meta.estimators as Record<string, { projection: { teacher: { dims: number; explained: number }; fitRows: number } }>;
    expect(meta['strong→weak'].projection.teacher.dims).toBe(2);
    expect(meta['strong→weak'].projection.fitRows).toBe(ds.splits.train.length);
  });

  it('measures each asked modality’s own I(H; Y) on the held-out rows with every family, stronger modalities higher', async () => {
    const ds = dataset('toy');
    const result = await runDistillationCell(options(ds, { pairs: [{ teacher: 'strong', student: 'weak' }], labelInformation: ['strong', 'weak', 'weaker'] }));
    expect(result.labelInformation.map((e) => [e.modality, e.estimator])).toEqual([
      ['strong', 'ksg'],
      ['strong', 'gaussian'],
      ['weak', 'ksg'],
      ['weak', 'gaussian'],
      ['weaker', 'ksg'],
      ['weaker', 'gaussian'],
    ]);
    const ksg = Object.fromEntries(result.labelInformation.filter((e) => e.estimator === 'ksg').map((e) => [e.modality, e]));
    expect(ksg.strong.nats).toBeGreaterThan(ksg.weaker.nats);
    expect(ksg.strong.n).toBe(ds.splits.test.length);
    expect(ksg.strong.low).toBeLessThanOrEqual(ksg.strong.high);
    // The same estimate the margin's label side makes for the student of the pair.
    expect(ksg.weak.nats).toBeCloseTo(result.rows[0].primary.i_student_label, 1);
    // Training 'weaker' for the ranking alone adds no KD rows.
    expect(new Set(result.rows.map((r) => r.student))).toEqual(new Set(['weak']));
  });

  it('lowers k for few representation rows, and records it', () => {
    expect(effectiveK(3, 100)).toBe(3);
    expect(effectiveK(3, 9)).toBe(2);
    expect(effectiveK(5, 4)).toBe(1);
  });
});
