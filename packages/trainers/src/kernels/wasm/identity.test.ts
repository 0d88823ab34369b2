import * as tf from '@tensorflow/tfjs';
import { useBackend, valuesOn } from '../../testing-fixtures/backends.js';

describe('trainers/kernels/wasm/identity', () => {
  test('a clone shares the buffer, keeps its values after the original is freed, and leaks nothing', async () => {
    await useBackend('wasm');
    const before = tf.memory().numTensors;
    const x = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    const y = tf.clone(x);
    expect(y.dataId).toBe(x.dataId);
    x.dispose();
    expect(Array.from(y.dataSync())).toEqual([1, 2, 3, 4]);
    y.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  test('gradients through ops that save their inputs equal cpu', async () => {
    const f = () => {
      const x = tf.tensor2d([0.5, -1, 2, 3, -0.25, 1.5], [2, 3]);
      return [tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.exp(t), tf.square(t))))(x)];
    };
    const [cpu] = await valuesOn('cpu', f);
    const [wasm] = await valuesOn('wasm', f);
    Array.from(wasm).forEach((v, i) => expect(v).toBeCloseTo(cpu[i], 5));
  });
});
