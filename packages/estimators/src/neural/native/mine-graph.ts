/**
 * MINE's training step as one TensorFlow graph on the native backend (core's openGraphSession):
 * the same batch rows, marginal shuffle, loss gradient and Adam update as mine.ts's op-by-op loop,
 * in one session run instead of some hundred eager ops. The joint and the marginal pairs go
 * through the critic as one stacked batch (their gradients then sum inside the MatMuls); the
 * gradient of −(mean T_joint − mean e^{T_marginal} / ema) is written out: −1/B on joint rows,
 * e^{T}/(B·ema) on marginal ones, then back through the critic's layers. The moving average of
 * E[e^T] is updated after the step from the same forward pass, as mine.ts does. Results agree with
 * the op-by-op path to float32 rounding (tested), not bit for bit.
 */
import * as tf from '@tensorflow/tfjs';
import { GraphBuilder, TF_DTYPE as DT, graphAttr as attr, openGraphSession } from '@cch-lab/core';
import type { Mlp } from '../mlp.js';

export interface MineGraphStep {
  /** One Adam step on the training rows `rows`, marginal pairs from y shuffled by `shuffle` within the batch. */
  step(rows: Int32Array, shuffle: Int32Array): void;
  /** Copies the session's critic weights and moving average into the tfjs variables. */
  syncWeights(): void;
  dispose(): void;
}

export interface MineGraphOptions {
  learningRate: number;
  emaRate: number;
}

/** tfjs's Adam defaults (tf.train.adam), which the op-by-op loop uses. */
const BETA1 = 0.9;
const BETA2 = 0.999;
/** The leaky ReLU slope mlp.ts uses. */
const LEAKY_SLOPE = 0.2;

let graphs = 0;

/** The graph step, or undefined off the native backend (or under CCH_NATIVE_GRAPH=0). */
export function mineGraphStep(critic: Mlp, ema: tf.Variable, x: tf.Tensor2D, y: tf.Tensor2D, options: MineGraphOptions): MineGraphStep | undefined {
  if (process.env.CCH_NATIVE_GRAPH === '0' || tf.getBackend() !== 'tensorflow') return undefined;
  const params = critic.weights.flatMap((w, l) => [w, critic.biases[l]]);
  const graph = buildMineGraph(
    params.map((p) => p.shape),
    critic.activation,
    options.emaRate,
    `cch-mine-${process.pid}-${++graphs}`,
  );
  const session = openGraphSession(tf, graph.nodes);
  if (session === undefined) return undefined;
  tf.dispose(session.run([...graph.init.map((name, i): [string, tf.Tensor] => [name, params[i]]), [graph.initEma, ema]], [graph.initDone]));
  const epsilon = tf.backend().epsilon();
  let t = 0;
  return {
    step(rows, shuffle) {
      t += 1;
      const feeds: [string, tf.Tensor][] = [
        [graph.rows, tf.tensor1d(rows, 'int32')],
        [graph.shuffle, tf.tensor1d(shuffle, 'int32')],
        // tfjs's Adam as TensorFlow's: lr·√(1−β2ᵗ)/(1−β1ᵗ) · m / (√v + ε·√(1−β2ᵗ)).
        [graph.hyper, tf.tensor1d([options.learningRate, BETA1 ** t, BETA2 ** t, epsilon * Math.sqrt(1 - BETA2 ** t)])],
      ];
      tf.dispose(session.run([[graph.x, x], [graph.y, y], ...feeds], [graph.stepDone]));
      tf.dispose(feeds.map(([, v]) => v));
    },
    syncWeights() {
      const values = session.run([], [...graph.reads, graph.emaRead]);
      [...params, ema].forEach((v, i) => v.assign(values[i]));
      tf.dispose(values);
    },
    dispose() {
      session.dispose();
    },
  };
}

interface MineGraph {
  nodes: GraphBuilder['nodes'];
  init: string[];
  initEma: string;
  initDone: string;
  x: string;
  y: string;
  rows: string;
  shuffle: string;
  hyper: string;
  stepDone: string;
  reads: string[];
  emaRead: string;
}

