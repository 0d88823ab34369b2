/**
 * MINE (Belghazi et al. 2018): maximise the Donsker–Varadhan bound
 * I(X;Y) ≥ E_P[T] − ln E_{P_X⊗P_Y}[e^T] over a critic T, marginal pairs by shuffling y within the
 * batch. The minibatch gradient of the log term is biased; as in the paper (§3.2) its denominator
 * is replaced by an exponential moving average of E[e^T] (rate 0.01, from previous steps — the
 * average enters the loss as a constant, so it carries no gradient). The reported value is the DV
 * bound on held-out rows, averaged over the evaluations of the last tenth of the epochs.
 */
import * as tf from '@tensorflow/tfjs';
import type { Matrix } from '@cch-lab/core';
import { stripUndefined, type ResolvedOptions } from '../options.js';
import type { MethodResult, MiTarget } from '../types.js';
import { applyMlp, createMlp, disposeMlps, mlpVariables, type Mlp } from './mlp.js';
import { epochBatches, rowsTensor, splitRows, targetMatrix, zScored } from './neural-data.js';
import { MINE_DEFAULTS } from './neural-defaults.js';
import { mineGraphStep } from './native/mine-graph.js';

/** The registry body of 'mine'. Class labels enter as indicator columns. */
export async function mineMethod(x: Matrix, y: MiTarget, o: ResolvedOptions): Promise<MethodResult> {
  const opts = { ...MINE_DEFAULTS, ...stripUndefined(o.neural) };
  const { matrix: ym, labels } = targetMatrix(y);
  const n = x.rows;
  const dx = x.cols;
  const dy = ym.cols;
  const rng = o.rng;
  const { train, heldOut } = splitRows(n, opts.validationFraction, rng.derive('split'));
  const xv = zScored(x);
  const yv = zScored(ym);
  const critic = createMlp([dx + dy, opts.hiddenUnits, opts.hiddenUnits, 1], rng.derive('critic'), 'elu');
  const vars = mlpVariables(critic);
  const optimizer = tf.train.adam(opts.learningRate);
  const xTrain = rowsTensor(xv, dx, train);
  const yTrain = rowsTensor(yv, dy, train);
  const xHeld = rowsTensor(xv, dx, heldOut);
  const yHeld = rowsTensor(yv, dy, heldOut);
  const ema = tf.tidy(() => tf.variable(tf.scalar(1), false));
  const smoothFrom = Math.max(0, opts.epochs - Math.max(1, Math.round(opts.epochs / 10)));
  const heldOutDv: number[] = [];
  let steps = 0;
  // On the native backend one session run a step (native/mine-graph.ts), else op by op.
  const graph = mineGraphStep(critic, ema, xTrain, yTrain, { learningRate: opts.learningRate, emaRate: opts.emaRate });
  try {
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      const erng = rng.derive('epoch').derive(epoch);
      for (const [b, batch] of epochBatches(train.length, opts.batchSize, erng.derive('batches')).entries()) {
        const shuffle = erng.derive('marginal').derive(b).permutation(batch.length);
        steps++;
        if (graph !== undefined) {
          graph.step(batch, shuffle);
          continue;
        }
        tf.tidy(() => {
          const idx = tf.tensor1d(batch, 'int32');
          const xb = tf.gather(xTrain, idx);
          const yb = tf.gather(yTrain, idx);
          const ym2 = tf.gather(yb, tf.tensor1d(shuffle, 'int32'));
          const kept: tf.Scalar[] = [];
          optimizer.minimize(
            () => {
              const marginal = criticScores(critic, xb, ym2);
              kept.push(tf.keep(tf.mean(tf.exp(marginal)) as tf.Scalar));
              return mineBatchLoss(criticScores(critic, xb, yb), marginal, ema);
            },
            false,
            vars,
          );
          for (const meanEt of kept) {
            ema.assign(tf.add(tf.mul(ema, 1 - opts.emaRate), tf.mul(meanEt, opts.emaRate)));
            meanEt.dispose();
          }
        });
      }
      if (epoch >= smoothFrom) {
        graph?.syncWeights();
        heldOutDv.push(dvBound(critic, xHeld, yHeld, rng.derive('eval').derive(epoch), opts.evalPermutations));
      }
      o.reporter.progress('mine', epoch + 1, opts.epochs);
    }
  } finally {
    graph?.dispose();
    tf.dispose([xTrain, yTrain, xHeld, yHeld, ema]);
    disposeMlps(critic);
    optimizer.dispose();
  }
  const nats = heldOutDv.reduce((s, v) => s + v, 0) / heldOutDv.length;
  return {
    nats,
    n,
    dims: [dx, labels ? 1 : dy],
    standardized: true,
    details: {
      bound: 'Donsker–Varadhan, held-out rows',
      epochs: opts.epochs,
      steps,
      batchSize: opts.batchSize,
      trainRows: train.length,
      heldOutRows: heldOut.length,
      smoothedOverEpochs: heldOutDv.length,
      heldOutDvLast: heldOutDv[heldOutDv.length - 1],
      backend: tf.getBackend(),
      ...(labels ? { labelsAs: `${dy} indicator columns` } : {}),
    },
  };
}

/**
 * The loss minimised on one batch: −(mean T_joint − mean e^{T_marginal} / ema). Its gradient is
 * that of −DV with the biased minibatch denominator of ∇ln E[e^T] = ∇E[e^T] / E[e^T] replaced by
 * the moving average `ema`, which enters as a constant (no gradient flows into it).
 */
export function mineBatchLoss(joint: tf.Tensor, marginal: tf.Tensor, ema: tf.Tensor | number): tf.Scalar {
  return tf.neg(tf.sub(tf.mean(joint), tf.div(tf.mean(tf.exp(marginal)), ema))) as tf.Scalar;
}

function criticScores(critic: Mlp, x: tf.Tensor2D, y: tf.Tensor2D): tf.Tensor2D {
  return applyMlp(critic, tf.concat([x, y], 1));
}

/** E_P[T] − ln mean e^T over marginal pairs from several seeded permutations of the held-out y. */
function dvBound(critic: Mlp, x: tf.Tensor2D, y: tf.Tensor2D, rng: ResolvedOptions['rng'], permutations: number): number {
  const m = x.shape[0];
  const perms = Array.from({ length: permutations }, (_, p) => rng.derive(p).permutation(m));
  const value = tf.tidy(() => {
    const joint = tf.mean(criticScores(critic, x, y));
    const marginal = tf.concat(perms.map((perm) => criticScores(critic, x, tf.gather(y, tf.tensor1d(perm, 'int32')))), 0);
    const logMeanExp = tf.sub(tf.logSumExp(marginal), Math.log(m * permutations));
    return tf.sub(joint, logMeanExp);
  });
  const out = value.dataSync()[0];
  value.dispose();
  return out;
}
