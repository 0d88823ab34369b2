import * as tf from '@tensorflow/tfjs';
import { UnknownMethodError, createRng } from '@cch-lab/core';
import { benchTrain, formatRow } from './bench-train.js';
import { registeredWasmKernels, WASM_KERNEL_NAMES } from '../kernels/register-wasm.js';
import { useBackend } from '../testing-fixtures/backends.js';

describe('trainers/bench/bench-train', () => {
  test('a tiny run gives one row per model and backend, with the model.fit baseline, and restores the backend', async () => {
    await useBackend('cpu');
    const rows = await benchTrain({ backends: ['wasm'], models: ['mlp', 'cnn'], samples: 192, batchSize: 64, rng: createRng(1) });
    expect(rows.map((r) => [r.model, r.backend])).toEqual([['mlp', 'wasm'], ['cnn', 'wasm']]);
    for (const r of rows) {
      expect(r.epoch_seconds).toBeGreaterThan(0);
      expect(r.baseline_seconds).toBeGreaterThan(0);
      expect(r.speedup).toBeCloseTo(r.baseline_seconds! / r.epoch_seconds, 10);
      expect(formatRow(r)).toMatch(new RegExp(`^${r.model}\\s+wasm\\s+[0-9.e-]+ s/epoch  \\(model.fit`));
    }
    expect(tf.getBackend()).toBe('cpu');
    // The baseline ran on stock kernels; the replacements are back afterwards.
    await useBackend('wasm');
    expect(registeredWasmKernels()).toEqual([...WASM_KERNEL_NAMES]);
  });

  test('unknown model or backend names are typed errors', async () => {
    await expect(benchTrain({ models: ['resnet'], rng: createRng(1) })).rejects.toThrow(UnknownMethodError);
    await expect(benchTrain({ backends: ['webgpu'], rng: createRng(1) })).rejects.toThrow(/node-gpu, node, wasm, cpu/);
  });
});
