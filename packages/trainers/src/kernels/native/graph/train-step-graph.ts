/**
 * One training step of a lean network as a single TensorFlow graph: gather the batch rows, the
 * forward pass, the loss and its gradient written out layer by layer (the same kernels TensorFlow's
 * own gradients use), and the optimizer's fused in-place updates on resource variables. On the
 * native backend this replaces some sixty eager ops a step — each a trip through the TFE layer —
 * with one session run.
 *
 * The formulas are those of the op-by-op path (losses/, optimizers.ts, resource-optimizer.ts);
 * results agree with it to float32 rounding (tested), not bit for bit.
 */
import type { ResolvedKdOptions } from '../../../losses/kd-loss.js';
import type { ResolvedOptimizerOptions } from '../../../optimizers.js';
import type { Layer, LayerOp } from '../../../models/layers/layer.js';
import { GraphBuilder, TF_DTYPE as DT, graphAttr as attr, type GraphNodeDef as NodeDef } from '@cch-lab/core';

/** The objectives a graph step can express. */
export type GraphLoss = 'cross-entropy' | 'mse';

export interface TrainStepGraphSpec {
  layers: readonly Layer[];
  /** Shapes of the trainable variables, in the network's order. */
  variableShapes: readonly (readonly number[])[];
  /** Shapes of the layers' state variables (batch norm's running statistics), in the network's order. */
  stateShapes: readonly (readonly number[])[];
  loss: GraphLoss;
  /** A distillation term (losses/kd-loss.ts) against a fed teacher target. */
  kd?: ResolvedKdOptions;
  /** Per-row loss weights are fed (Σwᵢlᵢ / Σwᵢ). */
  weighted: boolean;
  optimizer: ResolvedOptimizerOptions;
  /** Columns of the output (for the squared error's mean over columns). */
  outputUnits: number;
  /** Makes variable names unique to this graph's session. */
  tag: string;
}

/** Names of the graph's feeds and fetches (`name:k` output references). */
export interface TrainStepGraph {
  nodes: NodeDef[];
  feeds: { x: string; targets: string; teacher?: string; weights?: string; rows: string; hyper: string; init: string[]; initState: string[]; dropoutSeeds?: string };
  /** `weights`: the trainable variables, then the state variables. */
  fetches: { init: string; step: string; lossSum: string; resetLoss: string; weights: string[] };
  /** Length of the `hyper` feed: [lr] for sgd, [lr, β1ᵗ, β2ᵗ, ε̂, lr·λ] for adam / adamw. */
  hyperLength: number;
  /** Dropout layers: the `dropoutSeeds` feed is this many rows of two int32 seeds, fresh every step. */
  dropoutLayers: number;
}

const STRIDES_1 = attr.ints([1, 1, 1, 1]);

/** The layers' ops when every layer has one, else undefined (the network stays on the eager path). */
export function graphOps(layers: readonly Layer[]): LayerOp[] | undefined {
  const ops = layers.map((l) => l.op);
  return ops.every((op) => op !== undefined) ? (ops as LayerOp[]) : undefined;
}

