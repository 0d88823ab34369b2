/**
 * InfoNCE (van den Oord et al. 2018; Poole et al. 2019): with a batch of B pairs and scores
 * S_ij = f(x_i, y_j), I(X;Y) ≥ ln B + mean_i [S_ii − ln Σ_j e^{S_ij}]. Low variance, but the bound
 * can never exceed ln B — the ceiling is reported with every value. The critic is separable,
 * f(x, y) = g(x)·h(y) with two MLPs (2 × 100 ELU → 32), so a batch's B × B scores cost one matrix
 * product. The reported value is the bound on held-out rows in batches of B.
 */
import * as tf from '@tensorflow/tfjs';
import type { Matrix } from '@cch-lab/core';
import { stripUndefined, type ResolvedOptions } from '../options.js';
import type { MethodResult, MiTarget } from '../types.js';
import { applyMlp, createMlp, disposeMlps, mlpVariables, type Mlp } from './mlp.js';
import { epochBatches, rowsTensor, splitRows, targetMatrix, zScored } from './neural-data.js';
import { INFONCE_DEFAULTS } from './neural-defaults.js';
import { infoNceGraphStep } from './native/infonce-graph.js';

/** The registry body of 'infonce'. Class labels enter as indicator columns. */
export async function infoNceMethod(x: Matrix, y: MiTarget, o: ResolvedOptions): Promise<MethodResult> {
  const opts = { ...INFONCE_DEFAULTS, ...stripUndefined(o.neural) };
  const { matrix: ym, labels } = targetMatrix(y);
  const n = x.rows;
  const dx = x.cols;
  const dy = ym.cols;
  const rng = o.rng;
  const { train, heldOut } = splitRows(n, opts.validationFraction, rng.derive('split'));
  const xv = zScored(x);
  const yv = zScored(ym);
  const g = createMlp([dx, opts.hiddenUnits, opts.hiddenUnits, opts.embedding], rng.derive('g'), 'elu');
  const h = createMlp([dy, opts.hiddenUnits, opts.hiddenUnits, opts.embedding], rng.derive('h'), 'elu');
  const vars = mlpVariables(g, h);
  const optimizer = tf.train.adam(opts.learningRate);
  const xTrain = rowsTensor(xv, dx, train);
  const yTrain = rowsTensor(yv, dy, train);
  const xHeld = rowsTensor(xv, dx, heldOut);
  const yHeld = rowsTensor(yv, dy, heldOut);
  const evalBatch = Math.min(opts.batchSize, heldOut.length);
  const smoothFrom = Math.max(0, opts.epochs - Math.max(1, Math.round(opts.epochs / 10)));
  const heldOutValues: number[] = [];
  let steps = 0;
  // On the native backend one session run a step (native/infonce-graph.ts), else op by op.
  const graph = infoNceGraphStep(g, h, xTrain, yTrain, opts.learningRate);
  try {
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      const erng = rng.derive('epoch').derive(epoch);
      for (const batch of epochBatches(train.length, opts.batchSize, erng)) {
        steps++;
        if (graph !== undefined) {
          graph.step(batch);
          continue;
        }
        tf.tidy(() => {
          const idx = tf.tensor1d(batch, 'int32');
          const xb = tf.gather(xTrain, idx);
          const yb = tf.gather(yTrain, idx);
          optimizer.minimize(() => tf.neg(infoNceTerm(g, h, xb, yb)) as tf.Scalar, false, vars);
        });
      }
      if (epoch >= smoothFrom) {
        graph?.syncWeights();
        heldOutValues.push(heldOutBound(g, h, xHeld, yHeld, evalBatch));
      }
      o.reporter.progress('infonce', epoch + 1, opts.epochs);
    }
  } finally {
    graph?.dispose();
    tf.dispose([xTrain, yTrain, xHeld, yHeld]);
    disposeMlps(g, h);
    optimizer.dispose();
  }
  const nats = heldOutValues.reduce((s, v) => s + v, 0) / heldOutValues.length;
  const ceilingNats = Math.log(evalBatch);
  return {
    nats,
    n,
    dims: [dx, labels ? 1 : dy],
    standardized: true,
    details: {
      bound: 'InfoNCE, held-out rows',
      ceilingNats,
      ceilingBits: ceilingNats / Math.LN2,
      atCeiling: nats > 0.9 * ceilingNats,
      evalBatch,
      epochs: opts.epochs,
      steps,
      batchSize: opts.batchSize,
      trainRows: train.length,
      heldOutRows: heldOut.length,
      smoothedOverEpochs: heldOutValues.length,
      backend: tf.getBackend(),
      ...(labels ? { labelsAs: `${dy} indicator columns` } : {}),
    },
  };
}

/** mean_i [S_ii − logsumexp_j S_ij] + ln B for one batch. */
function infoNceTerm(g: Mlp, h: Mlp, x: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar {
  const scores = tf.matMul(applyMlp(g, x), applyMlp(h, y), false, true);
  const b = x.shape[0];
  const diag = tf.sum(tf.mul(scores, tf.eye(b)), 1);
  return tf.add(tf.mean(tf.sub(diag, tf.logSumExp(scores, 1))), Math.log(b)) as tf.Scalar;
}

/** The bound averaged over consecutive held-out batches of `batch` rows (a short remainder is left out). */
function heldOutBound(g: Mlp, h: Mlp, x: tf.Tensor2D, y: tf.Tensor2D, batch: number): number {
  const m = x.shape[0];
  const count = Math.floor(m / batch);
  const value = tf.tidy(() => {
    const terms: tf.Scalar[] = [];
    for (let s = 0; s < count; s++) {
      terms.push(infoNceTerm(g, h, tf.slice(x, [s * batch, 0], [batch, -1]), tf.slice(y, [s * batch, 0], [batch, -1])));
    }
    return tf.mean(tf.stack(terms));
  });
  const out = value.dataSync()[0];
  value.dispose();
  return out;
}
