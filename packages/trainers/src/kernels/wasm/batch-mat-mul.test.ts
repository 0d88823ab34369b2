import * as tf from '@tensorflow/tfjs';
import { createRng, testing } from '@cch-lab/core';
import { registeredWasmKernels } from '../register-wasm.js';
import { maxAbs, normals, valuesOn } from '../../testing-fixtures/backends.js';

/** float32 products of length ≤ 7, other summation order than cpu. */
const RELATIVE_ATOL = 1e-5;

describe('trainers/kernels/wasm/batch-mat-mul', () => {
  test('every transpose combination, 2-d and batched 3-d, matches cpu', async () => {
    const rng = createRng('batch-mat-mul');
    const a2 = normals(rng, 5 * 7);
    const b2 = normals(rng, 7 * 4);
    const a3 = normals(rng, 3 * 5 * 7);
    const b3 = normals(rng, 3 * 7 * 4);
    const products = () => [
      tf.matMul(tf.tensor2d(a2, [5, 7]), tf.tensor2d(b2, [7, 4])),
      tf.matMul(tf.tensor2d(a2, [7, 5]), tf.tensor2d(b2, [7, 4]), true, false),
      tf.matMul(tf.tensor2d(a2, [5, 7]), tf.tensor2d(b2, [4, 7]), false, true),
      tf.matMul(tf.tensor2d(a2, [7, 5]), tf.tensor2d(b2, [4, 7]), true, true),
      tf.matMul(tf.tensor3d(a3, [3, 7, 5]), tf.tensor3d(b3, [3, 4, 7]), true, true),
      tf.matMul(tf.tensor3d(a3, [3, 5, 7]), tf.tensor3d(b3, [3, 4, 7]), false, true),
    ];
    const cpu = await valuesOn('cpu', products);
    const wasm = await valuesOn('wasm', products);
    expect(registeredWasmKernels()).toContain('BatchMatMul');
    cpu.forEach((expected, i) => testing.expectArraysClose(wasm[i], expected, { atol: RELATIVE_ATOL * maxAbs(expected) }, `product ${i}`));
  });
});
