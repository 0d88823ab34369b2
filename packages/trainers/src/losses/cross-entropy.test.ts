import * as tf from '@tensorflow/tfjs';
import { testing } from '@cch-lab/core';
import { crossEntropyPerSample } from './cross-entropy.js';
import { useBackend } from '../testing-fixtures/backends.js';

/** tfjs float32 op results. */
const F32 = { rtol: 1e-5, atol: 1e-6 };

describe('trainers/losses/cross-entropy', () => {
  beforeAll(() => useBackend('cpu'));
  test('hand-computed −log softmax of the true class, per row', () => {
    const logits = [
      [1, 2, 3],
      [0, 0, 0],
    ];
    const ce = tf.tidy(() => crossEntropyPerSample(tf.tensor2d(logits), tf.tensor2d([[0, 0, 1], [1, 0, 0]])).dataSync());
    const lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
    testing.expectArraysClose(ce, [lse - 3, Math.log(3)], F32);
  });
});
