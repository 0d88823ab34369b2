import * as tf from '@tensorflow/tfjs';
import { createRng, testing } from '@cch-lab/core';
import { registerWasmKernels, restoreWasmKernels } from '../register-wasm.js';
import { maxAbs, normals, useBackend, valuesOn } from '../../testing-fixtures/backends.js';

/** float32 kernel against the cpu kernel: summation order differs, ~1e-6 of the magnitude. */
const RELATIVE_ATOL = 1e-5;

type Case = { x: [number, number, number, number]; f: [number, number, number, number]; stride: number; pad: 'same' | 'valid' };
const CASES: Case[] = [
  { x: [2, 6, 6, 3], f: [3, 3, 3, 4], stride: 1, pad: 'same' },
  { x: [2, 6, 6, 3], f: [3, 3, 3, 4], stride: 1, pad: 'valid' },
  { x: [2, 6, 6, 3], f: [3, 3, 3, 4], stride: 2, pad: 'same' },
  { x: [2, 6, 6, 3], f: [3, 3, 3, 4], stride: 2, pad: 'valid' },
  { x: [2, 7, 5, 3], f: [3, 2, 3, 4], stride: 2, pad: 'valid' },
  { x: [1, 8, 8, 2], f: [5, 5, 2, 3], stride: 1, pad: 'same' },
  // Stride 1, output channels in eights: the SIMD kernel (input channels 3, 4, 5, 8: blocks of 4
  // with and without a remainder; same and valid padding; a non-square filter).
  { x: [2, 6, 6, 3], f: [3, 3, 3, 8], stride: 1, pad: 'same' },
  { x: [2, 6, 5, 8], f: [3, 3, 8, 16], stride: 1, pad: 'valid' },
  { x: [3, 5, 7, 5], f: [3, 2, 5, 8], stride: 1, pad: 'same' },
  { x: [1, 9, 9, 4], f: [5, 5, 4, 24], stride: 1, pad: 'same' },
  { x: [1, 3, 3, 4], f: [5, 5, 4, 8], stride: 1, pad: 'same' },
];

describe('trainers/kernels/wasm/conv2d-backprop-filter', () => {
  beforeAll(() => useBackend('cpu'));

  for (const c of CASES) {
    const label = `gradient x=[${c.x}] f=[${c.f}] s=${c.stride} p=${c.pad}`;
    test(`${label}: wasm matches cpu for the filter and the input`, async () => {
      const rng = createRng(label);
      const xv = normals(rng, c.x.reduce((a, b) => a * b));
      const fv = normals(rng, c.f.reduce((a, b) => a * b));
      const outShape = tf.tidy(() => tf.conv2d(tf.zeros(c.x) as tf.Tensor4D, tf.zeros(c.f) as tf.Tensor4D, c.stride, c.pad).shape);
      const wv = normals(rng, outShape.reduce((a, b) => a * b));
      const gradients = () => {
        const x = tf.tensor4d(xv, c.x);
        const f = tf.tensor4d(fv, c.f);
        const w = tf.tensor(wv, outShape);
        const g = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad), w)));
        return g([x, f]);
      };
      const [dxCpu, dfCpu] = await valuesOn('cpu', gradients);
      const [dxWasm, dfWasm] = await valuesOn('wasm', gradients);
      testing.expectArraysClose(dfWasm, dfCpu, { atol: RELATIVE_ATOL * maxAbs(dfCpu) }, 'filter gradient');
      testing.expectArraysClose(dxWasm, dxCpu, { atol: RELATIVE_ATOL * maxAbs(dxCpu) }, 'input gradient');
    });
  }

  test('the stock wasm backend has no filter gradient (why this kernel exists)', async () => {
    await valuesOn('wasm', () => []);
    restoreWasmKernels();
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined();
    registerWasmKernels();
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
  });
});
