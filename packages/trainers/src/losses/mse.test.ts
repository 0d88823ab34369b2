import * as tf from '@tensorflow/tfjs';
import { testing } from '@cch-lab/core';
import { squaredErrorPerSample } from './mse.js';
import { weightedMean } from './weighted-mean.js';
import { useBackend } from '../testing-fixtures/backends.js';

const F32 = { rtol: 1e-6 };

describe('trainers/losses/mse', () => {
  beforeAll(() => useBackend('cpu'));
  test('per-row mean of squared errors, and the weighted batch mean Σwl/Σw', () => {
    const [rows, weighted] = tf.tidy(() => {
      const l = squaredErrorPerSample(tf.tensor2d([[1, 2], [0, 0]]), tf.tensor2d([[0, 0], [3, 1]]));
      return [l.dataSync(), weightedMean(l, tf.tensor1d([1, 3])).dataSync()];
    });
    testing.expectArraysClose(rows, [2.5, 5], F32);
    testing.expectArraysClose(weighted, [(2.5 + 15) / 4], F32);
  });
});
