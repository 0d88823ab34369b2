/**
 * The trainers on every backend that loads here, one suite per backend (as tfjs tests its
 * backends): the same seed gives the same bits on one backend, tensors do not pile up across
 * epochs, and a run on the native backend (tfjs-node, `npm run setup:native`) agrees with the same
 * run on wasm within the tolerances below. Without tfjs-node the native suite is skipped with a
 * note — the default path (npm ci) is wasm — except where CCH_EXPECT_NATIVE=1 (CI after a
 * successful setup:native), where it must load.
 *
 * Tolerances: float32 kernels on different backends sum in different orders (≈ 1e-7 relative a
 * step). Over the two epochs trained here the weights must agree within 1e-5 and the epoch losses
 * within 1e-5 relative (measured here, TensorFlow 2.21 / tfjs-wasm 4.22: weights 3e-8 apart, losses
 * 1e-7); test accuracy, a count, may differ by a row or two (2 %).
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, probeBackend, testing } from '@cch-lab/core';
import { train } from './train.js';
import { useBackend } from './testing-fixtures/backends.js';
import { pairedClassification, pairedImages } from './testing-fixtures/paired-data.js';

const nativeLoads = (await probeBackend('node')).available;
const expectNative = process.env.CCH_EXPECT_NATIVE === '1';
if (!nativeLoads && !expectNative) console.warn('backend parity: tfjs-node does not load here (npm run setup:native builds it); only wasm and cpu are tested');

const WEIGHT_TOLERANCE = 1e-5;
const LOSS_RELATIVE_TOLERANCE = 1e-5;
const ACCURACY_TOLERANCE = 0.02;

const table = pairedClassification({ n: 400, classes: 3, dims: { a: 10, b: 4 }, strength: { a: 1, b: 0.3 }, rng: createRng('parity') });
const images = pairedImages(160, [8, 8, 2], createRng('parity-images'));

type Backend = 'cpu' | 'wasm' | 'node';
const BACKENDS: Backend[] = ['cpu', 'wasm', ...(nativeLoads || expectNative ? (['node'] as const) : [])];

async function fitOnce(backend: Backend, kind: 'mlp' | 'cnn', seed: number) {
  await useBackend(backend);
  const model =
    kind === 'mlp'
      ? await train({ kind: 'mlp', hidden: [16] }, table, { modality: 'a', train: { epochs: 2, batchSize: 32 }, rng: createRng(seed) })
      : await train({ kind: 'cnn', filters: [4], dense: [8] }, images, { modality: 'image', train: { epochs: 2, batchSize: 32 }, rng: createRng(seed) });
  const weights = model.net.readWeights().map((w) => Float32Array.from(w));
  const losses = model.history.epochs.map((e) => e.loss);
  const accuracy = (model.metrics as { accuracy?: number } | null)?.accuracy ?? Number.NaN;
  model.dispose();
  return { weights, losses, accuracy };
}

describe.each(BACKENDS)('trainers on %s', (backend) => {
  it('loads', async () => {
    if (backend === 'node') expect((await probeBackend('node')).available).toBe(true);
    await useBackend(backend);
    expect(tf.getBackend()).toBe(backend === 'node' ? 'tensorflow' : backend);
  });

  it.each(['mlp', 'cnn'] as const)('the same seed gives bit-identical weights (%s)', async (kind) => {
    const [a, b] = [await fitOnce(backend, kind, 3), await fitOnce(backend, kind, 3)];
    a.weights.forEach((w, i) => expect(Array.from(w)).toEqual(Array.from(b.weights[i])));
    expect(a.losses).toEqual(b.losses);
  });

  it('keeps tf.memory().numTensors flat across training runs', async () => {
    await useBackend(backend);
    await testing.expectNoLeakedTensors(async () => {
      const m = await train({ kind: 'mlp', hidden: [8] }, table, { modality: 'a', train: { epochs: 2, batchSize: 64 }, rng: createRng(1) });
      m.dispose();
    }, `training on ${backend}`);
  });
});

(BACKENDS.includes('node') ? describe : describe.skip)('trainers: native (tfjs-node) against wasm', () => {
  it.each(['mlp', 'cnn'] as const)('agree within the stated tolerances (%s)', async (kind) => {
    const wasm = await fitOnce('wasm', kind, 11);
    const native = await fitOnce('node', kind, 11);
    let worst = 0;
    wasm.weights.forEach((w, i) => {
      for (let j = 0; j < w.length; j++) worst = Math.max(worst, Math.abs(w[j] - native.weights[i][j]));
    });
    expect(worst).toBeLessThan(WEIGHT_TOLERANCE);
    wasm.losses.forEach((l, i) => expect(Math.abs(l - native.losses[i]) / Math.abs(l)).toBeLessThan(LOSS_RELATIVE_TOLERANCE));
    expect(Math.abs(wasm.accuracy - native.accuracy)).toBeLessThanOrEqual(ACCURACY_TOLERANCE);
  });
});
