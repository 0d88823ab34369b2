import * as tf from '@tensorflow/tfjs';
import { chooseBackend, createRng, testing } from '@cch-lab/core';
import { estimateMi } from '../registry.js';
import { mineBatchLoss } from './mine.js';
import { correlatedGaussianPair } from '../testing-fixtures/gaussian-pairs.js';

/** Short training for a fast test: the bound is loose, so only clear separation is asserted. */
const QUICK = { epochs: 40, learningRate: 3e-3 };
/** Held-out DV on 180 rows of independent data: |value| ≤ 0.1 nats (the critic cannot overfit the held-out rows). */
const INDEPENDENT_ATOL = 0.1;
/** Gradients of O(0.1–0.4) computed in float32 (≈ 1e-7 relative). */
const FLOAT32_ATOL = 1e-6;

describe('estimators/neural/mine', () => {
  beforeAll(async () => {
    await chooseBackend({ requested: 'wasm', env: {} });
  });

  it('is clearly positive for dependent data and near 0 for independent data', async () => {
    const dep = correlatedGaussianPair(createRng('mine-dep'), 600, 2, 0.8); // truth 1.02 nats
    const ind = correlatedGaussianPair(createRng('mine-ind'), 600, 2, 0);
    const a = await estimateMi('mine', dep.x, dep.y, { rng: createRng(1), neural: QUICK });
    const b = await estimateMi('mine', ind.x, ind.y, { rng: createRng(1), neural: QUICK });
    expect(a.nats).toBeGreaterThan(0.5);
    expect(a.nats).toBeLessThan(dep.truth + 0.1); // a lower bound, up to held-out noise
    testing.expectClose(b.nats, 0, { atol: INDEPENDENT_ATOL }, 'independent');
    expect(a.details).toMatchObject({ backend: 'wasm', epochs: 40, heldOutRows: 180 });
  });

  it('corrects the gradient of ln E[e^T] with the moving average, not the minibatch mean', () => {
    const joint = tf.tensor1d([0.3, -0.2, 0.5, 0.1]);
    const marginalValues = [0.4, -1.0, 0.2, 1.5];
    const ema = 3; // far from this batch's mean of e^T (≈ 1.77), as early in training
    const [gJoint, gMarginal] = tf.grads((j: tf.Tensor, m: tf.Tensor) => mineBatchLoss(j, m, ema))([joint, tf.tensor1d(marginalValues)]);
    const b = marginalValues.length;
    // −∂DV/∂T_marginal,i with E[e^T] taken from the average: e^{T_i} / (B · ema). The plain
    // minibatch gradient would be e^{T_i} / Σ_j e^{T_j}.
    const expected = marginalValues.map((t) => Math.exp(t) / (b * ema));
    testing.expectArraysClose(gMarginal.dataSync(), expected, { atol: FLOAT32_ATOL }, 'marginal gradient');
    testing.expectArraysClose(gJoint.dataSync(), [-1 / b, -1 / b, -1 / b, -1 / b], { atol: FLOAT32_ATOL }, 'joint gradient');
    tf.dispose([joint, gJoint, gMarginal]);
  });

  it('is seeded and leaks no tensors', async () => {
    const { x, y } = correlatedGaussianPair(createRng('mine-seed'), 200, 1, 0.5);
    const run = () => estimateMi('mine', x, y, { rng: createRng(4), neural: { epochs: 5 } });
    const first = await run();
    expect((await run()).nats).toBe(first.nats);
    await testing.expectNoLeakedTensors(run, 'mine');
  });

  it('takes class labels in its discrete form', async () => {
    const rng = createRng('mine-labels');
    const { x } = correlatedGaussianPair(rng, 400, 1, 0);
    const labels = Int32Array.from(x.data, (v) => (v > 0.5 ? 2 : v > -0.5 ? 1 : 0));
    const e = await estimateMi('mine', x, labels, { rng: createRng(1), neural: QUICK });
    expect(e.dims).toEqual([1, 1]);
    expect(e.details).toMatchObject({ labelsAs: '3 indicator columns' });
    expect(e.nats).toBeGreaterThan(0.4); // truth H(Y) ≈ 1.09 nats (y is a function of x)
  });
});
