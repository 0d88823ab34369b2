/** ReLU with TensorFlow's ReluGrad (native backend only) against tf.relu's gradient on cpu. */
import * as tf from '@tensorflow/tfjs';
import { createRng, testing } from '@cch-lab/core';
import { useBackend } from '../../testing-fixtures/backends.js';
import { nativeTestsRun } from '../../testing-fixtures/native-suite.js';
import { relu } from './native-relu.js';

const run = await nativeTestsRun();

function valueAndGradient(x: Float32Array, dy: Float32Array, f: (t: tf.Tensor) => tf.Tensor): [number[], number[]] {
  return tf.tidy(() => {
    const input = tf.tensor2d(x, [4, x.length / 4]);
    const weights = tf.tensor2d(dy, [4, dy.length / 4]);
    const { value, grad } = tf.valueAndGrad((t: tf.Tensor) => tf.sum(tf.mul(f(t), weights)))(input);
    return [Array.from(value.dataSync()), Array.from(grad.dataSync())];
  });
}

(run ? describe : describe.skip)('trainers/kernels/native: relu', () => {
  test('same value and gradient as tf.relu, zeros and negatives included', async () => {
    const rng = createRng('relu');
    const x = Float32Array.from(rng.normals(40));
    x[3] = 0;
    x[7] = -0;
    const dy = Float32Array.from(rng.normals(40));
    await useBackend('cpu');
    const [expectedValue, expectedGrad] = valueAndGradient(x, dy, (t) => tf.relu(t));
    await useBackend('node');
    const [value, grad] = valueAndGradient(x, dy, relu);
    testing.expectArraysClose(value, expectedValue, { rtol: 1e-6 });
    expect(grad).toEqual(expectedGrad);
  });

  test('on other backends it is tf.relu itself', async () => {
    await useBackend('cpu');
    const x = tf.tensor1d([-1, 2]);
    const y = relu(x);
    expect(Array.from(y.dataSync())).toEqual([0, 2]);
    tf.dispose([x, y]);
  });
});
