import { chooseBackend, createRng, testing } from '@cch-lab/core';
import { estimateMi } from '../registry.js';
import { correlatedGaussianPair, lmiDemoData } from '../testing-fixtures/gaussian-pairs.js';
import { lmiHiddenUnits } from './neural-defaults.js';

/** Faster than the reference settings (lr 1e-4, 300 epochs) so the test stays short. */
const QUICK = { epochs: 60, learningRate: 1e-3, batchSize: 128 };
/** KSG-1 on 300 validation latents of independent data: null sd ≈ 0.04 nats; 3 sd. */
const INDEPENDENT_ATOL = 0.12;

describe('estimators/neural/latent-mi', () => {
  beforeAll(async () => {
    await chooseBackend({ requested: 'wasm', env: {} });
  });

  it('recovers dependence hidden in a linear projection and is near 0 for independent data', async () => {
    // The LMI demo's structure at small scale: a 2-d Gaussian projected to 10 + 10 dims.
    const { x, y, truthBits } = lmiDemoData(createRng('lmi-demo-small'), 600, 10, 10);
    const a = await estimateMi('lmi', x, y, { rng: createRng(1), neural: QUICK });
    expect(a.bits).toBeGreaterThan(0.5 * truthBits);
    const ind = correlatedGaussianPair(createRng('lmi-ind'), 600, 4, 0);
    const b = await estimateMi('lmi', ind.x, ind.y, { rng: createRng(1), neural: QUICK });
    testing.expectClose(b.nats, 0, { atol: INDEPENDENT_ATOL }, 'independent');
    expect(a.details).toMatchObject({ latentSize: 8, validationRows: 300, ksgOn: 'validation latents (KSG-1)' });
  });

  it('stops early, keeps the best epoch, and takes the latent size as an option', async () => {
    const { x, y } = correlatedGaussianPair(createRng('lmi-stop'), 300, 3, 0.6);
    const e = await estimateMi('lmi', x, y, { rng: createRng(2), neural: { epochs: 400, patience: 3, learningRate: 3e-2, latentSize: 4 } });
    const d = e.details as {
      epochsRun: number;
      bestEpoch: number;
      stoppedEarly: boolean;
      latentSize: number;
      bestValidationLoss: number;
      lastValidationLoss: number;
      restoredValidationLoss: number;
    };
    expect(d.stoppedEarly).toBe(true);
    expect(d.epochsRun).toBe(d.bestEpoch + 3);
    // The encoders that made the latents are the best epoch's, not the last one's.
    expect(d.lastValidationLoss).toBeGreaterThan(d.bestValidationLoss);
    expect(d.restoredValidationLoss).toBe(d.bestValidationLoss);
    expect(d.latentSize).toBe(4);
  });

  it('sizes hidden layers from the dimension, is seeded, leaks nothing, and refuses labels', async () => {
    expect([1, 50, 100, 600].map(lmiHiddenUnits)).toEqual([32, 128, 256, 1024]);
    const { x, y } = correlatedGaussianPair(createRng('lmi-seed'), 120, 2, 0.5);
    const run = () => estimateMi('lmi', x, y, { rng: createRng(4), neural: { epochs: 3 } });
    const first = await run();
    expect((await run()).nats).toBe(first.nats);
    await testing.expectNoLeakedTensors(run, 'lmi');
    await expect(estimateMi('lmi', x, Int32Array.from({ length: 120 }, (_, i) => i % 2))).rejects.toThrow(/continuous/);
  });
});
