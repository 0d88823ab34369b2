import * as tf from '@tensorflow/tfjs';
import { valuesOn } from '../../testing-fixtures/backends.js';

describe('trainers/kernels/wasm/slice', () => {
  test('contiguous and strided slices equal cpu exactly, float32 and int32', async () => {
    const values = Float32Array.from({ length: 6 * 4 * 3 }, (_, i) => i * 0.5 - 7);
    const slices = () => {
      const x = tf.tensor3d(values, [6, 4, 3]);
      return [
        tf.slice(x, [2, 0, 0], [3, 4, 3]), // whole rows: the heap-view path
        tf.slice(x, [1, 1, 0], [2, 2, 3]), // not contiguous: the stock path
        tf.slice(tf.tensor1d(Int32Array.from([5, 6, 7, 8]), 'int32'), [1], [2]),
        tf.slice(x.reshape([24, 3]), [23, 0], [1, 3]),
      ];
    };
    const cpu = await valuesOn('cpu', slices);
    const wasm = await valuesOn('wasm', slices);
    cpu.forEach((expected, i) => expect(Array.from(wasm[i])).toEqual(Array.from(expected)));
  });
});
