import * as tf from '@tensorflow/tfjs';
import { createRng, testing } from '@cch-lab/core';
import { normals, useBackend, valuesOn } from '../../testing-fixtures/backends.js';

/** Sums of at most a few float32 gradients routed to the same input. */
const ATOL = 1e-6;

type Case = { x: [number, number, number, number]; size: number; stride: number; pad: 'same' | 'valid'; ties: boolean };
const CASES: Case[] = [
  { x: [2, 6, 6, 3], size: 2, stride: 2, pad: 'valid', ties: false },
  { x: [2, 6, 6, 3], size: 2, stride: 2, pad: 'valid', ties: true },
  { x: [1, 7, 5, 2], size: 3, stride: 2, pad: 'same', ties: true },
  { x: [1, 5, 5, 4], size: 3, stride: 1, pad: 'valid', ties: false },
  // Tiled windows with channels in fours: the SIMD kernel (trailing rows and columns included).
  { x: [2, 6, 6, 8], size: 2, stride: 2, pad: 'valid', ties: true },
  { x: [2, 7, 5, 4], size: 2, stride: 2, pad: 'valid', ties: false },
  { x: [1, 9, 9, 12], size: 3, stride: 3, pad: 'valid', ties: true },
];

describe('trainers/kernels/wasm/max-pool-grad', () => {
  beforeAll(() => useBackend('cpu'));

  for (const c of CASES) {
    test(`gradient x=[${c.x}] size ${c.size} stride ${c.stride} ${c.pad}${c.ties ? ', with ties (relu zeros)' : ''} equals cpu`, async () => {
      const rng = createRng(JSON.stringify(c));
      const size = c.x.reduce((a, b) => a * b);
      // With ties, most values are 0 as after a ReLU: whole windows share their maximum.
      const xv = c.ties ? Float32Array.from(normals(rng, size), (v) => Math.max(0, v - 0.8)) : normals(rng, size);
      const outShape = tf.tidy(() => tf.maxPool(tf.zeros(c.x) as tf.Tensor4D, c.size, c.stride, c.pad).shape);
      const wv = normals(rng, outShape.reduce((a, b) => a * b));
      const gradient = () => {
        const w = tf.tensor(wv, outShape);
        return [tf.grad((x: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(x as tf.Tensor4D, c.size, c.stride, c.pad), w)))(tf.tensor4d(xv, c.x))];
      };
      const [cpu] = await valuesOn('cpu', gradient);
      const [wasm] = await valuesOn('wasm', gradient);
      testing.expectArraysClose(wasm, cpu, { atol: ATOL }, 'input gradient');
    });
  }
});
