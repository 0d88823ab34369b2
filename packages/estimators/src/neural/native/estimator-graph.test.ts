/**
 * The neural estimators' one-run training steps (native backend only) against their op-by-op loops
 * on the same backend: the same seed gives the same estimate to float32 rounding, bit-identical
 * from run to run, with every session and tensor freed. Runs where tfjs-node loads, and always
 * under CCH_EXPECT_NATIVE=1.
 */
import * as tf from '@tensorflow/tfjs';
import { chooseBackend, createRng, openGraphSessions, probeBackend, testing } from '@cch-lab/core';
import { estimateMi } from '../../registry.js';
import { correlatedGaussianPair } from '../../testing-fixtures/gaussian-pairs.js';

const run = (await probeBackend('node')).available || process.env.CCH_EXPECT_NATIVE === '1';

/**
 * Float32 sums in another order (MINE's joint and marginal pairs go through the critic as one
 * stacked batch), carried through 30 epochs of Adam: measured here at most 4.9e-6 nats apart (MINE
 * 3.9e-6 on dependent data, 1.6e-7 independent, 1.9e-7 with class labels; InfoNCE 4.7e-6, 4.9e-6,
 * 4.8e-7). Checked by breaking them: MINE's biased minibatch gradient instead of the moving-average
 * one moves the estimates 3e-4 to 2e-2 apart, InfoNCE's embedding gradient with dSᵀ for dS 0.3–0.45.
 */
const PATH_NATS = 1e-4;
/**
 * LMI: its validation loss after 30 epochs 4.4e-6 relative apart (2.8274946 against 2.8275070);
 * the estimates 1.2e-3 and 2.8e-4 nats apart, as a few of KSG's neighbour counts on the latents
 * flip (one flip moves a 250-row estimate by about 1/(250·n_x)). Dropout masks from the wrong
 * seeds move the loss about 4e-3 relative (checked by breaking them).
 */
const LMI_LOSS_RTOL = 1e-4;
const LMI_NATS = 0.01;
const SETTINGS = { epochs: 30, learningRate: 3e-3 };

type Method = 'mine' | 'infonce' | 'lmi';

async function estimate(method: Method, data: ReturnType<typeof correlatedGaussianPair>, graph: boolean, labels: boolean) {
  const previous = process.env.CCH_NATIVE_GRAPH;
  if (!graph) process.env.CCH_NATIVE_GRAPH = '0';
  try {
    const y = labels ? Int32Array.from({ length: data.y.rows }, (_, i) => (data.y.get(i, 0) > 0 ? 1 : 0)) : data.y;
    const e = await estimateMi(method, data.x, y, { rng: createRng(3), neural: SETTINGS });
    return { nats: e.nats, validationLoss: e.details?.bestValidationLoss as number | undefined };
  } finally {
    if (previous === undefined) delete process.env.CCH_NATIVE_GRAPH;
    else process.env.CCH_NATIVE_GRAPH = previous;
  }
}

(run ? describe : describe.skip)('estimators/neural/native: one session run a training step', () => {
  beforeAll(async () => {
    await chooseBackend({ requested: 'node', env: {} });
  });

  test.each([
    ['mine', 'dependent', 0.8, false],
    ['mine', 'independent', 0, false],
    ['mine', 'class labels', 0.8, true],
    ['infonce', 'dependent', 0.8, false],
    ['infonce', 'independent', 0, false],
    ['infonce', 'class labels', 0.8, true],
    ['lmi', 'dependent', 0.8, false],
    ['lmi', 'independent', 0, false],
  ] as const)('%s, %s data: agrees with the op-by-op loop, repeats bit for bit, frees its session', async (method, _label, rho, labels) => {
    const data = correlatedGaussianPair(createRng(`graph-${rho}`), 500, 3, rho);
    const tensors = tf.memory().numTensors;
    const [graph, again, eager] = [await estimate(method, data, true, labels), await estimate(method, data, true, labels), await estimate(method, data, false, labels)];
    expect(again).toEqual(graph);
    if (method === 'lmi') {
      // KSG's counts on the latents are discrete: compare the training itself, then the estimate loosely.
      testing.expectClose(graph.validationLoss!, eager.validationLoss!, { rtol: LMI_LOSS_RTOL }, 'validation loss, graph against op by op');
      testing.expectClose(graph.nats, eager.nats, { atol: LMI_NATS }, 'graph against op by op');
    } else {
      testing.expectClose(graph.nats, eager.nats, { atol: PATH_NATS }, 'graph against op by op');
    }
    expect(openGraphSessions()).toBe(0);
    expect(tf.memory().numTensors).toBe(tensors);
  }, 120_000);
});
