/**
 * The neural estimators (MINE, InfoNCE, LMI) on every backend that loads here, one suite per
 * backend (as tfjs tests its backends): the same seed gives the same bits, each still separates
 * dependent from independent data, and a run on the native backend (tfjs-node, `npm run
 * setup:native`) agrees with the same run on wasm within CROSS_BACKEND_NATS. Where tfjs-node does
 * not load the whole file is skipped (the estimators' own tests cover wasm), except under
 * CCH_EXPECT_NATIVE=1 (CI after a successful setup:native), where it must load.
 *
 * Tolerance: float32 kernels sum in different orders on the two backends (≈ 1e-7 relative a step),
 * and Adam carries that through the epochs below; measured here (TensorFlow 2.21 with oneDNN and
 * the native one-run steps, tfjs-wasm 4.22): MINE 1.6e-6 nats apart (2e-7 on independent data),
 * InfoNCE 4.2e-6 (2.4e-7). LMI's estimate is KSG on its latents, whose neighbour counts are
 * discrete: 2.8e-5 and 1.4e-5 apart (a flipped count moves a 300-row estimate by about
 * 1/(300·n_x)), so it gets a tolerance of a few hundred flips, LMI_CROSS_BACKEND_NATS.
 */
import { chooseBackend, createRng, probeBackend, testing, type Matrix } from '@cch-lab/core';
import type { EstimatorName } from '../types.js';
import { estimateMi } from '../registry.js';
import { correlatedGaussianPair, lmiDemoData } from '../testing-fixtures/gaussian-pairs.js';

const nativeRuns = (await probeBackend('node')).available || process.env.CCH_EXPECT_NATIVE === '1';
if (!nativeRuns) console.warn('neural estimators parity: tfjs-node does not load here (npm run setup:native builds it); skipped');

const CROSS_BACKEND_NATS = 1e-4;
const LMI_CROSS_BACKEND_NATS = 0.01;
/** Held-out estimates on independent data: the estimators' own tests' bounds (MINE, InfoNCE 0.1; LMI's KSG on 300 latents 0.12). */
const INDEPENDENT_ATOL: Record<Neural, number> = { mine: 0.1, infonce: 0.1, lmi: 0.12 };

type Neural = Extract<EstimatorName, 'mine' | 'infonce' | 'lmi'>;
const SETTINGS: Record<Neural, { epochs: number; learningRate: number; batchSize?: number }> = {
  mine: { epochs: 40, learningRate: 3e-3 },
  infonce: { epochs: 40, learningRate: 3e-3 },
  lmi: { epochs: 30, learningRate: 2e-3, batchSize: 128 },
};
const METHODS = Object.keys(SETTINGS) as Neural[];

const dependent = { mine: correlatedGaussianPair(createRng('parity-dep'), 600, 2, 0.8), lmi: lmiDemoData(createRng('parity-lmi'), 600, 10, 10) };
const independent = correlatedGaussianPair(createRng('parity-ind'), 600, 2, 0);

async function estimate(method: Neural, data: { x: Matrix; y: Matrix }): Promise<number> {
  return (await estimateMi(method, data.x, data.y, { rng: createRng(1), neural: SETTINGS[method] })).nats;
}

const dependentOf = (method: Neural) => (method === 'lmi' ? dependent.lmi : dependent.mine);
/** Clearly dependent: half the truth (MINE and InfoNCE: 1.02 nats; LMI: its demo's, in nats). */
const clearlyAbove = (method: Neural) => 0.5 * (method === 'lmi' ? dependent.lmi.truthBits * Math.LN2 : dependent.mine.truth);
/** Every estimate of a backend's suite, kept for the cross-backend comparison. */
const estimates = new Map<string, number>();

(nativeRuns ? describe.each : describe.skip.each)(['wasm', 'node'])('estimators/neural on the %s backend', (backend) => {
  beforeAll(async () => {
    const info = await chooseBackend({ requested: backend, env: {} });
    expect(info.name).toBe(backend);
  });

  test.each(METHODS)('%s: the same seed gives the same bits; dependent data clearly above independent', async (method) => {
    const [a, b] = [await estimate(method, dependentOf(method)), await estimate(method, dependentOf(method))];
    expect(a).toBe(b);
    const none = await estimate(method, independent);
    expect(a).toBeGreaterThan(clearlyAbove(method));
    testing.expectClose(none, 0, { atol: INDEPENDENT_ATOL[method] }, `${method} on independent data`);
    estimates.set(`${backend}/${method}`, a);
    estimates.set(`${backend}/${method}/independent`, none);
  }, 120_000);
});

(nativeRuns ? describe : describe.skip)('estimators/neural: native against wasm', () => {
  test.each(METHODS)('%s: the estimates agree (CROSS_BACKEND_NATS; LMI: LMI_CROSS_BACKEND_NATS)', (method) => {
    for (const suffix of ['', '/independent']) {
      const wasm = estimates.get(`wasm/${method}${suffix}`);
      const node = estimates.get(`node/${method}${suffix}`);
      expect(wasm).toBeDefined();
      expect(node).toBeDefined();
      testing.expectClose(node!, wasm!, { atol: method === 'lmi' ? LMI_CROSS_BACKEND_NATS : CROSS_BACKEND_NATS }, `${method}${suffix}`);
    }
  });
});
