/**
 * InfoNCE's training step as one TensorFlow graph on the native backend (estimator-graph.ts): the
 * same batch rows and Adam update as infonce.ts's op-by-op loop, in one session run. With scores
 * S = g(x)·h(y)ᵀ, the loss −(mean_i [S_ii − logsumexp_j S_ij] + ln B) is the mean softmax
 * cross-entropy of each row of S against the identity, so TensorFlow's
 * SoftmaxCrossEntropyWithLogits gives its gradient, (softmax(S) − I)/B, which then goes back
 * through both embeddings (dG = dS·H, dH = dSᵀ·G) and their MLPs. Results agree with the op-by-op
 * path to float32 rounding (tested).
 */
import * as tf from '@tensorflow/tfjs';
import { TF_DTYPE as DT, graphAttr as attr, graphSessionsAvailable } from '@cch-lab/core';
import type { Mlp } from '../mlp.js';
import { EstimatorGraph } from './estimator-graph.js';

export interface InfoNceGraphStep {
  /** One Adam step on the training rows `rows`. */
  step(rows: Int32Array): void;
  /** Copies the session's weights of both embeddings into the tfjs variables. */
  syncWeights(): void;
  dispose(): void;
}

let graphs = 0;

/** The graph step, or undefined off the native backend (or under CCH_NATIVE_GRAPH=0). */
export function infoNceGraphStep(gx: Mlp, hy: Mlp, x: tf.Tensor2D, y: tf.Tensor2D, learningRate: number): InfoNceGraphStep | undefined {
  if (!graphSessionsAvailable(tf)) return undefined;
  const e = new EstimatorGraph(`cch-infonce-${process.pid}-${++graphs}`);
  const g = e.g;
  const gReads = e.mlpParams('g', gx);
  const hReads = e.mlpParams('h', hy);
  const xFeed = g.placeholder('x', DT.float);
  const yFeed = g.placeholder('y', DT.float);
  const rowsFeed = g.placeholder('rows', DT.int32);
  const gPass = e.mlpForward('g', gx, gReads, e.gather('x_batch', xFeed, rowsFeed));
  const hPass = e.mlpForward('h', hy, hReads, e.gather('y_batch', yFeed, rowsFeed));
  const scores = e.matMul('scores', gPass.output, hPass.output, false, true);

  // Row i's target is the one-hot of i: B × B identity from the batch size.
  const batch = g.op('Size', 'rows_size', [rowsFeed], { T: attr.int32(), out_type: attr.int32() });
  const range = g.op('Range', 'row_index', [g.constInts('zero', [0], true), batch, g.constInts('one', [1], true)], { Tidx: attr.int32() });
  const identity = g.op('OneHot', 'identity', [range, batch, g.constFloat('on', 1), g.constFloat('off', 0)], { T: attr.float(), TI: attr.int32(), axis: attr.int(-1) });
  const crossEntropy = g.f('SoftmaxCrossEntropyWithLogits', 'cross_entropy', [scores, identity]);
  const dScores = g.f('Mul', 'scores_grad', [`${crossEntropy}:1`, e.inverseCount('inv_batch', rowsFeed)]);
  const { grads: gGrads } = e.mlpBackward(gPass, e.matMul('g_output_grad', dScores, hPass.output));
  const { grads: hGrads } = e.mlpBackward(hPass, e.matMul('h_output_grad', dScores, gPass.output, true, false));
  e.adamStep([...gGrads, ...hGrads]);

  const session = e.open();
  if (session === undefined) return undefined;
  return {
    step(rows) {
      const rowsTensor = tf.tensor1d(rows, 'int32');
      session.step(
        [
          [xFeed, x],
          [yFeed, y],
          [rowsFeed, rowsTensor],
        ],
        learningRate,
      );
      rowsTensor.dispose();
    },
    syncWeights: () => session.sync(),
    dispose: () => session.dispose(),
  };
}
