/**
 * What the neural estimators' one-run training steps share on the native backend: resource
 * variables initialised from the tfjs ones (Adam's moments from zeros), mlp.ts's MLP forward and
 * backward pass written as TensorFlow ops, tfjs Adam's update as ResourceApplyAdam, and the
 * session that runs the step and copies the weights back (core's openGraphSession).
 */
import * as tf from '@tensorflow/tfjs';
import { GraphBuilder, TF_DTYPE as DT, graphAttr as attr, openGraphSession } from '@cch-lab/core';
import type { Mlp } from '../mlp.js';

/** tfjs's Adam defaults (tf.train.adam), which the op-by-op loops use. */
const BETA1 = 0.9;
const BETA2 = 0.999;
/** The leaky ReLU slope mlp.ts uses. */
const LEAKY_SLOPE = 0.2;

/** An MLP's forward pass in the graph, kept for its backward pass. */
interface MlpPass {
  mlp: Mlp;
  prefix: string;
  /** Reads of [W0, b0, W1, b1, …]. */
  reads: string[];
  /** Each layer's input (after its dropout mask). */
  inputs: string[];
  /** Each layer's dropout multiplier, when the pass drops inputs. */
  masks?: readonly string[];
  /** Per activated layer what its gradient op takes: EluGrad the outputs, LeakyReluGrad the features. */
  saved: string[];
  output: string;
}

export class EstimatorGraph {
  readonly g = new GraphBuilder();
  readonly axis0: string;
  readonly axis1: string;
  /** Feed [lr, β1ᵗ, β2ᵗ, ε̂] each step. */
  readonly hyper: string;
  /** The graph's variables, each with the tfjs variable it starts from and syncs back to: Adam's (in declaration order), then the step's own. */
  private readonly params: FedVariable[] = [];
  private readonly states: FedVariable[] = [];
  private readonly inits: string[] = [];
  private done: string | undefined;

  constructor(private readonly tag: string) {
    this.axis0 = this.g.constInts('axis_0', [0], true);
    this.axis1 = this.g.constInts('axis_1', [1], true);
    this.hyper = this.g.placeholder('hyper', DT.float);
  }

  variable(name: string, shape: readonly number[]): string {
    return this.g.variable(name, shape, `${this.tag}/${name}`);
  }

  assign(handle: string, value: string, control: string[] = []): string {
    return this.g.assignVariable(handle, value, control);
  }

  read(handle: string): string {
    return this.g.readVariable(handle);
  }

  /** Trainable variables for `mlp`'s [W0, b0, …], initialised from them; returns their reads. */
  mlpParams(prefix: string, mlp: Mlp): string[] {
    return mlp.weights.flatMap((w, l) => [this.fed(this.params, `${prefix}_w${l}`, w), this.fed(this.params, `${prefix}_b${l}`, mlp.biases[l])].map((v) => v.read));
  }

  /** A variable updated by the step itself (not by Adam), initialised from `from`; returns [handle, read]. */
  state(name: string, from: tf.Variable): [string, string] {
    const v = this.fed(this.states, name, from);
    return [v.handle, v.read];
  }

  gather(name: string, t: string, rows: string): string {
    return this.g.op('GatherV2', name, [t, rows, this.axis0], { Tparams: attr.float(), Tindices: attr.int32(), Taxis: attr.int32() });
  }

  concat(name: string, parts: string[], axis: string): string {
    return this.g.op('ConcatV2', name, [...parts, axis], { T: attr.float(), N: attr.int(parts.length), Tidx: attr.int32() });
  }

  matMul(name: string, a: string, b: string, ta = false, tb = false): string {
    return this.g.f('MatMul', name, [a, b], { transpose_a: attr.bool(ta), transpose_b: attr.bool(tb) });
  }

  /** 1/B for the int32 row feed `rows`. */
  inverseCount(name: string, rows: string): string {
    const count = this.g.op('Cast', `${name}/count`, [this.g.op('Size', `${name}/size`, [rows], { T: attr.int32(), out_type: attr.int32() })], { SrcT: attr.int32(), DstT: attr.float() });
    return this.g.f('Reciprocal', name, [count]);
  }

  /**
   * mlp.ts's applyMlp on `input`; with `masks` (one dropout multiplier per layer, as tf.dropout's
   * floor(u + keep)/keep) each layer's input is multiplied by its mask first.
   */
  mlpForward(prefix: string, mlp: Mlp, reads: string[], input: string, masks?: readonly string[]): MlpPass {
    const layers = mlp.weights.length;
    const inputs: string[] = [];
    const saved: string[] = [];
    let h = input;
    for (let l = 0; l < layers; l++) {
      if (masks !== undefined) h = this.g.f('Mul', `${prefix}/layer${l}/dropout`, [h, masks[l]]);
      inputs.push(h);
      h = this.g.f('BiasAdd', `${prefix}/layer${l}/bias`, [this.matMul(`${prefix}/layer${l}/matmul`, h, reads[2 * l]), reads[2 * l + 1]]);
      if (l === layers - 1 && !mlp.activateLast) break;
      if (mlp.activation === 'elu') {
        h = this.g.f('Elu', `${prefix}/layer${l}/elu`, [h]);
        saved.push(h);
      } else {
        saved.push(h);
        h = this.g.f('LeakyRelu', `${prefix}/layer${l}/leaky_relu`, [h], { alpha: { f: LEAKY_SLOPE } });
      }
    }
    return { mlp, prefix, reads, inputs, saved, output: h, masks };
  }

