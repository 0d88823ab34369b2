import * as tf from '@tensorflow/tfjs';
import { valuesOn } from '../../testing-fixtures/backends.js';

describe('trainers/kernels/wasm/gather-v2', () => {
  test('row gathers (repeats, any order) and other axes equal cpu exactly', async () => {
    const values = Float32Array.from({ length: 5 * 3 }, (_, i) => i - 4.25);
    const gathers = () => {
      const x = tf.tensor2d(values, [5, 3]);
      const rows = tf.tensor1d([4, 0, 0, 2], 'int32');
      return [
        tf.gather(x, rows), // axis 0: the copy path
        tf.gather(x, tf.tensor1d([2, 1], 'int32'), 1), // axis 1: the stock path
        tf.gather(tf.tensor1d(Int32Array.from([9, 8, 7]), 'int32'), tf.tensor1d([2, 2, 0], 'int32')),
        tf.gather(x.reshape([5, 1, 3]), rows),
      ];
    };
    const cpu = await valuesOn('cpu', gathers);
    const wasm = await valuesOn('wasm', gathers);
    cpu.forEach((expected, i) => expect(Array.from(wasm[i])).toEqual(Array.from(expected)));
  });

  test('an out-of-range row index throws instead of reading stray memory', async () => {
    await valuesOn('wasm', () => []);
    const before = tf.memory().numTensors;
    expect(() => tf.tidy(() => tf.gather(tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.tensor1d([2], 'int32')))).toThrow(/outside 0..1/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
