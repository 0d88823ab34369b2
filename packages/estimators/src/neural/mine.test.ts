import { chooseBackend, createRng, testing } from '@cch-lab/core';
import { estimateMi } from '../registry.js';
import { correlatedGaussianPair } from '../testing-fixtures/gaussian-pairs.js';

/** Short training for a fast test: the bound is loose, so only clear separation is asserted. */
const QUICK = { epochs: 40, learningRate: 3e-3 };
/** Held-out DV on 180 rows of independent data: |value| ≤ 0.1 nats (the critic cannot overfit the held-out rows). */
const INDEPENDENT_ATOL = 0.1;

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
