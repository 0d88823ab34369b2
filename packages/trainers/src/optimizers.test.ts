import * as tf from '@tensorflow/tfjs';
import { UnknownMethodError, testing } from '@cch-lab/core';
import { createOptimizer, resolveOptimizerOptions } from './optimizers.js';
import { useBackend } from './testing-fixtures/backends.js';

/** float32 arithmetic of a few ops against float64 hand values. */
const F32 = { rtol: 1e-6, atol: 1e-7 };

/** Runs `steps` updates of θ (starting at `theta0`) with constant gradients `g`, returns θ. */
function run(options: Parameters<typeof createOptimizer>[0], theta0: number[], g: number[], steps: number, lr: number): Float32Array {
  const theta = tf.variable(tf.tensor1d(theta0));
  const opt = createOptimizer(options, [theta]);
  for (let t = 0; t < steps; t++) tf.tidy(() => opt.apply([tf.tensor1d(g)], lr));
  const out = theta.dataSync() as Float32Array;
  opt.dispose();
  theta.dispose();
  return out;
}

describe('trainers/optimizers', () => {
  beforeAll(() => useBackend('cpu'));

  test('SGD with momentum: b₁ = g, b₂ = μg + g (torch.optim.SGD)', () => {
    // θ0 = 1, g = 0.5, lr 0.1, μ 0.9: θ1 = 1 − 0.05 = 0.95; b2 = 0.95 → θ2 = 0.95 − 0.095 = 0.855
    testing.expectArraysClose(run({ name: 'sgd', momentum: 0.9 }, [1], [0.5], 2, 0.1), [0.855], F32);
    // L2 weight decay adds λθ to g: g' = 0.5 + 0.1·1 = 0.6 → θ1 = 1 − 0.06
    testing.expectArraysClose(run({ name: 'sgd', weightDecay: 0.1 }, [1], [0.5], 1, 0.1), [0.94], F32);
  });

  test('Adam: the first step moves every coordinate by ≈ lr·sign(g)', () => {
    // m̂ = g, v̂ = g² → step lr·g/(|g| + ε)
    const theta = run({ name: 'adam' }, [1, -2], [0.3, -4], 1, 0.01);
    testing.expectArraysClose(theta, [1 - 0.01 * (0.3 / (0.3 + 1e-8)), -2 + 0.01 * (4 / (4 + 1e-8))], F32);
  });

  test('Adam: two steps by hand, with bias correction', () => {
    const [b1, b2, lr, eps, g] = [0.9, 0.999, 0.1, 1e-8, 2];
    let theta = 1;
    let m = 0;
    let v = 0;
    for (let t = 1; t <= 2; t++) {
      m = b1 * m + (1 - b1) * g;
      v = b2 * v + (1 - b2) * g * g;
      theta -= ((lr / (1 - b1 ** t)) * m) / (Math.sqrt(v) / Math.sqrt(1 - b2 ** t) + eps);
    }
    testing.expectArraysClose(run({ name: 'adam' }, [1], [g], 2, lr), [theta], F32);
  });

  test('AdamW: decoupled decay lr·λ·θ_{t−1} beside the Adam step; Adam with λ couples it into g', () => {
    const lr = 0.01;
    const lambda = 0.5;
    const adamStep = 1 - run({ name: 'adam' }, [1], [0.3], 1, lr)[0];
    testing.expectArraysClose(run({ name: 'adamw', weightDecay: lambda }, [1], [0.3], 1, lr), [1 - adamStep - lr * lambda * 1], F32);
    // Coupled L2 changes g but the first Adam step is still ≈ lr (sign only): no separate decay.
    testing.expectArraysClose(run({ name: 'adam', weightDecay: lambda }, [1], [0.3], 1, lr), [1 - lr], F32);
  });

  test('defaults per name, and typed errors', () => {
    expect(resolveOptimizerOptions({ name: 'sgd' }).learningRate).toBe(0.01);
    expect(resolveOptimizerOptions({ name: 'adamw' }).weightDecay).toBe(0.01);
    expect(resolveOptimizerOptions().name).toBe('adam');
    expect(() => resolveOptimizerOptions({ name: 'rmsprop' as 'adam' })).toThrow(UnknownMethodError);
    expect(() => resolveOptimizerOptions({ name: 'rmsprop' as 'adam' })).toThrow(/adam, sgd, adamw/);
    expect(() => resolveOptimizerOptions({ learningRate: -1 })).toThrow(/optimizer.learningRate/);
  });

  test('dispose frees the optimizer state', () => {
    const theta = tf.variable(tf.zeros([3]));
    const before = tf.memory().numTensors;
    const opt = createOptimizer({ name: 'adam' }, [theta]);
    tf.tidy(() => opt.apply([tf.ones([3])], 0.1));
    opt.dispose();
    expect(tf.memory().numTensors).toBe(before);
    theta.dispose();
  });
});
