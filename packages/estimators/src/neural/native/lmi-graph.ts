/**
 * LMI's training step as one TensorFlow graph on the native backend (estimator-graph.ts): the
 * paired autoencoders' four squared errors (self: x̂ from z_x, ŷ from z_y; cross, with dropout:
 * x from z_y, y from z_x), their gradients 2(p − t)/(B·d) back through the decoders, the encoder
 * of each side taking the sum of its self and cross decoders' input gradients, and Adam, in one
 * session run. The cross-decoders' dropout uniforms are drawn in JS by tf.randomUniform with the
 * seeds latent-mi.ts gives tf.dropout, so the masks are the op-by-op loop's own. Results agree
 * with that loop to float32 rounding (tested).
 */
import * as tf from '@tensorflow/tfjs';
import { TF_DTYPE as DT, graphSessionsAvailable } from '@cch-lab/core';
import type { PairedAutoencoders } from '../latent-mi.js';
import type { Mlp } from '../mlp.js';
import { EstimatorGraph } from './estimator-graph.js';

export interface LmiGraphStep {
  /** One Adam step on the training rows `rows`; `seed` is the batch's dropout seed (latent-mi.ts's). */
  step(rows: Int32Array, seed: number): void;
  /** Copies the session's weights into the tfjs variables. */
  syncWeights(): void;
  dispose(): void;
}

/** latent-mi.ts's offset between the two cross-decoders' dropout seeds. */
const CROSS_Y_SEED_OFFSET = 1000;

let graphs = 0;

/** The graph step, or undefined off the native backend (or under CCH_NATIVE_GRAPH=0). */
export function lmiGraphStep(net: PairedAutoencoders, x: tf.Tensor2D, y: tf.Tensor2D, options: { learningRate: number; dropout: number }): LmiGraphStep | undefined {
  if (!graphSessionsAvailable(tf)) return undefined;
  const e = new EstimatorGraph(`cch-lmi-${process.pid}-${++graphs}`);
  const g = e.g;
  const names = ['encX', 'encY', 'decXX', 'decYY', 'decYX', 'decXY'] as const;
  const reads = Object.fromEntries(names.map((k) => [k, e.mlpParams(k, net[k])])) as Record<(typeof names)[number], string[]>;
  const xFeed = g.placeholder('x', DT.float);
  const yFeed = g.placeholder('y', DT.float);
  const rowsFeed = g.placeholder('rows', DT.int32);
  const uniforms = (prefix: string, mlp: Mlp) => mlp.weights.map((_, l) => g.placeholder(`${prefix}_uniform_${l}`, DT.float));
  const uYX = uniforms('decYX', net.decYX);
  const uXY = uniforms('decXY', net.decXY);
  const masks = (prefix: string, u: string[]) => u.map((v, l) => e.dropoutMask(`${prefix}/mask_${l}`, v, options.dropout));

  const xb = e.gather('x_batch', xFeed, rowsFeed);
  const yb = e.gather('y_batch', yFeed, rowsFeed);
  const zx = e.mlpForward('encX', net.encX, reads.encX, xb);
  const zy = e.mlpForward('encY', net.encY, reads.encY, yb);
  const xx = e.mlpForward('decXX', net.decXX, reads.decXX, zx.output);
  const yy = e.mlpForward('decYY', net.decYY, reads.decYY, zy.output);
  const yx = e.mlpForward('decYX', net.decYX, reads.decYX, zy.output, masks('decYX', uYX));
  const xy = e.mlpForward('decXY', net.decXY, reads.decXY, zx.output, masks('decXY', uXY));

  // tf.losses.meanSquaredError's gradient: 2(p − t) / (B·d).
  const invBatch = e.inverseCount('inv_batch', rowsFeed);
  const mseGrad = (name: string, prediction: string, target: string, d: number) =>
    g.f('Mul', name, [g.f('Sub', `${name}/residual`, [prediction, target]), g.f('Mul', `${name}/scale`, [invBatch, g.constFloat(`${name}/two_over_d`, 2 / d)])]);
  const dx = x.shape[1];
  const dy = y.shape[1];
  const bXX = e.mlpBackward(xx, mseGrad('xx_grad', xx.output, xb, dx), true);
  const bYY = e.mlpBackward(yy, mseGrad('yy_grad', yy.output, yb, dy), true);
  const bYX = e.mlpBackward(yx, mseGrad('yx_grad', yx.output, xb, dx), true);
  const bXY = e.mlpBackward(xy, mseGrad('xy_grad', xy.output, yb, dy), true);
  const bX = e.mlpBackward(zx, g.f('AddV2', 'zx_grad', [bXX.dInput!, bXY.dInput!]));
  const bY = e.mlpBackward(zy, g.f('AddV2', 'zy_grad', [bYY.dInput!, bYX.dInput!]));
  e.adamStep([...bX.grads, ...bY.grads, ...bXX.grads, ...bYY.grads, ...bYX.grads, ...bXY.grads]);

  const session = e.open();
  if (session === undefined) return undefined;
  const inputWidths = (mlp: Mlp) => mlp.weights.map((w) => w.shape[0]);
  const [widthsYX, widthsXY] = [inputWidths(net.decYX), inputWidths(net.decXY)];
  return {
    step(rows, seed) {
      const b = rows.length;
      // As tf.dropout(h, rate, undefined, seed + l) draws them in applyMlp.
      const noise = [
        ...widthsYX.map((w, l): [string, tf.Tensor] => [uYX[l], tf.randomUniform([b, w], 0, 1, 'float32', seed + l)]),
        ...widthsXY.map((w, l): [string, tf.Tensor] => [uXY[l], tf.randomUniform([b, w], 0, 1, 'float32', seed + CROSS_Y_SEED_OFFSET + l)]),
      ];
      const rowsTensor = tf.tensor1d(rows, 'int32');
      session.step([[xFeed, x], [yFeed, y], [rowsFeed, rowsTensor], ...noise], options.learningRate);
      tf.dispose([rowsTensor, ...noise.map(([, t]) => t)]);
    },
    syncWeights: () => session.sync(),
    dispose: () => session.dispose(),
  };
}
