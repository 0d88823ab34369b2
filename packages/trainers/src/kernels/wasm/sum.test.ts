import * as tf from '@tensorflow/tfjs';
import { createRng, testing } from '@cch-lab/core';
import { normals, valuesOn } from '../../testing-fixtures/backends.js';

describe('trainers/kernels/wasm/sum', () => {
  test('sums over leading axes (the fast path) and others (stock) equal cpu', async () => {
    const values = normals(createRng('sum'), 5 * 4 * 3 * 8);
    const sums = () => {
      const x = tf.tensor4d(values, [5, 4, 3, 8]);
      return [
        tf.sum(x, [0, 1, 2]), // a conv bias gradient: the SIMD path
        tf.sum(x, [0, 1, 2], true),
        tf.sum(x.reshape([60, 8]), 0), // a dense bias gradient
        tf.sum(x, [1, 0]), // unordered leading axes (3 × 8 kept)
        tf.sum(x.reshape([40, 12]), 0),
        tf.sum(x.reshape([96, 5]), 0), // 5 columns: stock
        tf.sum(x, [1, 2]), // not leading: stock
        tf.sum(x), // everything: stock
        tf.sum(x, -1),
      ];
    };
    const cpu = await valuesOn('cpu', sums);
    const wasm = await valuesOn('wasm', sums);
    cpu.forEach((expected, i) => testing.expectArraysClose(wasm[i], expected, { atol: 1e-5 }, `sum ${i}`));
    const shapes = await (async () => {
      const x = tf.zeros([5, 4, 3, 8]);
      const s = [tf.sum(x, [0, 1, 2], true).shape, tf.sum(x, [0, 1]).shape];
      x.dispose();
      return s;
    })();
    expect(shapes).toEqual([[1, 1, 1, 8], [3, 8]]);
  });
});
