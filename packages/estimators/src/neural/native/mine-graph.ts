/**
 * MINE's training step as one TensorFlow graph on the native backend (estimator-graph.ts): the
 * same batch rows, marginal shuffle, loss gradient and Adam update as mine.ts's op-by-op loop, in
 * one session run instead of some hundred eager ops. The joint and the marginal pairs go through
 * the critic as one stacked batch (their gradients then sum inside the MatMuls); the gradient of
 * −(mean T_joint − mean e^{T_marginal} / ema) is written out: −1/B on joint rows, e^T/(B·ema) on
 * marginal ones. The moving average of E[e^T] is updated after the step from the same forward
 * pass, as mine.ts does. Results agree with the op-by-op path to float32 rounding (tested).
 */
import * as tf from '@tensorflow/tfjs';
import { TF_DTYPE as DT, graphAttr as attr, graphSessionsAvailable } from '@cch-lab/core';
import type { Mlp } from '../mlp.js';
import { EstimatorGraph } from './estimator-graph.js';

export interface MineGraphStep {
  /** One Adam step on the training rows `rows`, marginal pairs from y shuffled by `shuffle` within the batch. */
  step(rows: Int32Array, shuffle: Int32Array): void;
  /** Copies the session's critic weights and moving average into the tfjs variables. */
  syncWeights(): void;
  dispose(): void;
}

let graphs = 0;

/** The graph step, or undefined off the native backend (or under CCH_NATIVE_GRAPH=0). */
export function mineGraphStep(critic: Mlp, ema: tf.Variable, x: tf.Tensor2D, y: tf.Tensor2D, options: { learningRate: number; emaRate: number }): MineGraphStep | undefined {
  if (!graphSessionsAvailable(tf)) return undefined;
  const e = new EstimatorGraph(`cch-mine-${process.pid}-${++graphs}`);
  const g = e.g;
  const reads = e.mlpParams('critic', critic);
  const [emaVar, emaRead] = e.state('ema', ema);
  const xFeed = g.placeholder('x', DT.float);
  const yFeed = g.placeholder('y', DT.float);
  const rowsFeed = g.placeholder('rows', DT.int32);
  const shuffleFeed = g.placeholder('shuffle', DT.int32);
  const xb = e.gather('x_batch', xFeed, rowsFeed);
  const yb = e.gather('y_batch', yFeed, rowsFeed);
  const ym = e.gather('y_marginal', yb, shuffleFeed);
  // Joint rows first, then marginal rows: one pass of the critic for both.
  const z = e.concat('critic_input', [e.concat('joint', [xb, yb], e.axis1), e.concat('marginal', [xb, ym], e.axis1)], e.axis0);
  const pass = e.mlpForward('critic', critic, reads, z);
  const scores = g.f('Split', 'scores', [e.axis0, pass.output], { num_split: attr.int(2) });
  const [joint, marginal] = [`${scores}:0`, `${scores}:1`];
  const expMarginal = g.f('Exp', 'exp_marginal', [marginal]);
  const meanExp = g.reduce('Mean', 'mean_exp_marginal', expMarginal, g.constInts('axes_01', [0, 1]));

  // d loss / d scores: −1/B on joint rows, e^T/(B·ema) on marginal ones (ema a constant).
  const invBatch = e.inverseCount('inv_batch', rowsFeed);
  const jointShape = g.op('Shape', 'joint_shape', [joint], { T: attr.float(), out_type: attr.int32() });
  const dJoint = g.op('Fill', 'joint_grad', [jointShape, g.f('Neg', 'neg_inv_batch', [invBatch])], { T: attr.float(), index_type: attr.int32() });
  const dMarginal = g.f('Mul', 'marginal_grad', [expMarginal, g.f('RealDiv', 'inv_batch_ema', [invBatch, emaRead])]);
  const { grads } = e.mlpBackward(pass, e.concat('scores_grad', [dJoint, dMarginal], e.axis0));
  // The average moves after the gradient that divides by it, as tfjs's `ema.assign` after minimize.
  const rate = options.emaRate;
  const next = g.f('AddV2', 'ema_next', [g.f('Mul', 'ema_kept', [emaRead, g.constFloat('one_minus_rate', 1 - rate)]), g.f('Mul', 'ema_new', [meanExp, g.constFloat('rate', rate)])]);
  e.adamStep(grads, [e.assign(emaVar, next, [dMarginal])]);

  const session = e.open();
  if (session === undefined) return undefined;
  return {
    step(rows, shuffle) {
      const inputs: [string, tf.Tensor][] = [
        [rowsFeed, tf.tensor1d(rows, 'int32')],
        [shuffleFeed, tf.tensor1d(shuffle, 'int32')],
      ];
      session.step([[xFeed, x], [yFeed, y], ...inputs], options.learningRate);
      tf.dispose(inputs.map(([, t]) => t));
    },
    syncWeights: () => session.sync(),
    dispose: () => session.dispose(),
  };
}