export function buildTrainStepGraph(spec: TrainStepGraphSpec): TrainStepGraph {
  const ops = graphOps(spec.layers);
  if (ops === undefined) throw new Error('buildTrainStepGraph: a layer has no graph form (check graphOps first)');
  const g = new GraphBuilder();
  const o = spec.optimizer;

  const variable = (name: string, shape: readonly number[]) => g.variable(name, shape, `${spec.tag}/${name}`);
  const assign = (handle: string, value: string, control: string[] = []) => g.assignVariable(handle, value, control);
  const read = (handle: string) => g.readVariable(handle);

  // Variables and their initialisation from fed values (moments from zeros).
  const params = spec.variableShapes.map((s, i) => variable(`param_${i}`, s));
  const needsFirst = o.name !== 'sgd' || o.momentum > 0;
  const first = needsFirst ? spec.variableShapes.map((s, i) => variable(`moment1_${i}`, s)) : [];
  const second = o.name !== 'sgd' ? spec.variableShapes.map((s, i) => variable(`moment2_${i}`, s)) : [];
  const states = spec.stateShapes.map((s, i) => variable(`state_${i}`, s));
  const lossAcc = variable('loss_sum', []);
  const initFeeds = params.map((_, i) => g.placeholder(`init_${i}`, DT.float));
  const initStateFeeds = states.map((_, i) => g.placeholder(`init_state_${i}`, DT.float));
  const zero = g.constFloat('zero', 0);
  const inits = [
    ...params.map((p, i) => assign(p, initFeeds[i])),
    ...states.map((st, i) => assign(st, initStateFeeds[i])),
    ...[...first, ...second].map((m, j) => assign(m, g.f('ZerosLike', `${m}/zeros`, [initFeeds[j % params.length]]))),
    assign(lossAcc, zero),
  ];
  const initDone = g.f('Identity', 'init_done', [zero], {}, inits);
  const resetLoss = g.f('Identity', 'reset_done', [zero], {}, [assign(lossAcc, zero)]);
  const lossSum = read(lossAcc);

  // Feeds of the step.
  const x = g.placeholder('x', DT.float);
  const targets = g.placeholder('targets', DT.float);
  const rows = g.placeholder('rows', DT.int32);
  const hyperLength = o.name === 'sgd' ? 1 : 5;
  const hyper = g.placeholder('hyper', DT.float);
  const unpack = g.f('Unpack', 'hyper_values', [hyper], { num: attr.int(hyperLength), axis: attr.int(0) });
  const hv = Array.from({ length: hyperLength }, (_, k) => `${unpack}:${k}`);
  const axis0 = g.constInts('axis_0', [0], true);
  const axis1 = g.constInts('axis_1', [1], true);
  const gather = (name: string, t: string) => g.op('GatherV2', name, [t, rows, axis0], { Tparams: attr.float(), Tindices: attr.int32(), Taxis: attr.int32() });
  const xb = gather('x_batch', x);
  const tb = gather('targets_batch', targets);
  const teacher = spec.kd === undefined ? undefined : g.placeholder('teacher', DT.float);
  const teacherBatch = teacher === undefined ? undefined : gather('teacher_batch', teacher);
  const weights = spec.weighted ? g.placeholder('weights', DT.float) : undefined;
  const wb = weights === undefined ? undefined : gather('weights_batch', weights);

  const dropoutLayers = ops.filter((op) => op.kind === 'dropout').length;
  const dropoutSeeds = dropoutLayers > 0 ? g.placeholder('dropout_seeds', DT.int32) : undefined;
  const seedRows = dropoutSeeds === undefined ? '' : g.op('Unpack', 'dropout_seed_rows', [dropoutSeeds], { T: attr.int32(), num: attr.int(dropoutLayers), axis: attr.int(0) });
  const masks = new Map<number, string>();
  let dropoutIndex = 0;

  // Forward, remembering each layer's input and output.
  const reads = params.map(read);
  const stateReads = states.map(read);
  const stateUpdates: string[] = [];
  const batchNorms = new Map<number, { fused: string; input: string }>();
  const ins: string[] = [];
  const outs: string[] = [];
  let cur = xb;
  let v = 0;
  let sv = 0;
  const varIndex: number[] = [];
  ops.forEach((op, li) => {
    ins.push(cur);
    varIndex.push(v);
    const name = spec.layers[li].name;
    switch (op.kind) {
      case 'dense':
        cur = g.f('MatMul', `${name}/matmul`, [cur, reads[v]], { transpose_a: attr.bool(false), transpose_b: attr.bool(false) });
        if (op.bias) cur = g.f('BiasAdd', `${name}/bias`, [cur, reads[v + 1]]);
        v += op.bias ? 2 : 1;
        break;
      case 'conv2d':
        cur = g.f('Conv2D', `${name}/conv`, [cur, reads[v]], { strides: STRIDES_1, padding: attr.string(op.padding.toUpperCase()) });
        cur = g.f('BiasAdd', `${name}/bias`, [cur, reads[v + 1]]);
        v += 2;
        break;
      case 'activation':
        cur = activationForward(g, name, op.activation, cur);
        break;
      case 'max-pool':
        cur = g.f('MaxPool', name, [cur], poolAttrs(op.size));
        break;
      case 'reshape':
        cur = g.op('Reshape', name, [cur, g.constInts(`${name}/shape`, [-1, ...op.shape])], { T: attr.float(), Tshape: attr.int32() });
        break;
      case 'dropout': {
        // Inverted dropout as in layers/dropout.ts: keep a unit when u ≥ rate, scale by 1/(1 − rate).
        const u = g.op('StatelessRandomUniform', `${name}/uniform`, [shapeOf(g, name, cur), `${seedRows}:${dropoutIndex++}`], { dtype: attr.float(), T: attr.int32(), Tseed: attr.int32() });
        const keep = g.op('Cast', `${name}/keep`, [g.f('GreaterEqual', `${name}/kept`, [u, g.constFloat(`${name}/rate`, op.rate)])], { SrcT: attr.type(DT.bool), DstT: attr.float() });
        const mask = g.f('Mul', `${name}/mask`, [keep, g.constFloat(`${name}/scale`, 1 / (1 - op.rate))]);
        masks.set(li, mask);
        cur = g.f('Mul', name, [cur, mask]);
        break;
      }
      case 'batch-norm': {
        // FusedBatchNormV3 wants NHWC: a dense layer's [batch, features] as [batch, 1, 1, features].
        // With exponential_avg_factor m its mean/variance outputs are already (1 − m)·running + m·batch
        // (the unbiased batch variance), PyTorch's update.
        const features = spec.variableShapes[v][0];
        const input = spec.layers[li].outputShape.length === 1 ? asNhwc(g, `${name}/as_nhwc`, cur, features) : cur;
        const fused = g.op('FusedBatchNormV3', `${name}/fused`, [input, reads[v], reads[v + 1], stateReads[sv], stateReads[sv + 1]], batchNormAttrs(op.epsilon, op.momentum));
        stateUpdates.push(assign(states[sv], `${fused}:1`), assign(states[sv + 1], `${fused}:2`));
        batchNorms.set(li, { fused, input });
        cur = input === cur ? `${fused}:0` : asRows(g, name, `${fused}:0`, features);
        v += 2;
        sv += 2;
        break;
      }
    }
    outs.push(cur);
  });

  // Loss and its gradient with respect to the outputs.
  const count = g.op('Cast', 'batch_rows', [g.op('Size', 'rows_size', [rows], { T: attr.int32(), out_type: attr.int32() })], { SrcT: attr.int32(), DstT: attr.float() });
  let perRow: string;
  let perRowGrad: string; // d(per-row loss)/d(outputs), batch × outputs
  if (spec.loss === 'cross-entropy') {
    const sce = g.f('SoftmaxCrossEntropyWithLogits', 'cross_entropy', [cur, tb]);
    perRow = `${sce}:0`;
    perRowGrad = `${sce}:1`;
  } else {
    [perRow, perRowGrad] = squaredError(g, 'residual', cur, tb, axis1, spec.outputUnits);
  }
  if (spec.kd !== undefined && teacherBatch !== undefined) [perRow, perRowGrad] = withDistillation(g, spec, cur, teacherBatch, perRow, perRowGrad, axis1);
  const sum0 = (name: string, t: string) => g.reduce('Sum', name, t, axis0);
  let loss: string;
  let dOut: string;
  if (wb === undefined) {
    loss = g.reduce('Mean', 'loss', perRow, axis0);
    dOut = g.f('Mul', 'output_grad', [perRowGrad, g.f('Reciprocal', 'inv_rows', [count])]);
  } else {
    const total = sum0('weight_sum', wb);
    loss = g.f('RealDiv', 'loss', [sum0('weighted_loss_sum', g.f('Mul', 'weighted_loss', [perRow, wb])), total]);
    const share = g.f('RealDiv', 'row_share', [wb, total]);
    dOut = g.f('Mul', 'output_grad', [perRowGrad, g.op('ExpandDims', 'row_share_col', [share, axis1], { T: attr.float(), Tdim: attr.int32() })]);
  }
  const accumulate = g.op('AssignAddVariableOp', 'loss_sum/add', [lossAcc, g.f('Mul', 'loss_times_rows', [loss, count])], { dtype: attr.float() });

  // Backward, layer by layer; no input gradient below the first layer with variables.
  const firstTrainable = ops.findIndex((op) => op.kind === 'dense' || op.kind === 'conv2d' || op.kind === 'batch-norm');
  const grads: string[] = new Array(params.length);
  let dy = dOut;
  for (let li = ops.length - 1; li >= firstTrainable && li >= 0; li--) {
    const op = ops[li];
    const name = `${spec.layers[li].name}/grad`;
    const wantInput = li > firstTrainable;
    const vi = varIndex[li];
    switch (op.kind) {
      case 'dense':
        grads[vi] = g.f('MatMul', `${name}/kernel`, [ins[li], dy], { transpose_a: attr.bool(true), transpose_b: attr.bool(false) });
        if (op.bias) grads[vi + 1] = g.f('BiasAddGrad', `${name}/bias`, [dy]);
        if (wantInput) dy = g.f('MatMul', `${name}/input`, [dy, reads[vi]], { transpose_a: attr.bool(false), transpose_b: attr.bool(true) });
        break;
      case 'conv2d': {
        const padding = attr.string(op.padding.toUpperCase());
        const kshape = g.constInts(`${name}/kernel_shape`, spec.variableShapes[vi]);
        grads[vi] = g.f('Conv2DBackpropFilter', `${name}/kernel`, [ins[li], kshape, dy], { strides: STRIDES_1, padding });
        grads[vi + 1] = g.f('BiasAddGrad', `${name}/bias`, [dy]);
        if (wantInput) dy = g.f('Conv2DBackpropInput', `${name}/input`, [shapeOf(g, name, ins[li]), reads[vi], dy], { strides: STRIDES_1, padding });
        break;
      }
      case 'activation':
        dy = activationBackward(g, name, op.activation, ins[li], outs[li], dy);
        break;
      case 'max-pool':
        dy = g.f('MaxPoolGrad', name, [ins[li], outs[li], dy], poolAttrs(op.size));
        break;
      case 'reshape':
        dy = g.op('Reshape', name, [dy, shapeOf(g, name, ins[li])], { T: attr.float(), Tshape: attr.int32() });
        break;
      case 'dropout':
        dy = g.f('Mul', name, [dy, masks.get(li)!]);
        break;
      case 'batch-norm': {
        const { fused, input } = batchNorms.get(li)!;
        const features = spec.variableShapes[vi][0];
        const dense = input !== ins[li];
        const fusedGrad = g.op(
          'FusedBatchNormGradV3',
          `${name}/fused`,
          [dense ? asNhwc(g, `${name}/dy_as_nhwc`, dy, features) : dy, input, reads[vi], `${fused}:3`, `${fused}:4`, `${fused}:5`],
          batchNormAttrs(op.epsilon),
        );
        grads[vi] = `${fusedGrad}:1`;
        grads[vi + 1] = `${fusedGrad}:2`;
        if (wantInput) dy = dense ? asRows(g, name, `${fusedGrad}:0`, features) : `${fusedGrad}:0`;
        break;
      }
    }
  }

  // Updates: after every read (a resource update is in place), in the op-by-op path's formulas.
  const noLock = { T: attr.float(), use_locking: attr.bool(false) };
  const updates = params.map((p, i) => {
    let grad = grads[i];
    if (o.name !== 'adamw' && o.weightDecay > 0) grad = g.f('AddV2', `param_${i}/l2`, [grad, g.f('Mul', `param_${i}/decay`, [reads[i], g.constFloat(`param_${i}/lambda`, o.weightDecay)])]);
    if (o.name === 'sgd') {
      if (o.momentum > 0) {
        return g.op('ResourceApplyMomentum', `param_${i}/momentum`, [p, first[i], hv[0], grad, g.constFloat(`param_${i}/mu`, o.momentum)], { ...noLock, use_nesterov: attr.bool(false) }, reads);
      }
      return g.op('ResourceApplyGradientDescent', `param_${i}/sgd`, [p, hv[0], grad], noLock, reads);
    }
    const control = [...reads];
    if (o.name === 'adamw' && o.weightDecay > 0) control.push(g.op('ResourceApplyGradientDescent', `param_${i}/decoupled_decay`, [p, hv[4], reads[i]], noLock, reads));
    const beta1 = g.constFloat(`param_${i}/beta1`, o.beta1);
    const beta2 = g.constFloat(`param_${i}/beta2`, o.beta2);
    return g.op('ResourceApplyAdam', `param_${i}/adam`, [p, first[i], second[i], hv[1], hv[2], hv[0], beta1, beta2, hv[3], grad], { ...noLock, use_nesterov: attr.bool(false) }, control);
  });
  const step = g.f('Identity', 'step_done', [loss], {}, [...updates, ...stateUpdates, accumulate]);

  return {
    nodes: g.nodes,
    feeds: { x, targets, teacher, weights, rows, hyper, init: initFeeds, initState: initStateFeeds, dropoutSeeds },
    fetches: { init: initDone, step, lossSum, resetLoss, weights: [...reads, ...stateReads] },
    hyperLength,
    dropoutLayers,
  };
}

