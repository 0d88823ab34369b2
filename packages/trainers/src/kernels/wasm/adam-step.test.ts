/**
 * The fused Adam step on wasm against the same optimizer in tfjs ops on wasm (the kernel
 * unregistered): bit-identical over several steps, sizes with and without a SIMD remainder.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng } from '@cch-lab/core';
import { createTfjsOptimizer, type OptimizerOptions } from '../../optimizers.js';
import { useBackend } from '../../testing-fixtures/backends.js';
import { checkpointAcrossOneStep } from '../../testing-fixtures/optimizer-checks.js';
import { registerWasmKernels, restoreWasmKernels } from '../register-wasm.js';
import { ADAM_STEP_KERNEL } from './adam-step.js';

const SHAPES = [[7, 5], [8], [3, 3, 2, 4], [1]];

function trajectory(options: OptimizerOptions, steps = 6): Float32Array[] {
  const rng = createRng('adam-step');
  const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
  const variables = SHAPES.map((s) => tf.tidy(() => tf.variable(tf.tensor(Float32Array.from(rng.normals(size(s))), s))));
  const optimizer = createTfjsOptimizer(options, variables);
  for (let t = 0; t < steps; t++) {
    tf.tidy(() => optimizer.apply(SHAPES.map((s) => tf.tensor(Float32Array.from(rng.normals(size(s))), s)), 0.01 * (1 + t / 10)));
  }
  const values = variables.map((v) => v.dataSync() as Float32Array);
  optimizer.dispose();
  tf.dispose(variables);
  return values;
}

describe('trainers/kernels/wasm/adam-step', () => {
  beforeAll(() => useBackend('wasm'));
  afterAll(() => registerWasmKernels());

  test.each<[string, OptimizerOptions]>([
    ['adam', { name: 'adam' }],
    ['adam with L2 decay', { name: 'adam', weightDecay: 0.1, beta1: 0.8 }],
    ['adamw', { name: 'adamw', weightDecay: 0.05, epsilon: 1e-6 }],
  ])('%s: bit-identical to the tfjs-op formulas, and leaks nothing', (_label, options) => {
    registerWasmKernels();
    expect(tf.getKernel(ADAM_STEP_KERNEL, 'wasm')).toBeDefined();
    const before = tf.memory().numTensors;
    const fused = trajectory(options);
    expect(tf.memory().numTensors).toBe(before);
    restoreWasmKernels([ADAM_STEP_KERNEL]);
    expect(tf.getKernel(ADAM_STEP_KERNEL, 'wasm')).toBeUndefined();
    const ops = trajectory(options);
    fused.forEach((values, i) => expect(Array.from(values)).toEqual(Array.from(ops[i])));
  });

  test('a clone taken before a step (a best-weights checkpoint, which shares the buffer) keeps its values', () => {
    registerWasmKernels();
    expect(checkpointAcrossOneStep(createTfjsOptimizer)).toEqual({ checkpoint: [1, 2, 3], after: [0.9, 2.1, 2.9] });
  });
});
