/**
 * MINE's one-run training step (native backend only) against its op-by-op loop on the same
 * backend: the same seed gives the same estimate to float32 rounding, bit-identical from run to
 * run, with every session and tensor freed. Runs where tfjs-node loads, and always under CCH_EXPECT_NATIVE=1.
 */
import * as tf from '@tensorflow/tfjs';
import { chooseBackend, createRng, openGraphSessions, probeBackend, testing } from '@cch-lab/core';
import { estimateMi } from '../../registry.js';
import { correlatedGaussianPair } from '../../testing-fixtures/gaussian-pairs.js';

const run = (await probeBackend('node')).available || process.env.CCH_EXPECT_NATIVE === '1';

/**
 * Float32 sums in another order (the joint and marginal pairs go through the critic as one stacked
 * batch), carried through 30 epochs of Adam: measured here 8e-6 nats apart on dependent data,
 * 1.6e-7 on independent data, 9e-8 with class labels. The biased minibatch gradient instead of the
 * moving-average one moves them 3e-4 to 2e-2 apart (checked by breaking it).
 */
const PATH_NATS = 1e-4;
const SETTINGS = { epochs: 30, learningRate: 3e-3 };

async function mine(data: ReturnType<typeof correlatedGaussianPair>, graph: boolean, labels = false) {
  const previous = process.env.CCH_NATIVE_GRAPH;
  if (!graph) process.env.CCH_NATIVE_GRAPH = '0';
  try {
    const y = labels ? Int32Array.from({ length: data.y.rows }, (_, i) => (data.y.get(i, 0) > 0 ? 1 : 0)) : data.y;
    return (await estimateMi('mine', data.x, y, { rng: createRng(3), neural: SETTINGS })).nats;
  } finally {
    if (previous === undefined) delete process.env.CCH_NATIVE_GRAPH;
    else process.env.CCH_NATIVE_GRAPH = previous;
  }
}

(run ? describe : describe.skip)('estimators/neural/native: MINE in one session run a step', () => {
  beforeAll(async () => {
    await chooseBackend({ requested: 'node', env: {} });
  });

  test.each([
    ['dependent', 0.8, false],
    ['independent', 0, false],
    ['class labels', 0.8, true],
  ] as const)('%s data: agrees with the op-by-op loop, repeats bit for bit, frees its session', async (_label, rho, labels) => {
    const data = correlatedGaussianPair(createRng(`mine-graph-${rho}`), 500, 3, rho);
    const tensors = tf.memory().numTensors;
    const [graph, again, eager] = [await mine(data, true, labels), await mine(data, true, labels), await mine(data, false, labels)];
    expect(again).toBe(graph);
    testing.expectClose(graph, eager, { atol: PATH_NATS }, 'graph against op by op');
    expect(openGraphSessions()).toBe(0);
    expect(tf.memory().numTensors).toBe(tensors);
  }, 120_000);
});
