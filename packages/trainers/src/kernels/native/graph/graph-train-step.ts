/**
 * Runs a network's training steps as one TensorFlow session run each, on the native backend.
 *
 * The step graph (train-step-graph.ts) is loaded into a session once (core's openGraphSession:
 * a SavedModel through tfjs-node), and the weights and optimizer moments live in that session's
 * resource variables for the fit. The tfjs variables are brought up to date with `syncWeights`
 * (the fit loop does it after every epoch, before validation and checkpoints) and the session is
 * freed by `dispose`.
 */
import * as tf from '@tensorflow/tfjs';
import { graphSessionsAvailable, openGraphSession } from '@cch-lab/core';
import type { Network } from '../../../models/network.js';
import type { ResolvedKdOptions } from '../../../losses/kd-loss.js';
import type { ResolvedOptimizerOptions } from '../../../optimizers.js';
import { buildTrainStepGraph, graphOps, type GraphLoss } from './train-step-graph.js';

export interface GraphTrainStep {
  /** Dropout layers, each wanting a fresh seed per step. */
  readonly dropoutLayers: number;
  /** One optimizer step on the rows `rows` of the fed data (one seed per dropout layer); the loss is summed inside the session. */
  step(rows: Int32Array, learningRate: number, dropoutSeeds?: readonly number[]): void;
  /** Σ (batch loss × batch rows) since the last call, then reset to 0. */
  takeLossSum(): Promise<number>;
  /** Copies the session's weights into the network's tfjs variables. */
  syncWeights(): void;
  dispose(): void;
}

export interface GraphTrainData {
  x: tf.Tensor2D;
  /** The objective's one target tensor (labels one-hot, or regression targets). */
  targets: tf.Tensor;
  /** The KD target (teacher log-probabilities at T, or predictions) when the objective distils. */
  teacher?: tf.Tensor;
  weights?: tf.Tensor1D;
}

let graphs = 0;

/**
 * The graph step for `net`, or undefined when the native backend is not active, a layer has no
 * graph form (`Layer.op`) or tfjs-node lacks SavedModel sessions. CCH_NATIVE_GRAPH=0 turns
 * it off (the op-by-op path, for comparison).
 */
export function graphTrainStep(net: Network, loss: GraphLoss, kd: ResolvedKdOptions | undefined, optimizer: ResolvedOptimizerOptions, data: GraphTrainData): GraphTrainStep | undefined {
  if (!graphSessionsAvailable(tf) || graphOps(net.layers) === undefined) return undefined;
  const variables = net.trainableVariables();
  const state = net.layers.flatMap((l) => [...l.state]);
  const graph = buildTrainStepGraph({
    layers: net.layers,
    variableShapes: variables.map((v) => v.shape),
    stateShapes: state.map((v) => v.shape),
    loss,
    kd,
    weighted: data.weights !== undefined,
    optimizer,
    outputUnits: net.outputUnits,
    tag: `cch-${process.pid}-${++graphs}`,
  });
  const session = openGraphSession(tf, graph.nodes);
  if (session === undefined) return undefined;
  tf.dispose(session.run([...graph.feeds.init.map((name, i): [string, tf.Tensor] => [name, variables[i]]), ...graph.feeds.initState.map((name, i): [string, tf.Tensor] => [name, state[i]])], [graph.fetches.init]));

  const o = optimizer;
  const constantFeeds: [string, tf.Tensor][] = [
    [graph.feeds.x, data.x],
    [graph.feeds.targets, data.targets],
  ];
  if (graph.feeds.teacher !== undefined) {
    if (data.teacher === undefined) throw new Error('graph step: a KD objective needs the teacher target');
    constantFeeds.push([graph.feeds.teacher, data.teacher]);
  }
  if (graph.feeds.weights !== undefined && data.weights !== undefined) constantFeeds.push([graph.feeds.weights, data.weights]);
  let t = 0;
  return {
    dropoutLayers: graph.dropoutLayers,
    step(rows, learningRate, dropoutSeeds = []) {
      t += 1;
      const hyper =
        o.name === 'sgd'
          ? [learningRate]
          : [learningRate, o.beta1 ** t, o.beta2 ** t, o.epsilon * Math.sqrt(1 - o.beta2 ** t), learningRate * o.weightDecay];
      const feeds: [string, tf.Tensor][] = [
        [graph.feeds.rows, tf.tensor1d(rows, 'int32')],
        [graph.feeds.hyper, tf.tensor1d(hyper)],
      ];
      if (graph.feeds.dropoutSeeds !== undefined) {
        if (dropoutSeeds.length !== graph.dropoutLayers) throw new Error(`graph step: ${graph.dropoutLayers} dropout seeds expected, got ${dropoutSeeds.length}`);
        // The context's uint32 seeds as int32 pairs (StatelessRandomUniform's seed is two int32s).
        feeds.push([graph.feeds.dropoutSeeds, tf.tensor2d(Int32Array.from(dropoutSeeds.flatMap((s) => [s | 0, 0])), [graph.dropoutLayers, 2], 'int32')]);
      }
      tf.dispose(session.run([...constantFeeds, ...feeds], [graph.fetches.step]));
      tf.dispose(feeds.map(([, t]) => t));
    },
    async takeLossSum() {
      const [sum] = session.run([], [graph.fetches.lossSum]);
      const value = (await sum.data())[0];
      sum.dispose();
      tf.dispose(session.run([], [graph.fetches.resetLoss]));
      return value;
    },
    syncWeights() {
      const values = session.run([], graph.fetches.weights);
      [...variables, ...state].forEach((v, i) => v.assign(values[i]));
      tf.dispose(values);
    },
    dispose() {
      session.dispose();
    },
  };
}