/** `shapes`: the critic's [W0, b0, W1, b1, …]. */
function buildMineGraph(shapes: readonly (readonly number[])[], activation: Mlp['activation'], emaRate: number, tag: string): MineGraph {
  const g = new GraphBuilder();
  const variable = (name: string, shape: readonly number[]) =>
    g.op('VarHandleOp', name, [], { dtype: attr.float(), shape: attr.shape(shape), container: attr.string(''), shared_name: attr.string(`${tag}/${name}`) });
  const assign = (handle: string, value: string, control: string[] = []) => g.op('AssignVariableOp', `${handle}/assign`, [handle, value], { dtype: attr.float() }, control);
  const read = (handle: string) => g.op('ReadVariableOp', `${handle}/read`, [handle], { dtype: attr.float() });
  const matMul = (name: string, a: string, b: string, ta = false, tb = false) => g.f('MatMul', name, [a, b], { transpose_a: attr.bool(ta), transpose_b: attr.bool(tb) });
  const concat = (name: string, parts: string[], axis: string) => g.op('ConcatV2', name, [...parts, axis], { T: attr.float(), N: attr.int(parts.length), Tidx: attr.int32() });

  const params = shapes.map((s, i) => variable(`param_${i}`, s));
  const first = shapes.map((s, i) => variable(`moment1_${i}`, s));
  const second = shapes.map((s, i) => variable(`moment2_${i}`, s));
  const emaVar = variable('ema', []);
  const init = params.map((_, i) => g.placeholder(`init_${i}`, DT.float));
  const initEma = g.placeholder('init_ema', DT.float);
  const initDone = g.f('Identity', 'init_done', [initEma], {}, [
    ...params.map((p, i) => assign(p, init[i])),
    ...[...first, ...second].map((m, j) => assign(m, g.f('ZerosLike', `${m}/zeros`, [init[j % params.length]]))),
    assign(emaVar, initEma),
  ]);

  const x = g.placeholder('x', DT.float);
  const y = g.placeholder('y', DT.float);
  const rows = g.placeholder('rows', DT.int32);
  const shuffle = g.placeholder('shuffle', DT.int32);
  const hyper = g.placeholder('hyper', DT.float);
  const unpack = g.f('Unpack', 'hyper_values', [hyper], { num: attr.int(4), axis: attr.int(0) });
  const [lr, beta1Power, beta2Power, epsilonHat] = [0, 1, 2, 3].map((k) => `${unpack}:${k}`);
  const axis0 = g.constInts('axis_0', [0], true);
  const axis1 = g.constInts('axis_1', [1], true);
  const gather = (name: string, t: string, idx: string) => g.op('GatherV2', name, [t, idx, axis0], { Tparams: attr.float(), Tindices: attr.int32(), Taxis: attr.int32() });
  const xb = gather('x_batch', x, rows);
  const yb = gather('y_batch', y, rows);
  const ym = gather('y_marginal', yb, shuffle);
  // Joint rows first, then marginal rows: one pass of the critic for both.
  const z = concat('critic_input', [concat('joint', [xb, yb], axis1), concat('marginal', [xb, ym], axis1)], axis0);

  const reads = params.map(read);
  const layers = shapes.length / 2;
  const inputs: string[] = [];
  // What each hidden activation's gradient op takes: EluGrad the outputs, LeakyReluGrad the features.
  const saved: string[] = [];
  let h = z;
  for (let l = 0; l < layers; l++) {
    inputs.push(h);
    h = g.f('BiasAdd', `layer${l}/bias`, [matMul(`layer${l}/matmul`, h, reads[2 * l]), reads[2 * l + 1]]);
    if (l === layers - 1) break;
    if (activation === 'elu') {
      h = g.f('Elu', `layer${l}/elu`, [h]);
      saved.push(h);
    } else {
      saved.push(h);
      h = g.f('LeakyRelu', `layer${l}/leaky_relu`, [h], { alpha: { f: LEAKY_SLOPE } });
    }
  }
  const scores = g.f('Split', 'scores', [axis0, h], { num_split: attr.int(2) });
  const [joint, marginal] = [`${scores}:0`, `${scores}:1`];
  const expMarginal = g.f('Exp', 'exp_marginal', [marginal]);
  const allAxes = g.constInts('axes_01', [0, 1]);
  const meanExp = g.reduce('Mean', 'mean_exp_marginal', expMarginal, allAxes);
  const emaRead = read(emaVar);

  // d loss / d scores: −1/B on joint rows, e^T/(B·ema) on marginal ones (ema a constant).
  const batch = g.op('Cast', 'batch_rows', [g.op('Size', 'rows_size', [rows], { T: attr.int32(), out_type: attr.int32() })], { SrcT: attr.int32(), DstT: attr.float() });
  const invBatch = g.f('Reciprocal', 'inv_batch', [batch]);
  const jointShape = g.op('Shape', 'joint_shape', [joint], { T: attr.float(), out_type: attr.int32() });
  const dJoint = g.op('Fill', 'joint_grad', [jointShape, g.f('Neg', 'neg_inv_batch', [invBatch])], { T: attr.float(), index_type: attr.int32() });
  const dMarginal = g.f('Mul', 'marginal_grad', [expMarginal, g.f('RealDiv', 'inv_batch_ema', [invBatch, emaRead])]);
  let dh = concat('scores_grad', [dJoint, dMarginal], axis0);

  const grads: string[] = new Array(shapes.length);
  for (let l = layers - 1; l >= 0; l--) {
    if (l < layers - 1) {
      dh = activation === 'elu' ? g.f('EluGrad', `layer${l}/elu_grad`, [dh, saved[l]]) : g.f('LeakyReluGrad', `layer${l}/leaky_relu_grad`, [dh, saved[l]], { alpha: { f: LEAKY_SLOPE } });
    }
    grads[2 * l] = matMul(`layer${l}/kernel_grad`, inputs[l], dh, true, false);
    grads[2 * l + 1] = g.f('BiasAddGrad', `layer${l}/bias_grad`, [dh]);
    if (l > 0) dh = matMul(`layer${l}/input_grad`, dh, reads[2 * l], false, true);
  }

  // In-place updates after every read; the average after the gradient that divides by it.
  const noLock = { T: attr.float(), use_locking: attr.bool(false) };
  const updates = params.map((p, i) =>
    g.op(
      'ResourceApplyAdam',
      `param_${i}/adam`,
      [p, first[i], second[i], beta1Power, beta2Power, lr, g.constFloat(`param_${i}/beta1`, BETA1), g.constFloat(`param_${i}/beta2`, BETA2), epsilonHat, grads[i]],
      { ...noLock, use_nesterov: attr.bool(false) },
      reads,
    ),
  );
  const newEma = g.f('AddV2', 'ema_next', [g.f('Mul', 'ema_kept', [emaRead, g.constFloat('one_minus_rate', 1 - emaRate)]), g.f('Mul', 'ema_new', [meanExp, g.constFloat('rate', emaRate)])]);
  const emaUpdate = assign(emaVar, newEma, [dMarginal]);
  const stepDone = g.f('Identity', 'step_done', [meanExp], {}, [...updates, emaUpdate]);

  return { nodes: g.nodes, init, initEma, initDone, x, y, rows, shuffle, hyper, stepDone, reads, emaRead };
}
