/**
 * The LMI reference demo (REFERENCE.md §2; Gowri et al. 2024): a 2-d Gaussian with covariance
 * [[6,3],[3,3.5]] projected linearly to 100 + 100 dimensions, n = 10 000, truth 0.4037 bits
 * (the reference implementation reports ≈ 0.43). Reference training settings; takes minutes.
 */
import { chooseBackend, createRng } from '@cch-lab/core';
import { estimateMi } from '../registry.js';
import { lmiDemoData } from '../testing-fixtures/gaussian-pairs.js';

/** The acceptance band: within 15 % of the truth. */
const RELATIVE_TOLERANCE = 0.15;

describe('estimators/neural/latent-mi (slow)', () => {
  it('recovers the reference demo within 15 %', async () => {
    await chooseBackend({ requested: 'wasm', env: {} });
    const { x, y, truthBits } = lmiDemoData(createRng('lmi-demo'), 10_000, 100, 100);
    const e = await estimateMi('lmi', x, y, { rng: createRng(1) });
    console.log(JSON.stringify({ truthBits, bits: e.bits, seconds: e.seconds, details: e.details }));
    expect(Math.abs(e.bits - truthBits) / truthBits).toBeLessThan(RELATIVE_TOLERANCE);
  });
});
