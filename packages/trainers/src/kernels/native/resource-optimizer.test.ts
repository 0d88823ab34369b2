/**
 * The fused-kernel optimizers (native backend only) against the same optimizers in tfjs ops on the
 * same backend: five steps from the same start with the same gradients agree to float32 rounding,
 * and disposing frees TensorFlow's resource variables.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, testing } from '@cch-lab/core';
import { createTfjsOptimizer, createOptimizer, type OptimizerOptions } from '../../optimizers.js';
import { useBackend } from '../../testing-fixtures/backends.js';
import { nativeTestsRun } from '../../testing-fixtures/native-suite.js';
import { checkpointAcrossOneStep } from '../../testing-fixtures/optimizer-checks.js';
import { destroyResourceVariable, liveResourceVariables, readVariable, resourceVariable } from './resource-optimizer.js';
import { nativeBackend } from './tf-raw-ops.js';

const run = await nativeTestsRun();
const SHAPES = [[7, 5], [5], [3, 3, 2, 4]];

/** The variables after `steps` updates, and how many resource variables the optimizer made. */
function trajectory(make: typeof createOptimizer, options: OptimizerOptions, steps = 5): { values: Float32Array[]; resources: number } {
  const rng = createRng('optimizer-start');
  const variables = SHAPES.map((s) => tf.tidy(() => tf.variable(tf.tensor(Float32Array.from(rng.normals(s.reduce((a, b) => a * b, 1))), s))));
  const before = liveResourceVariables();
  const optimizer = make(options, variables);
  const resources = liveResourceVariables() - before;
  const grads = createRng('optimizer-grads');
  for (let t = 0; t < steps; t++) {
    tf.tidy(() => optimizer.apply(SHAPES.map((s) => tf.tensor(Float32Array.from(grads.normals(s.reduce((a, b) => a * b, 1))), s)), 0.01 * (1 + t / 10)));
  }
  const values = variables.map((v) => v.dataSync() as Float32Array);
  optimizer.dispose();
  tf.dispose(variables);
  return { values, resources };
}

(run ? describe : describe.skip)('trainers/kernels/native: fused optimizer updates', () => {
  beforeAll(() => useBackend('node'));

  test('the native backend is active and offers raw ops', () => {
    expect(nativeBackend()).toBeDefined();
  });

  test.each<[string, OptimizerOptions]>([
    ['adam', { name: 'adam' }],
    ['adam with L2 decay', { name: 'adam', weightDecay: 0.1, beta1: 0.8 }],
    ['adamw', { name: 'adamw', weightDecay: 0.05 }],
    ['sgd', { name: 'sgd' }],
    ['sgd with momentum and L2 decay', { name: 'sgd', momentum: 0.9, weightDecay: 0.01 }],
  ])('%s: ResourceApply* agrees with the tfjs-op formulas', (_label, options) => {
    const fused = trajectory(createOptimizer, options);
    const ops = trajectory(createTfjsOptimizer, options);
    fused.values.forEach((values, i) => testing.expectArraysClose(values, ops.values[i], { rtol: 1e-5, atol: 1e-6 }));
    // The fused path really ran: a twin per variable (plus moment buffers); none for the op path.
    expect(fused.resources).toBeGreaterThanOrEqual(SHAPES.length);
    expect(ops.resources).toBe(0);
  });

  test('dispose() destroys the resource variables and leaves no tensors behind', async () => {
    const before = liveResourceVariables();
    await testing.expectNoLeakedTensors(async () => {
      trajectory(createOptimizer, { name: 'adam' }, 2);
    }, 'fused adam');
    expect(liveResourceVariables()).toBe(before);
  });

  test('a clone taken before a step (a best-weights checkpoint) keeps its values', () => {
    expect(checkpointAcrossOneStep(createOptimizer)).toEqual({ checkpoint: [1, 2, 3], after: [0.9, 2.1, 2.9] });
  });

  test('a destroyed resource variable is gone from TensorFlow', () => {
    const backend = nativeBackend()!;
    const value = tf.tensor1d([1, 2, 3]);
    const handle = resourceVariable(backend, value);
    const read = readVariable(backend, handle);
    expect(Array.from(read.dataSync())).toEqual([1, 2, 3]);
    // The handle tensor is freed with the variable; a copy of its bytes still names the resource.
    const stale = tf.keep(tf.clone(handle));
    destroyResourceVariable(backend, handle);
    expect(() => readVariable(backend, stale)).toThrow(/not found|does not exist|uninitialized/i);
    tf.dispose([value, read, stale]);
  });
});
