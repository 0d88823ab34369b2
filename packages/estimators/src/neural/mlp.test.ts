import * as tf from '@tensorflow/tfjs';
import { chooseBackend, createRng, testing } from '@cch-lab/core';
import { applyMlp, createMlp, disposeMlps, mlpVariables, restoreVariables, snapshotVariables } from './mlp.js';

describe('estimators/neural/mlp', () => {
  beforeAll(async () => {
    await chooseBackend({ requested: 'wasm', env: {} });
  });

  it('initialises from the seed: same stream, same weights', () => {
    const a = createMlp([3, 5, 1], createRng(1), 'elu');
    const b = createMlp([3, 5, 1], createRng(1), 'elu');
    const c = createMlp([3, 5, 1], createRng(2), 'elu');
    expect(Array.from(a.weights[0].dataSync())).toEqual(Array.from(b.weights[0].dataSync()));
    expect(Array.from(a.weights[0].dataSync())).not.toEqual(Array.from(c.weights[0].dataSync()));
    disposeMlps(a, b, c);
  });

  it('restores a snapshot of the weights exactly (LMI keeps its best epoch this way)', () => {
    const m = createMlp([2, 4, 1], createRng(3), 'leakyRelu', true);
    const vars = mlpVariables(m);
    const before = vars.map((v) => Array.from(v.dataSync()));
    const snapshot = snapshotVariables(vars);
    for (const v of vars) v.assign(tf.tidy(() => tf.add(v, 1)));
    expect(Array.from(vars[0].dataSync())).not.toEqual(before[0]);
    restoreVariables(vars, snapshot);
    vars.forEach((v, i) => expect(Array.from(v.dataSync())).toEqual(before[i]));
    const out = tf.tidy(() => applyMlp(m, tf.ones([5, 2]) as tf.Tensor2D));
    expect(out.shape).toEqual([5, 1]);
    out.dispose();
    disposeMlps(m);
  });

  it('leaks no tensors when created, applied and disposed', async () => {
    await testing.expectNoLeakedTensors(() => {
      const m = createMlp([2, 3, 1], createRng(4), 'elu');
      tf.dispose(tf.tidy(() => applyMlp(m, tf.ones([2, 2]) as tf.Tensor2D, { rate: 0.5, seed: 1 })));
      disposeMlps(m);
    }, 'mlp');
  });
});
