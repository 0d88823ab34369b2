import * as tf from '@tensorflow/tfjs';
import { createRng } from '@cch-lab/core';
import { normals, valuesOn } from '../../testing-fixtures/backends.js';

describe('trainers/kernels/wasm/bias-add', () => {
  test('a bias add (the fast path) and other broadcasts (stock) equal cpu exactly', async () => {
    const rng = createRng('bias-add');
    const a = normals(rng, 3 * 5 * 8);
    const b = normals(rng, 8);
    const adds = () => {
      const x = tf.tensor3d(a, [3, 5, 8]);
      const bias = tf.tensor1d(b);
      return [
        tf.add(x, bias), // the SIMD path
        tf.add(x.reshape([15, 8]), bias),
        tf.add(x.reshape([30, 4]), tf.slice(bias, 0, 4)),
        tf.add(x.reshape([24, 5]), tf.slice(bias, 0, 5)), // 5 columns: stock
        tf.add(bias, x), // bias first: stock
        tf.add(x, tf.scalar(2)), // scalar: stock
        tf.add(x, x), // same shape: stock
        tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.add(x, t), x)))(bias),
      ];
    };
    const cpu = await valuesOn('cpu', adds);
    const wasm = await valuesOn('wasm', adds);
    cpu.forEach((expected, i) => Array.from(wasm[i]).forEach((v, j) => expect(v).toBeCloseTo(expected[j], 5)));
    // One float32 addition per element: the fast path is exact.
    expect(Array.from(wasm[0])).toEqual(Array.from(cpu[0]));
  });
});
