/**
 * Latent MI (LMI; Gowri et al., NeurIPS 2024, "latentmi"): learn low-dimensional latents of x and
 * y with paired autoencoders regularised by cross-prediction, then estimate MI between the
 * latents with KSG-1. Follows REFERENCE.md §2: z-score (constant → 0), clip to ±10, 50/50
 * train/validation split, encoder d → L → L/2 → L/4 → latent with LeakyReLU(0.2) after every
 * layer, self-decoders mirroring it, cross-decoders (latent of x → y, of y → x) with dropout 0.5,
 * loss MSE(x̂,x) + MSE(ŷ,y) + MSE(x from z_y) + MSE(y from z_x), Adam 1e-4, batch 512, ≤ 300
 * epochs, early stopping with patience 30 that restores the best weights (the reference code
 * forgets to), KSG-1 on the validation latents only. Under-estimates by construction.
 *
 * Choices: L defaults to min(1024, max(32, the power of two ≥ 2d)) instead of the reference's
 * 1024 for every d ≤ 2048 (`hiddenUnits` overrides); the validation loss is computed without
 * dropout (the reference leaves dropout on).
 */
import * as tf from '@tensorflow/tfjs';
import { Matrix, InvalidInputError } from '@cch-lab/core';
import { ksgNats } from '../ksg.js';
import { stripUndefined, type ResolvedOptions } from '../options.js';
import { preparePair } from '../prepare.js';
import type { MethodResult, MiTarget } from '../types.js';
import { checkK } from '../validate.js';
import { applyMlp, createMlp, disposeMlps, mlpVariables, restoreVariables, snapshotVariables, type Mlp } from './mlp.js';
import { epochBatches, rowsTensor, splitRows, zScored } from './neural-data.js';
import { LMI_DEFAULTS, lmiHiddenUnits } from './neural-defaults.js';
import { lmiGraphStep } from './native/lmi-graph.js';

/** Hidden widths L, L/2, L/4 of an encoder (at least 1 each). */
function widths(l: number): number[] {
  return [l, Math.max(1, Math.round(l / 2)), Math.max(1, Math.round(l / 4))];
}

export interface PairedAutoencoders {
  encX: Mlp;
  encY: Mlp;
  decXX: Mlp;
  decYY: Mlp;
  /** Latent of y → x. */
  decYX: Mlp;
  /** Latent of x → y. */
  decXY: Mlp;
}