  /**
   * The gradients of [W0, b0, …] for `dOutput`, the gradient with respect to the pass's output;
   * with `wantInput` also the gradient with respect to the pass's input.
   */
  mlpBackward(pass: MlpPass, dOutput: string, wantInput = false): { grads: string[]; dInput?: string } {
    const { mlp, prefix, reads, inputs, saved, masks } = pass;
    const layers = mlp.weights.length;
    const grads: string[] = new Array(2 * layers);
    let dh = dOutput;
    for (let l = layers - 1; l >= 0; l--) {
      if (l < layers - 1 || mlp.activateLast) {
        dh =
          mlp.activation === 'elu'
            ? this.g.f('EluGrad', `${prefix}/layer${l}/elu_grad`, [dh, saved[l]])
            : this.g.f('LeakyReluGrad', `${prefix}/layer${l}/leaky_relu_grad`, [dh, saved[l]], { alpha: { f: LEAKY_SLOPE } });
      }
      grads[2 * l] = this.matMul(`${prefix}/layer${l}/kernel_grad`, inputs[l], dh, true, false);
      grads[2 * l + 1] = this.g.f('BiasAddGrad', `${prefix}/layer${l}/bias_grad`, [dh]);
      if (l > 0 || wantInput) {
        dh = this.matMul(`${prefix}/layer${l}/input_grad`, dh, reads[2 * l], false, true);
        if (masks !== undefined) dh = this.g.f('Mul', `${prefix}/layer${l}/dropout_grad`, [dh, masks[l]]);
      }
    }
    return wantInput ? { grads, dInput: dh } : { grads };
  }

  /** tf.dropout's multiplier floor(u + keep)/keep from fed uniforms `u`. */
  dropoutMask(name: string, u: string, rate: number): string {
    const keep = this.g.constFloat(`${name}/keep`, 1 - rate);
    return this.g.f('RealDiv', name, [this.g.f('Floor', `${name}/floor`, [this.g.f('AddV2', `${name}/shifted`, [u, keep])]), keep]);
  }

  /**
   * tfjs Adam's update of every trainable variable with `grads` (in mlpParams order), after every
   * read of them (the update is in place); the step ends after them and after `also`.
   */
  adamStep(grads: readonly string[], also: readonly string[] = []): void {
    const g = this.g;
    const unpack = g.f('Unpack', 'hyper_values', [this.hyper], { num: attr.int(4), axis: attr.int(0) });
    const [lr, beta1Power, beta2Power, epsilonHat] = [0, 1, 2, 3].map((k) => `${unpack}:${k}`);
    const beta1 = g.constFloat('beta1', BETA1);
    const beta2 = g.constFloat('beta2', BETA2);
    const noLock = { T: attr.float(), use_locking: attr.bool(false), use_nesterov: attr.bool(false) };
    const reads = this.params.map((p) => p.read);
    const updates = this.params.map((p, i) => {
      const [m, v] = [this.zeroMoment(`${p.handle}_m`, p), this.zeroMoment(`${p.handle}_v`, p)];
      return g.op('ResourceApplyAdam', `${p.handle}/adam`, [p.handle, m, v, beta1Power, beta2Power, lr, beta1, beta2, epsilonHat, grads[i]], noLock, reads);
    });
    this.done = g.f('Identity', 'step_done', [beta1Power], {}, [...updates, ...also]);
  }

  /** Loads the graph (after adamStep) and initialises its variables from the tfjs ones they were declared with. */
  open(): EstimatorSession | undefined {
    const done = this.done;
    if (done === undefined) throw new Error('EstimatorGraph.open: adamStep first');
    const initDone = this.g.f('Identity', 'init_done', [this.g.constFloat('init_value', 0)], {}, this.inits);
    const session = openGraphSession(tf, this.g.nodes);
    if (session === undefined) return undefined;
    const all = [...this.params, ...this.states];
    tf.dispose(session.run(all.map((v): [string, tf.Tensor] => [v.feed, v.from]), [initDone]));
    const epsilon = tf.backend().epsilon();
    const hyperFeed = this.hyper;
    let t = 0;
    return {
      step(inputs, learningRate) {
        t += 1;
        // tfjs's Adam as TensorFlow's: lr·√(1−β2ᵗ)/(1−β1ᵗ) · m / (√v + ε·√(1−β2ᵗ)).
        const hyper = tf.tensor1d([learningRate, BETA1 ** t, BETA2 ** t, epsilon * Math.sqrt(1 - BETA2 ** t)]);
        tf.dispose(session.run([...inputs, [hyperFeed, hyper]], [done]));
        hyper.dispose();
      },
      sync() {
        const out = session.run([], all.map((v) => v.read));
        all.forEach((v, i) => v.from.assign(out[i]));
        tf.dispose(out);
      },
      dispose: () => session.dispose(),
    };
  }

  /** A graph variable initialised from (and synced back to) `from`, added to `list`. */
  private fed(list: FedVariable[], name: string, from: tf.Variable): FedVariable {
    const handle = this.variable(name, from.shape);
    const feed = this.g.placeholder(`init_${name}`, DT.float);
    this.inits.push(this.assign(handle, feed));
    const v = { handle, feed, read: this.read(handle), from };
    list.push(v);
    return v;
  }

  /** An Adam moment of the trainable variable `p`, zeroed at initialisation. */
  private zeroMoment(name: string, p: FedVariable): string {
    const handle = this.variable(name, p.from.shape);
    this.inits.push(this.assign(handle, this.g.f('ZerosLike', `${name}/zeros`, [p.feed])));
    return handle;
  }
}

interface FedVariable {
  handle: string;
  /** The placeholder it is initialised from. */
  feed: string;
  read: string;
  from: tf.Variable;
}

export interface EstimatorSession {
  /** One Adam step with the step's feeds (placeholder name, tensor) and the learning rate. */
  step(inputs: [string, tf.Tensor][], learningRate: number): void;
  /** Copies the session's variables into the tfjs variables they were declared with. */
  sync(): void;
  dispose(): void;
}