/**
 * Adds the KD term to the per-row loss and its gradient: classification T²·KL(p_t ‖ softmax(s/T))
 * from the teacher's log-probabilities (gradient λT·(softmax(s/T) − p_t)), regression the squared
 * error to the teacher's prediction; the task term is scaled by 1 − λ in the hinton form.
 */
function withDistillation(g: GraphBuilder, spec: TrainStepGraphSpec, outputs: string, teacher: string, task: string, taskGrad: string, axis1: string): [string, string] {
  const kd = spec.kd!;
  const taskWeight = kd.form === 'hinton' ? 1 - kd.lambda : 1;
  const scale = (name: string, t: string, k: number) => (k === 1 ? t : g.f('Mul', name, [t, g.constFloat(`${name}/factor`, k)]));
  let distill: string;
  let distillGrad: string;
  if (spec.loss === 'cross-entropy') {
    const T = kd.temperature;
    const probabilities = g.f('Exp', 'teacher_probabilities', [teacher]);
    const soft = g.f('SoftmaxCrossEntropyWithLogits', 'distillation', [scale('student_over_t', outputs, 1 / T), probabilities]);
    // KL = cross-entropy − the teacher's entropy: Σ p log p added back.
    const negEntropy = g.reduce('Sum', 'teacher_neg_entropy', g.f('Mul', 'teacher_plogp', [probabilities, teacher]), axis1);
    distill = scale('distillation_t2', g.f('AddV2', 'distillation_kl', [`${soft}:0`, negEntropy]), T * T);
    distillGrad = scale('distillation_grad', `${soft}:1`, T);
  } else {
    [distill, distillGrad] = squaredError(g, 'teacher_residual', outputs, teacher, axis1, spec.outputUnits);
  }
  return [
    g.f('AddV2', 'kd_per_row', [scale('task_weighted', task, taskWeight), scale('distillation_weighted', distill, kd.lambda)]),
    g.f('AddV2', 'kd_per_row_grad', [scale('task_grad_weighted', taskGrad, taskWeight), scale('distillation_grad_weighted', distillGrad, kd.lambda)]),
  ];
}

