/** ReLU with a one-kernel gradient (wasm's CchReluGrad, TensorFlow's ReluGrad) against tf.relu's on cpu. */
import * as tf from '@tensorflow/tfjs';
import { createRng } from '@cch-lab/core';
import { useBackend } from '../testing-fixtures/backends.js';
import { nativeTestsRun } from '../testing-fixtures/native-suite.js';
import { relu } from './relu.js';

const backends: ('wasm' | 'node')[] = ['wasm', ...((await nativeTestsRun()) ? (['node'] as const) : [])];

function valueAndGradient(x: Float32Array, w: Float32Array, f: (t: tf.Tensor) => tf.Tensor): { value: number[]; grad: number[] } {
  return tf.tidy(() => {
    const input = tf.tensor2d(x, [4, x.length / 4]);
    const weights = tf.tensor2d(w, [4, w.length / 4]);
    const { value, grad } = tf.valueAndGrad((t: tf.Tensor) => tf.sum(tf.mul(f(t), weights)))(input);
    return { value: Array.from(value.dataSync()), grad: Array.from(grad.dataSync()) };
  });
}

const rng = createRng('relu');
const x = Float32Array.from(rng.normals(40));
x[3] = 0;
x[7] = -0;
const w = Float32Array.from(rng.normals(40));

describe.each(backends)('trainers/kernels/relu on %s', (backend) => {
  test('the same value and gradient as tf.relu on cpu, zeros and negatives included', async () => {
    await useBackend('cpu');
    const expected = valueAndGradient(x, w, (t) => tf.relu(t));
    await useBackend(backend);
    const got = valueAndGradient(x, w, relu);
    expect(got.value[0]).toBeCloseTo(expected.value[0], 5);
    // Exactly the same numbers; only the sign of zero may differ (dy · 0 is −0 for negative dy).
    expect(got.grad.map((v) => v + 0)).toEqual(expected.grad.map((v) => v + 0));
  });

  test('its gradient is one kernel, not tfjs Step', async () => {
    await useBackend(backend);
    const input = tf.tensor1d([-1, 2, 0.5]);
    const profile = await tf.profile(() => tf.grad((t: tf.Tensor) => tf.sum(relu(t)))(input));
    expect(profile.kernelNames).not.toContain('Step');
    input.dispose();
  });
});

test('trainers/kernels/relu on cpu is tf.relu itself', async () => {
  await useBackend('cpu');
  const input = tf.tensor1d([-1, 2]);
  const profile = await tf.profile(() => tf.grad((t: tf.Tensor) => tf.sum(relu(t)))(input));
  expect(profile.kernelNames).toContain('Step');
  input.dispose();
});
