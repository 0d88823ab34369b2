import * as tf from '@tensorflow/tfjs';
import { UnknownMethodError } from '@cch-lab/core';
import { WASM_KERNEL_NAMES, registerWasmKernels, registeredWasmKernels, restoreWasmKernels } from './register-wasm.js';
import { useBackend } from '../testing-fixtures/backends.js';

describe('trainers/kernels/register-wasm', () => {
  beforeAll(() => useBackend('wasm'));

  test('registration is idempotent and restore brings the stock kernels back', () => {
    restoreWasmKernels();
    expect(registeredWasmKernels()).toEqual([]);
    const stockMatMul = tf.getKernel('BatchMatMul', 'wasm');
    expect(registerWasmKernels()).toEqual([...WASM_KERNEL_NAMES]);
    expect(registerWasmKernels()).toEqual([]);
    expect(tf.getKernel('BatchMatMul', 'wasm')).not.toBe(stockMatMul);
    expect(restoreWasmKernels(['BatchMatMul'])).toEqual(['BatchMatMul']);
    expect(tf.getKernel('BatchMatMul', 'wasm')).toBe(stockMatMul);
    expect(registerWasmKernels(['BatchMatMul'])).toEqual(['BatchMatMul']);
    expect(registeredWasmKernels()).toEqual([...WASM_KERNEL_NAMES]);
  });

  test('an unknown kernel name lists the valid ones', () => {
    expect(() => registerWasmKernels(['Conv3D'])).toThrow(UnknownMethodError);
    expect(() => registerWasmKernels(['Conv3D'])).toThrow(/BatchMatMul/);
  });
});
