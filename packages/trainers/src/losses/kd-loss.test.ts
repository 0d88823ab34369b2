import * as tf from '@tensorflow/tfjs';
import { UnknownMethodError, testing } from '@cch-lab/core';
import { combineKd, distillationPerSample, resolveKdOptions, teacherLogProbabilities } from './kd-loss.js';
import { taskObjective } from './objective.js';
import { useBackend } from '../testing-fixtures/backends.js';

const F32 = { rtol: 1e-5, atol: 1e-6 };

function softmax(z: number[], t: number): number[] {
  const e = z.map((v) => Math.exp(v / t));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

describe('trainers/losses/kd-loss', () => {
  beforeAll(() => useBackend('cpu'));

  test('T²·KL(softmax(t/T) ‖ softmax(s/T)) by hand, and 0 when the student equals the teacher', () => {
    const t = [2, 0, -1];
    const s = [0.5, 0.5, 0];
    const T = 3;
    const p = softmax(t, T);
    const q = softmax(s, T);
    const kl = p.reduce((acc, pi, i) => acc + pi * Math.log(pi / q[i]), 0);
    const values = tf.tidy(() => {
      const teacher = teacherLogProbabilities(tf.tensor2d([t, t]), T);
      return distillationPerSample(tf.tensor2d([s, t]), teacher, T).dataSync();
    });
    testing.expectArraysClose(values, [T * T * kl, 0], F32);
  });

  test('hinton (1−λ)·task + λ·kd and theorem task + λ·kd', () => {
    const [hinton, theorem] = tf.tidy(() => {
      const task = tf.tensor1d([2, 4]);
      const kd = tf.tensor1d([1, 3]);
      return [
        combineKd(task, kd, resolveKdOptions({ lambda: 0.25 })).dataSync(),
        combineKd(task, kd, resolveKdOptions({ lambda: 0.25, form: 'theorem' })).dataSync(),
      ];
    });
    testing.expectArraysClose(hinton, [0.75 * 2 + 0.25 * 1, 0.75 * 4 + 0.25 * 3], F32);
    testing.expectArraysClose(theorem, [2 + 0.25, 4 + 0.75], F32);
  });

  test('the classification objective end to end, by hand: hinton (1−λ)·CE + λ·T²·KL and theorem CE + λ·T²·KL', () => {
    // One row, 3 classes, true class 1. Only the objective's plumbing is new here (which target is
    // CE's, which is the teacher's, where T² and λ go), so every term is recomputed from scratch.
    const s = [1.5, -0.5, 0.25];
    const t = [0.2, 2.0, -1.0];
    const [T, lambda] = [2.5, 0.4];
    const q1 = softmax(s, 1);
    const ce = -Math.log(q1[1]);
    const p = softmax(t, T);
    const q = softmax(s, T);
    const kd = T * T * p.reduce((acc, pi, i) => acc + pi * Math.log(pi / q[i]), 0);
    const [hinton, theorem] = (['hinton', 'theorem'] as const).map((form) => {
      const objective = taskObjective('classification', resolveKdOptions({ lambda, temperature: T, form }));
      return tf.tidy(() => {
        const targets = [tf.tensor2d([[0, 1, 0]]), teacherLogProbabilities(tf.tensor2d([t]), T)];
        return objective.perSample(tf.tensor2d([s]), targets).dataSync()[0];
      });
    });
    testing.expectClose(hinton, (1 - lambda) * ce + lambda * kd, F32, 'hinton');
    testing.expectClose(theorem, ce + lambda * kd, F32, 'theorem');
  });

  test('the gradient of T²·KL with respect to the student logits is T·(softmax(s/T) − softmax(t/T)) (Hinton et al. 2015)', () => {
    // Why T² is there: it leaves gradients of order T·(q − p), comparable across temperatures.
    const s = [0.3, -1.2, 2.0, 0.1];
    const t = [1.0, 0.5, -0.5, 0.0];
    const T = 4;
    const grad = tf.tidy(() => {
      const teacher = teacherLogProbabilities(tf.tensor2d([t]), T);
      return tf.grad((x: tf.Tensor) => tf.sum(distillationPerSample(x, teacher, T)))(tf.tensor2d([s])).dataSync();
    });
    const [p, q] = [softmax(t, T), softmax(s, T)];
    testing.expectArraysClose(grad, q.map((qi, i) => T * (qi - p[i])), F32);
  });

  test('regression KD is the squared error to the teacher prediction', () => {
    const objective = taskObjective('regression', resolveKdOptions({ lambda: 2, form: 'theorem' }));
    const loss = tf.tidy(() => objective.perSample(tf.tensor2d([[1], [3]]), [tf.tensor2d([[0], [3]]), tf.tensor2d([[2], [1]])]).dataSync());
    // row 0: (1−0)² + 2·(1−2)² = 3; row 1: 0 + 2·(3−1)² = 8
    testing.expectArraysClose(loss, [3, 8], F32);
    expect(objective.name).toBe('kd-theorem');
  });

  test('checks: λ ≤ 1 for hinton, known forms', () => {
    expect(() => resolveKdOptions({ lambda: 1.5 })).toThrow(/kd.lambda/);
    expect(resolveKdOptions({ lambda: 1.5, form: 'theorem' }).lambda).toBe(1.5);
    expect(() => resolveKdOptions({ lambda: 0.5, form: 'fitnet' as 'hinton' })).toThrow(UnknownMethodError);
    expect(resolveKdOptions({ lambda: 0.5 })).toEqual({ lambda: 0.5, temperature: 1, form: 'hinton' });
  });
});