/** Squared error per row, mean over the k output columns (losses/mse.ts), and its gradient 2(p − y)/k. */
function squaredError(g: GraphBuilder, name: string, predictions: string, targets: string, axis1: string, k: number): [string, string] {
  const diff = g.f('Sub', name, [predictions, targets]);
  return [g.reduce('Mean', `${name}/mean_sq`, g.f('Square', `${name}/sq`, [diff]), axis1), g.f('Mul', `${name}/grad`, [diff, g.constFloat(`${name}/two_over_k`, 2 / k)])];
}

/** Training-mode FusedBatchNormV3 / FusedBatchNormGradV3 attributes (float32, NHWC). */
function batchNormAttrs(epsilon: number, momentum?: number) {
  return {
    T: attr.float(),
    U: attr.float(),
    epsilon: { f: epsilon },
    data_format: attr.string('NHWC'),
    is_training: attr.bool(true),
    ...(momentum === undefined ? {} : { exponential_avg_factor: { f: momentum } }),
  };
}

function asNhwc(g: GraphBuilder, name: string, t: string, features: number): string {
  return g.op('Reshape', name, [t, g.constInts(`${name}/shape`, [-1, 1, 1, features])], { T: attr.float(), Tshape: attr.int32() });
}

function asRows(g: GraphBuilder, name: string, t: string, features: number): string {
  return g.op('Reshape', `${name}/as_rows`, [t, g.constInts(`${name}/rows_shape`, [-1, features])], { T: attr.float(), Tshape: attr.int32() });
}

