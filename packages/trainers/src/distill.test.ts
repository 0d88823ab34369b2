import * as tf from '@tensorflow/tfjs';
import { InvalidInputError, createRng } from '@cch-lab/core';
import { runDistillation } from './distill.js';
import { useBackend } from './testing-fixtures/backends.js';
import { pairedClassification, pairedRegression } from './testing-fixtures/paired-data.js';

const dataset = pairedClassification({ n: 500, classes: 3, dims: { strong: 10, weak: 6 }, strength: { strong: 1.2, weak: 0.3 }, rng: createRng('distill') });

describe('trainers/distill', () => {
  beforeAll(() => useBackend('wasm'));

  test('teacher → student → KD students in one call, with representations and nothing leaked', async () => {
    const before = tf.memory().numTensors;
    const result = await runDistillation({
      dataset,
      teacherModality: 'strong',
      studentModality: 'weak',
      model: { kind: 'mlp', hidden: [16] },
      kd: [{ lambda: 0 }, { lambda: 0.5, temperature: 2 }],
      train: { epochs: 6, batchSize: 32 },
      rng: createRng(1),
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(result.backend).toBe('wasm');
    expect(result.dataset).toEqual({ name: 'fixture-classification', source: 'simulated', task: 'classification' });
    const acc = (m: typeof result.teacher) => (m.metrics?.task === 'classification' ? m.metrics.accuracy : Number.NaN);
    expect(acc(result.teacher)).toBeGreaterThan(acc(result.student));
    expect(result.kdStudents).toHaveLength(2);
    expect(result.kdStudent).toBe(result.kdStudents[0]);
    // λ = 0 (hinton) is plain cross-entropy from the same initial weights and batch order: the no-KD student exactly.
    expect(result.kdStudents[0].history.epochs.map((e) => e.loss)).toEqual(result.student.history.epochs.map((e) => e.loss));
    expect(result.kdStudents[1].history.objective).toBe('kd-hinton');
    expect(result.kdStudents[1].history.epochs[0].loss).not.toBe(result.student.history.epochs[0].loss);
    const { representations: r } = result;
    expect(r.split).toBe('test');
    expect(Array.from(r.rows)).toEqual(Array.from(dataset.splits.test));
    expect([r.teacher.rows, r.teacher.cols, r.student.rows, r.student.cols]).toEqual([100, 16, 100, 16]);
    expect([r.teacherLayer, r.studentLayer]).toEqual(['hidden_1', 'hidden_1']);
    expect(Array.from(r.labels)).toEqual(Array.from(dataset.splits.test, (i) => dataset.labels[i]));
  });

  test('fusion + KD: a list of student modalities trains an early-fused student', async () => {
    const result = await runDistillation({
      dataset,
      teacherModality: 'strong',
      studentModality: ['weak', 'strong'],
      model: { teacher: { kind: 'linear' }, student: { kind: 'mlp', hidden: [8] } },
      kd: { lambda: 0.3, form: 'theorem' },
      train: { teacher: { epochs: 3 }, student: { epochs: 2, optimizer: { name: 'sgd', learningRate: 0.05, momentum: 0.9 } } },
      representationSplit: 'val',
      representationLayer: { student: 'dense_1' },
      rng: createRng(2),
      keepModels: true,
    });
    expect(result.student.modality).toBe('weak+strong');
    expect(result.models!.student.net.inputWidth).toBe(16);
    expect(result.representations.teacherLayer).toBe('output');
    expect(result.representations.student.cols).toBe(8);
    expect(result.kdStudent.kd).toEqual({ lambda: 0.3, temperature: 1, form: 'theorem' });
    result.models!.teacher.dispose();
    result.models!.student.dispose();
    result.models!.kdStudents.forEach((m) => m.dispose());
  });

  test('regression: linear teacher and students, scalar predictions as representations', async () => {
    const reg = pairedRegression(200, 3, createRng(3));
    const result = await runDistillation({
      dataset: reg,
      teacherModality: 'x1',
      studentModality: 'x2',
      model: { kind: 'linear', bias: false },
      kd: { lambda: 1, form: 'theorem' },
      train: { epochs: 50, batchSize: 'full', optimizer: { learningRate: 0.05 } },
      rng: createRng(4),
    });
    expect(result.teacher.metrics?.task).toBe('regression');
    expect(result.representations.teacher.cols).toBe(1);
    expect(result.representations.labels).toBeInstanceOf(Float32Array);
  });

  test('bad options fail before any training', async () => {
    const base = { dataset, teacherModality: 'strong', studentModality: 'weak', model: { kind: 'linear' as const }, rng: createRng(5) };
    await expect(runDistillation({ ...base, kd: [] })).rejects.toThrow(/at least one/);
    await expect(runDistillation({ ...base, kd: { lambda: 2 } })).rejects.toThrow(/kd\[0\].lambda/);
    const noVal = { ...dataset, splits: { train: dataset.splits.train, test: dataset.splits.test } };
    await expect(runDistillation({ ...base, dataset: noVal, kd: { lambda: 0.5 }, representationSplit: 'val' })).rejects.toThrow(InvalidInputError);
  });
  test('pretrained models are used as given, not retrained or disposed, and KD students match a fresh run', async () => {
    const options = {
      dataset,
      teacherModality: 'strong',
      studentModality: 'weak',
      model: { kind: 'mlp' as const, hidden: [8] },
      kd: { lambda: 0.5, temperature: 2 },
      train: { epochs: 3, batchSize: 64 },
    };
    const fresh = await runDistillation({ ...options, rng: createRng(7), keepModels: true });
    const before = tf.memory().numTensors;
    const reused = await runDistillation({
      ...options,
      rng: createRng(7),
      pretrained: { teacher: fresh.models!.teacher, student: fresh.models!.student },
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(reused.teacher.history).toBe(fresh.models!.teacher.history);
    expect(reused.kdStudent.history.epochs.map((e) => e.loss)).toEqual(fresh.kdStudent.history.epochs.map((e) => e.loss));
    // still usable: runDistillation did not dispose them
    expect(fresh.models!.teacher.outputs(fresh.models!.teacher.inputs(dataset, [0])).rows).toBe(1);
    await expect(runDistillation({ ...options, rng: createRng(7), pretrained: { teacher: fresh.models!.student } })).rejects.toThrow(/pretrained teacher reads 'weak'/);
    fresh.models!.teacher.dispose();
    fresh.models!.student.dispose();
    fresh.models!.kdStudents.forEach((m) => m.dispose());
  });
});
