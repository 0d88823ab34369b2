/**
 * The whole-step graph (native backend only) against the op-by-op path on the same backend: the
 * same fits from the same seed agree to float32 rounding in loss and weights, for each layer kind,
 * loss (KD included) and optimizer it expresses, batch norm's running statistics included; sessions
 * are freed; dropout is seeded per step.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, openGraphSessions, testing } from '@cch-lab/core';
import type { ModelSpec } from '../../../models/model-spec.js';
import type { TrainOptions } from '../../../fit/train-options.js';
import type { KdOptions } from '../../../losses/kd-loss.js';
import { train } from '../../../train.js';
import { useBackend } from '../../../testing-fixtures/backends.js';
import { nativeTestsRun } from '../../../testing-fixtures/native-suite.js';
import { pairedClassification, pairedImages, pairedRegression } from '../../../testing-fixtures/paired-data.js';

const run = await nativeTestsRun();
const classification = pairedClassification({ n: 300, classes: 3, dims: { a: 12, b: 5 }, strength: { a: 1, b: 0 }, frequencies: [0.6, 0.3, 0.1], rng: createRng('graph-step') });
const regression = pairedRegression(240, 6, createRng('graph-step-regression'));
const images = pairedImages(90, [8, 8, 2], createRng('graph-step-images'));

interface Case {
  spec: ModelSpec;
  data: typeof classification;
  modality: string;
  options: TrainOptions;
  /** Distil from a teacher trained on this modality. */
  kd?: KdOptions & { teacherModality: string };
}

const CASES: [string, Case][] = [
  ['mlp, adam, cross-entropy', { spec: { kind: 'mlp', hidden: [16, 8] }, data: classification, modality: 'a', options: { optimizer: { name: 'adam' } } }],
  ['mlp tanh, sgd momentum + L2, class-weighted cross-entropy', { spec: { kind: 'mlp', hidden: [16], activation: 'tanh' }, data: classification, modality: 'a', options: { optimizer: { name: 'sgd', momentum: 0.9, weightDecay: 0.01 }, classWeights: 'balanced' } }],
  ['mlp sigmoid, adamw, squared error', { spec: { kind: 'mlp', hidden: [12], activation: 'sigmoid' }, data: regression, modality: 'x1', options: { optimizer: { name: 'adamw', weightDecay: 0.05 } } }],
  ['linear, plain sgd, full batch', { spec: { kind: 'linear' }, data: classification, modality: 'a', options: { optimizer: { name: 'sgd' }, batchSize: 'full' } }],
  ['cnn same padding, elu, adam', { spec: { kind: 'cnn', filters: [4, 6], dense: [8], activation: 'elu' }, data: images, modality: 'image', options: { optimizer: { name: 'adam' } } }],
  ['mlp, adam, KD hinton (λ 0.6, T 2)', { spec: { kind: 'mlp', hidden: [16] }, data: classification, modality: 'b', options: {}, kd: { lambda: 0.6, temperature: 2, teacherModality: 'a' } }],
  ['mlp, sgd, KD theorem, regression', { spec: { kind: 'mlp', hidden: [8] }, data: regression, modality: 'x1', options: { optimizer: { name: 'sgd', momentum: 0.5 } }, kd: { lambda: 0.8, form: 'theorem', teacherModality: 'x2' } }],
  // Batch norm with sgd: the bias before it has a zero gradient in exact arithmetic, and Adam turns
  // the two paths' different rounding noise in it into lr-sized steps (weights agree, those biases not).
  ['mlp batch norm, sgd', { spec: { kind: 'mlp', hidden: [16, 8], batchNorm: true }, data: classification, modality: 'a', options: { optimizer: { name: 'sgd', learningRate: 0.05 } } }],
  ['cnn batch norm (conv and dense), relu, sgd momentum', { spec: { kind: 'cnn', filters: [4], dense: [6], batchNorm: true }, data: images, modality: 'image', options: { optimizer: { name: 'sgd', momentum: 0.9, learningRate: 0.02 } } }],
  ['cnn valid padding, leaky-relu, sgd', { spec: { kind: 'cnn', filters: [4], padding: 'valid', activation: 'leaky-relu' }, data: images, modality: 'image', options: { optimizer: { name: 'sgd', learningRate: 0.05 } } }],
];