function poolAttrs(size: number) {
  return { ksize: attr.ints([1, size, size, 1]), strides: attr.ints([1, size, size, 1]), padding: attr.string('VALID') };
}

function shapeOf(g: GraphBuilder, name: string, t: string): string {
  return g.op('Shape', `${name}/input_shape`, [t], { T: attr.float(), out_type: attr.int32() });
}

/** PyTorch's default negative slope, as in layers/activation.ts. */
const LEAKY_SLOPE = 0.01;

function activationForward(g: GraphBuilder, name: string, kind: string, x: string): string {
  switch (kind) {
    case 'relu':
      return g.f('Relu', name, [x]);
    case 'tanh':
      return g.f('Tanh', name, [x]);
    case 'sigmoid':
      return g.f('Sigmoid', name, [x]);
    case 'elu':
      return g.f('Elu', name, [x]);
    case 'leaky-relu':
      return g.f('LeakyRelu', name, [x], { alpha: { f: LEAKY_SLOPE } });
    default:
      return x;
  }
}

function activationBackward(g: GraphBuilder, name: string, kind: string, x: string, y: string, dy: string): string {
  switch (kind) {
    case 'relu':
      return g.f('ReluGrad', name, [dy, y]);
    case 'tanh':
      return g.f('TanhGrad', name, [y, dy]);
    case 'sigmoid':
      return g.f('SigmoidGrad', name, [y, dy]);
    case 'elu':
      return g.f('EluGrad', name, [dy, y]);
    case 'leaky-relu':
      return g.f('LeakyReluGrad', name, [dy, x], { alpha: { f: LEAKY_SLOPE } });
    default:
      return dy;
  }
}