/** The registry body of 'lmi'. */
export async function latentMiMethod(x: Matrix, y: MiTarget, o: ResolvedOptions): Promise<MethodResult> {
  if (y instanceof Int32Array) {
    throw new InvalidInputError('lmi: y must be a continuous matrix; LMI learns an autoencoder of y', {
      details: { field: 'y', received: `${y.length} class labels` },
      hint: 'for class labels use mixed, mine or infonce',
    });
  }
  const opts = { ...LMI_DEFAULTS, ...stripUndefined(o.neural) };
  const n = x.rows;
  const dx = x.cols;
  const dy = y.cols;
  const rng = o.rng;
  const { train, heldOut: validation } = splitRows(n, opts.validationFraction, rng.derive('split'));
  checkK(o.k, validation.length, 'lmi (KSG-1 on the validation latents)');
  const xv = zScored(x, opts.clip);
  const yv = zScored(y, opts.clip);
  const lx = o.neural.hiddenUnits ?? lmiHiddenUnits(dx);
  const ly = o.neural.hiddenUnits ?? lmiHiddenUnits(dy);
  const latent = opts.latentSize;
  const wx = widths(lx);
  const wy = widths(ly);
  const net: PairedAutoencoders = {
    encX: createMlp([dx, ...wx, latent], rng.derive('encX'), 'leakyRelu', true),
    encY: createMlp([dy, ...wy, latent], rng.derive('encY'), 'leakyRelu', true),
    decXX: createMlp([latent, ...[...wx].reverse(), dx], rng.derive('decXX'), 'leakyRelu'),
    decYY: createMlp([latent, ...[...wy].reverse(), dy], rng.derive('decYY'), 'leakyRelu'),
    decYX: createMlp([latent, ...[...wx].reverse(), dx], rng.derive('decYX'), 'leakyRelu'),
    decXY: createMlp([latent, ...[...wy].reverse(), dy], rng.derive('decXY'), 'leakyRelu'),
  };
  const nets = Object.values(net);
  const vars = mlpVariables(...nets);
  const optimizer = tf.train.adam(opts.learningRate);
  const xTrain = rowsTensor(xv, dx, train);
  const yTrain = rowsTensor(yv, dy, train);
  const xVal = rowsTensor(xv, dx, validation);
  const yVal = rowsTensor(yv, dy, validation);
  let best = Number.POSITIVE_INFINITY;
  let bestEpoch = -1;
  let bestWeights: tf.Tensor[] | undefined;
  let epochsRun = 0;
  const validationLoss: number[] = [];
  let restoredLoss = Number.NaN;
  let zx: Matrix;
  let zy: Matrix;
  // On the native backend one session run a step (native/lmi-graph.ts), else op by op.
  const graph = lmiGraphStep(net, xTrain, yTrain, { learningRate: opts.learningRate, dropout: opts.dropout });
  try {
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      const erng = rng.derive('epoch').derive(epoch);
      for (const [b, batch] of epochBatches(train.length, opts.batchSize, erng.derive('batches')).entries()) {
        const seed = erng.derive('dropout').derive(b).nextUint32();
        if (graph !== undefined) {
          graph.step(batch, seed);
          continue;
        }
        tf.tidy(() => {
          const idx = tf.tensor1d(batch, 'int32');
          const xb = tf.gather(xTrain, idx);
          const yb = tf.gather(yTrain, idx);
          optimizer.minimize(() => lmiLoss(net, xb, yb, { rate: opts.dropout, seed }), false, vars);
        });
      }
      epochsRun = epoch + 1;
      graph?.syncWeights();
      const loss = evaluateLoss(net, xVal, yVal, opts.batchSize);
      validationLoss.push(loss);
      o.reporter.progress('lmi', epochsRun, opts.epochs, `validation loss ${loss.toFixed(4)}`);
      if (loss < best) {
        best = loss;
        bestEpoch = epoch;
        if (bestWeights !== undefined) tf.dispose(bestWeights);
        bestWeights = snapshotVariables(vars);
      } else if (epoch - bestEpoch >= opts.patience) {
        break;
      }
    }
    if (bestWeights !== undefined) {
      restoreVariables(vars, bestWeights);
      bestWeights = undefined;
    }
    // Re-measured after the restore, so the result shows the latents come from the best epoch (equal to bestValidationLoss).
    restoredLoss = evaluateLoss(net, xVal, yVal, opts.batchSize);
    zx = encode(net.encX, xVal);
    zy = encode(net.encY, yVal);
  } finally {
    graph?.dispose();
    if (bestWeights !== undefined) tf.dispose(bestWeights);
    tf.dispose([xTrain, yTrain, xVal, yVal]);
    disposeMlps(...nets);
    optimizer.dispose();
  }
  const [px, py] = preparePair(zx, zy, { standardize: o.standardize, jitter: o.jitter, rng: rng.derive('ksg') });
  const nats = await ksgNats(px, py, o.k, 1, o.engine);
  return {
    nats,
    n,
    dims: [dx, dy],
    k: o.k,
    standardized: true,
    details: {
      latentSize: latent,
      hiddenUnits: [lx, ly],
      epochsRun,
      bestEpoch: bestEpoch + 1,
      stoppedEarly: epochsRun < opts.epochs,
      bestValidationLoss: best,
      lastValidationLoss: validationLoss[validationLoss.length - 1],
      restoredValidationLoss: restoredLoss,
      validationRows: validation.length,
      trainRows: train.length,
      ksgOn: 'validation latents (KSG-1)',
      backend: tf.getBackend(),
    },
  };
}

function lmiLoss(net: PairedAutoencoders, x: tf.Tensor2D, y: tf.Tensor2D, dropout?: { rate: number; seed: number }): tf.Scalar {
  const zx = applyMlp(net.encX, x);
  const zy = applyMlp(net.encY, y);
  const self = tf.add(tf.losses.meanSquaredError(x, applyMlp(net.decXX, zx)), tf.losses.meanSquaredError(y, applyMlp(net.decYY, zy)));
  const crossDrop = dropout === undefined ? undefined : { rate: dropout.rate, seed: dropout.seed };
  const crossDropY = dropout === undefined ? undefined : { rate: dropout.rate, seed: dropout.seed + 1000 };
  const cross = tf.add(
    tf.losses.meanSquaredError(x, applyMlp(net.decYX, zy, crossDrop)),
    tf.losses.meanSquaredError(y, applyMlp(net.decXY, zx, crossDropY)),
  );
  return tf.add(self, cross) as tf.Scalar;
}

/** The loss on the validation rows without dropout, averaged over rows (batched to bound memory). */
function evaluateLoss(net: PairedAutoencoders, x: tf.Tensor2D, y: tf.Tensor2D, batch: number): number {
  const m = x.shape[0];
  const total = tf.tidy(() => {
    let sum: tf.Scalar = tf.scalar(0);
    for (let s = 0; s < m; s += batch) {
      const size = Math.min(batch, m - s);
      const xb = tf.slice(x, [s, 0], [size, -1]);
      const yb = tf.slice(y, [s, 0], [size, -1]);
      sum = tf.add(sum, tf.mul(lmiLoss(net, xb, yb), size));
    }
    return tf.div(sum, m);
  });
  const out = total.dataSync()[0];
  total.dispose();
  return out;
}

function encode(encoder: Mlp, x: tf.Tensor2D): Matrix {
  const z = tf.tidy(() => applyMlp(encoder, x));
  const values = z.dataSync() as Float32Array;
  const out = new Matrix(Float64Array.from(values), z.shape[0], z.shape[1]);
  z.dispose();
  return out;
}