async function fit(c: Case, graph: boolean) {
  const previous = process.env.CCH_NATIVE_GRAPH;
  if (!graph) process.env.CCH_NATIVE_GRAPH = '0';
  let sessionsDuringFit = 0;
  try {
    const teacher = c.kd === undefined ? undefined : await train(c.spec, c.data, { modality: c.kd.teacherModality, train: { epochs: 2, batchSize: 32 }, rng: createRng('graph-teacher') });
    const m = await train(c.spec, c.data, {
      modality: c.modality,
      kd: teacher === undefined || c.kd === undefined ? undefined : { ...c.kd, teacher },
      train: { epochs: 2, batchSize: 32, ...c.options },
      rng: createRng('graph-fit'),
      onEpochEnd: () => (sessionsDuringFit = Math.max(sessionsDuringFit, openGraphSessions())),
    });
    const result = { losses: m.history.epochs.map((e) => e.loss), valLosses: m.history.epochs.map((e) => e.valLoss ?? 0), weights: m.net.readWeights(), sessionsDuringFit };
    m.dispose();
    teacher?.dispose();
    return result;
  } finally {
    if (previous === undefined) delete process.env.CCH_NATIVE_GRAPH;
    else process.env.CCH_NATIVE_GRAPH = previous;
  }
}

(run ? describe : describe.skip)('trainers/kernels/native/graph: one session run per training step', () => {
  beforeAll(() => useBackend('node'));

  test.each(CASES)('%s: agrees with the op-by-op path', async (_label, c) => {
    const graph = await fit(c, true);
    const eager = await fit(c, false);
    expect(graph.sessionsDuringFit).toBe(1);
    expect(eager.sessionsDuringFit).toBe(0);
    testing.expectArraysClose(graph.losses, eager.losses, { rtol: 1e-4, atol: 1e-6 });
    // Validation runs on the tfjs variables: equal values mean the weights were synced back each epoch.
    testing.expectArraysClose(graph.valLosses, eager.valLosses, { rtol: 1e-4, atol: 1e-6 });
    graph.weights.forEach((w, i) => testing.expectArraysClose(w, eager.weights[i], { rtol: 1e-3, atol: 1e-5 }));
    expect(openGraphSessions()).toBe(0);
  });

  test('the same seed gives identical weights; tensors stay constant per epoch', async () => {
    const c = CASES[0][1];
    const before = tf.memory().numTensors;
    const [a, b] = [await fit(c, true), await fit(c, true)];
    a.weights.forEach((w, i) => expect(Array.from(w)).toEqual(Array.from(b.weights[i])));
    expect(tf.memory().numTensors).toBe(before);
    const counts: number[] = [];
    const m = await train(c.spec, c.data, { modality: 'a', train: { epochs: 3, batchSize: 32 }, rng: createRng(1), onEpochEnd: () => counts.push(tf.memory().numTensors) });
    m.dispose();
    expect(new Set(counts).size).toBe(1);
  });

  test('dropout runs in the graph: masks repeat for a seed, change with it, and the loss still falls', async () => {
    const spec: ModelSpec = { kind: 'mlp', hidden: [32], dropout: 0.3 };
    const once = async (seed: number, rate = 0.3) => {
      const m = await train({ ...spec, dropout: rate }, classification, { modality: 'a', train: { epochs: 6, batchSize: 32 }, rng: createRng(seed), onEpochEnd: () => expect(openGraphSessions()).toBe(1) });
      const r = { weights: m.net.readWeights(), losses: m.history.epochs.map((e) => e.loss) };
      m.dispose();
      return r;
    };
    const [a, b, c, none] = [await once(5), await once(5), await once(6), await once(5, 0)];
    a.weights.forEach((w, i) => expect(Array.from(w)).toEqual(Array.from(b.weights[i])));
    expect(Array.from(a.weights[0])).not.toEqual(Array.from(c.weights[0]));
    // Same seed and start without dropout: the masks changed the trajectory.
    expect(Array.from(a.weights[0])).not.toEqual(Array.from(none.weights[0]));
    expect(a.losses[a.losses.length - 1]).toBeLessThan(0.9 * a.losses[0]);
  });
});
