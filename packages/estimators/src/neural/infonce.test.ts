import { chooseBackend, createRng, testing } from '@cch-lab/core';
import { estimateMi } from '../registry.js';
import { correlatedGaussianPair } from '../testing-fixtures/gaussian-pairs.js';

/** Short training for a fast test: the bound is loose, so only clear separation is asserted. */
const QUICK = { epochs: 40, learningRate: 3e-3 };
/** InfoNCE on 180 held-out rows of independent data: |value| ≤ 0.1 nats. */
const INDEPENDENT_ATOL = 0.1;

describe('estimators/neural/infonce', () => {
  beforeAll(async () => {
    await chooseBackend({ requested: 'wasm', env: {} });
  });

  it('is clearly positive for dependent data, near 0 for independent data, and reports its ln(batch) ceiling', async () => {
    const dep = correlatedGaussianPair(createRng('nce-dep'), 600, 2, 0.8); // truth 1.02 nats
    const ind = correlatedGaussianPair(createRng('nce-ind'), 600, 2, 0);
    const a = await estimateMi('infonce', dep.x, dep.y, { rng: createRng(1), neural: QUICK });
    const b = await estimateMi('infonce', ind.x, ind.y, { rng: createRng(1), neural: QUICK });
    expect(a.nats).toBeGreaterThan(0.5);
    testing.expectClose(b.nats, 0, { atol: INDEPENDENT_ATOL }, 'independent');
    // 180 held-out rows < batch 256: one evaluation batch of 180, ceiling ln 180.
    expect(a.details).toMatchObject({ evalBatch: 180, atCeiling: false });
    testing.expectClose(a.details?.ceilingNats as number, Math.log(180), { atol: 1e-12 });
    expect(a.nats).toBeLessThanOrEqual(a.details?.ceilingNats as number);
  });

  it('cannot exceed ln(batch) however strong the dependence', async () => {
    // y = x + tiny noise: truth ≈ 7 nats, far above ln 16 ≈ 2.77.
    const { x, y } = correlatedGaussianPair(createRng('nce-ceiling'), 300, 3, 0.9995);
    const e = await estimateMi('infonce', x, y, { rng: createRng(1), neural: { epochs: 30, batchSize: 16, learningRate: 3e-3 } });
    expect(e.nats).toBeLessThanOrEqual(Math.log(16) + 1e-6);
    expect(e.details).toMatchObject({ evalBatch: 16 });
  });

  it('is seeded and leaks no tensors', async () => {
    const { x, y } = correlatedGaussianPair(createRng('nce-seed'), 200, 1, 0.5);
    const run = () => estimateMi('infonce', x, y, { rng: createRng(4), neural: { epochs: 5 } });
    const first = await run();
    expect((await run()).nats).toBe(first.nats);
    await testing.expectNoLeakedTensors(run, 'infonce');
  });
});
