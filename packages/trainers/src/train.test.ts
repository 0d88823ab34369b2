import { InvalidInputError, Matrix, UnknownMethodError, createRng, matTMul, solveSpd, testing } from '@cch-lab/core';
import type { PairedDataset } from '@cch-lab/data';
import { train } from './train.js';
import { useBackend } from './testing-fixtures/backends.js';
import { pairedClassification, pairedRegression } from './testing-fixtures/paired-data.js';

/** The requirement: gradient training must reach the closed form to 1e-4 relative. */
const CLOSED_FORM_RTOL = 1e-4;

/** Least-squares fit of `target` on x without intercept, float64: (X'X)⁻¹X'target. */
function leastSquares(x: Matrix, target: ArrayLike<number>): Float64Array {
  const xtx = matTMul(x, x);
  const xty = matTMul(x, Matrix.column(target));
  return solveSpd(xtx, xty).data;
}

function trainRows(ds: PairedDataset, name: string): Matrix {
  return ds.modalities[name].selectRows(ds.splits.train).toFloat64();
}

describe('trainers/train', () => {
  beforeAll(() => useBackend('cpu'));

  describe('linear KD regression reaches the closed form ŵ(λ) (REFERENCE §1, Theorem 1)', () => {
    // A well-conditioned design (independent standardised columns, n ≫ p) and full-batch Adam with
    // an exponentially decaying rate: Adam's steps scale with lr even at the optimum (it divides by
    // √v), so float32 rounding noise only averages away once lr is small.
    const ds = pairedRegression(320, 4, createRng('closed-form'));
    const linear = { kind: 'linear' as const, bias: false };
    const fullBatchAdam = {
      epochs: 2500,
      batchSize: 'full' as const,
      optimizer: { name: 'adam' as const, learningRate: 0.05 },
      schedule: { name: 'exponential' as const, gamma: 0.996 },
    };

    test.each([
      ['theorem', 0.5, (wy: number, wt: number, l: number) => (wy + l * wt) / (1 + l)],
      ['theorem', 3, (wy: number, wt: number, l: number) => (wy + l * wt) / (1 + l)],
      ['hinton', 0.3, (wy: number, wt: number, l: number) => (1 - l) * wy + l * wt],
    ] as const)('%s form, λ = %d', async (form, lambda, blend) => {
      const teacher = await train(linear, ds, { modality: 'x1', train: { ...fullBatchAdam, epochs: 300 }, rng: createRng('teacher') });
      const x1 = trainRows(ds, 'x1');
      const x2 = trainRows(ds, 'x2');
      const y = Float64Array.from(ds.splits.train, (i) => ds.labels[i]);
      const t = teacher.outputs(x1).data; // the frozen teacher's predictions on the same rows
      const wy = leastSquares(x2, y);
      const wt = leastSquares(x2, t);
      const expected = Array.from(wy, (v, j) => blend(v, wt[j], lambda));

      const student = await train(linear, ds, { modality: 'x2', train: fullBatchAdam, kd: { teacher, lambda, form }, rng: createRng('student') });
      const w = student.net.trainableVariables()[0].dataSync();
      testing.expectArraysClose(w, expected, { rtol: CLOSED_FORM_RTOL }, `ŵ(${lambda}) ${form}`);
      // and it is not simply the no-KD fit
      expect(Math.max(...expected.map((v, j) => Math.abs(v - wy[j])))).toBeGreaterThan(1e-3);
      teacher.dispose();
      student.dispose();
    });
  });

  test('class weights: balanced raises the minority class recall on imbalanced labels', async () => {
    const ds = pairedClassification({ n: 1000, classes: 2, dims: { a: 6 }, strength: { a: 0.35 }, frequencies: [0.9, 0.1], rng: createRng('imbalanced') });
    const recall = async (classWeights: 'none' | 'balanced') => {
      const m = await train({ kind: 'linear' }, ds, { modality: 'a', train: { epochs: 30, batchSize: 64, classWeights, optimizer: { learningRate: 0.01 } }, rng: createRng(5) });
      const metrics = m.metrics!;
      m.dispose();
      if (metrics.task !== 'classification') throw new Error('expected classification metrics');
      const minority = metrics.perClass[1];
      return minority.correct / minority.support;
    };
    const plain = await recall('none');
    const balanced = await recall('balanced');
    expect(balanced).toBeGreaterThan(plain + 0.2);
  });

  describe('typed errors for bad specs and data', () => {
    const ds = pairedClassification({ n: 60, classes: 3, dims: { a: 4, b: 2 }, strength: { a: 1, b: 1 }, rng: createRng(1) });

    test('unknown model kind and optimizer list the valid names', async () => {
      await expect(train({ kind: 'rnn' } as never, ds, { modality: 'a', rng: createRng(1) })).rejects.toThrow(UnknownMethodError);
      await expect(train({ kind: 'mlp' }, ds, { modality: 'a', train: { optimizer: { name: 'lbfgs' as 'adam' } }, rng: createRng(1) })).rejects.toThrow(/adam, sgd, adamw/);
    });

    test('an unknown modality lists the available ones', async () => {
      await expect(train({ kind: 'mlp' }, ds, { modality: 'c', rng: createRng(1) })).rejects.toThrow(/modalities: a, b/);
    });

    test('a training split with a single class', async () => {
      const single: PairedDataset = { ...ds, labels: new Int32Array(ds.labels.length).fill(2), classes: ['x', 'y', 'z'] };
      await expect(train({ kind: 'linear' }, single, { modality: 'a', rng: createRng(1) })).rejects.toThrow(/single class/);
    });

    test('a CNN image shape that does not fit the modality width', async () => {
      await expect(train({ kind: 'cnn', imageShape: [2, 2, 2] }, ds, { modality: 'a', rng: createRng(1) })).rejects.toThrow(InvalidInputError);
    });

    test('a teacher from another modality width is fine, one for another task is not', async () => {
      const teacher = await train({ kind: 'linear' }, ds, { modality: 'b', train: { epochs: 1 }, rng: createRng(1) });
      const student = await train({ kind: 'linear' }, ds, { modality: 'a', train: { epochs: 1 }, kd: { teacher, lambda: 0.5 }, rng: createRng(1) });
      student.dispose();
      const reg = pairedRegression(60, 4, createRng(2));
      await expect(train({ kind: 'linear' }, reg, { modality: 'x1', kd: { teacher, lambda: 0.5 }, rng: createRng(1) })).rejects.toThrow(/classification with 3 outputs/);
      teacher.dispose();
    });

    test('early stopping without a validation split; class weights of the wrong length', async () => {
      const noVal: PairedDataset = { ...ds, splits: { train: ds.splits.train, test: ds.splits.test } };
      await expect(train({ kind: 'linear' }, noVal, { modality: 'a', train: { earlyStopping: { patience: 2 } }, rng: createRng(1) })).rejects.toThrow(/validation split/);
      await expect(train({ kind: 'linear' }, ds, { modality: 'a', train: { classWeights: [1, 2] }, rng: createRng(1) })).rejects.toThrow(/2 weights for 3 classes/);
    });
  });
});
