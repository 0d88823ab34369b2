/**
 * Optimizers over plain tfjs variables, written out (rather than tf.train.*) so that the learning
 * rate can follow a schedule step by step, AdamW exists, and the update uses the fewest kernels
 * (on the native backend TensorFlow's fused ones, on wasm a SIMD pass for Adam).
 * Formulas follow torch.optim (the paper's code base): Adam for the synthetic experiment, SGD with
 * momentum for images, AdamW for MOSEI.
 */
import * as tf from '@tensorflow/tfjs';
import { UnknownMethodError, checkNumber } from '@cch-lab/core';
import { resourceOptimizer } from './kernels/native/resource-optimizer.js';
import { ADAM_STEP_KERNEL, type AdamStepAttrs } from './kernels/wasm/adam-step.js';

export const OPTIMIZER_NAMES = ['adam', 'sgd', 'adamw'] as const;
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

export interface OptimizerOptions {
  /** Default 'adam'. */
  name?: OptimizerName;
  /** Base step size (a schedule scales it per epoch). Default 1e-3 for adam/adamw, 0.01 for sgd. */
  learningRate?: number;
  /** SGD momentum μ (buffer b ← μ·b + g, step −lr·b). Default 0. Ignored by adam/adamw. */
  momentum?: number;
  /**
   * Weight decay λ. adam and sgd: L2, added to the gradient (g + λθ); adamw: decoupled,
   * θ ← θ − lr·λ·θ_{t−1} beside the Adam step. Default 0 for adam/sgd, 0.01 for adamw.
   */
  weightDecay?: number;
  /** Adam's first-moment decay. Default 0.9. */
  beta1?: number;
  /** Adam's second-moment decay. Default 0.999. */
  beta2?: number;
  /** Adam's denominator guard. Default 1e-8. */
  epsilon?: number;
}

export type ResolvedOptimizerOptions = Required<OptimizerOptions>;

const OPTIMIZER_DEFAULTS: Record<OptimizerName, Readonly<ResolvedOptimizerOptions>> = {
  adam: Object.freeze({ name: 'adam', learningRate: 1e-3, momentum: 0, weightDecay: 0, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }),
  sgd: Object.freeze({ name: 'sgd', learningRate: 0.01, momentum: 0, weightDecay: 0, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }),
  adamw: Object.freeze({ name: 'adamw', learningRate: 1e-3, momentum: 0, weightDecay: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }),
};

/**
 * Fills in the defaults of the named optimizer and checks ranges.
 * @throws UnknownMethodError for an unknown name; InvalidInputError for out-of-range numbers.
 */
export function resolveOptimizerOptions(options: OptimizerOptions = {}, field = 'optimizer'): ResolvedOptimizerOptions {
  const name = options.name ?? 'adam';
  if (!(OPTIMIZER_NAMES as readonly string[]).includes(name)) {
    throw new UnknownMethodError('optimizer', String(name), OPTIMIZER_NAMES, { details: { field: `${field}.name` } });
  }
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const o = { ...OPTIMIZER_DEFAULTS[name], ...defined } as ResolvedOptimizerOptions;
  checkNumber(o.learningRate, `${field}.learningRate`, { min: Number.MIN_VALUE, max: 100 });
  checkNumber(o.momentum, `${field}.momentum`, { min: 0, max: 0.999999 });
  checkNumber(o.weightDecay, `${field}.weightDecay`, { min: 0, max: 10 });
  checkNumber(o.beta1, `${field}.beta1`, { min: 0, max: 0.999999 });
  checkNumber(o.beta2, `${field}.beta2`, { min: 0, max: 0.999999999 });
  checkNumber(o.epsilon, `${field}.epsilon`, { min: 0, max: 1 });
  return o;
}

/** Updates a fixed list of variables from their gradients. */
export interface Optimizer {
  readonly options: ResolvedOptimizerOptions;
  /** One step at `learningRate` (the scheduled rate); call inside tf.tidy. */
  apply(gradients: readonly tf.Tensor[], learningRate: number): void;
  /** Frees the optimizer's state (moments, momentum buffers). */
  dispose(): void;
}

/**
 * An optimizer for `variables` (state allocated here, freed by dispose()): on the native backend
 * TensorFlow's fused update kernels (kernels/native/resource-optimizer.ts), elsewhere tfjs ops.
 */
export function createOptimizer(options: OptimizerOptions, variables: readonly tf.Variable[]): Optimizer {
  const o = resolveOptimizerOptions(options);
  return resourceOptimizer(o, variables) ?? createTfjsOptimizer(o, variables);
}

/**
 * The same optimizer on tfjs kernels, on any backend: tfjs ops, or for Adam this package's fused
 * kernel where the backend registers one (wasm). The native fused kernels are tested against it.
 */
export function createTfjsOptimizer(options: OptimizerOptions, variables: readonly tf.Variable[]): Optimizer {
  const o = resolveOptimizerOptions(options);
  return o.name === 'sgd' ? sgd(o, variables) : adam(o, variables);
}

function zerosLike(variables: readonly tf.Variable[]): tf.Variable[] {
  return variables.map((v) => tf.tidy(() => tf.variable(tf.zerosLike(v), false)));
}

/** torch.optim.SGD: g ← g + λθ; b ← μ·b + g (b₁ = g₁); θ ← θ − lr·b. */
function sgd(o: ResolvedOptimizerOptions, variables: readonly tf.Variable[]): Optimizer {
  const buffers = o.momentum > 0 ? zerosLike(variables) : [];
  return {
    options: o,
    apply(gradients, learningRate) {
      variables.forEach((theta, i) => {
        let g = gradients[i];
        if (o.weightDecay > 0) g = tf.add(g, tf.mul(theta, o.weightDecay));
        if (o.momentum > 0) {
          const b = tf.add(tf.mul(buffers[i], o.momentum), g);
          buffers[i].assign(b);
          g = b;
        }
        theta.assign(tf.sub(theta, tf.mul(g, learningRate)));
      });
    },
    dispose: () => tf.dispose(buffers),
  };
}

/**
 * torch.optim.Adam / AdamW (Kingma & Ba 2015; Loshchilov & Hutter 2019), as one fused kernel a
 * variable where the backend has one (wasm: CchAdamStep, bit-identical to the ops below):
 * m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g², θ ← θ − (lr/(1−β1ᵗ))·m / (√v/√(1−β2ᵗ) + ε);
 * adam adds λθ to g, adamw also subtracts lr·λ·θ_{t−1} from θ.
 */
function adam(o: ResolvedOptimizerOptions, variables: readonly tf.Variable[]): Optimizer {
  const m = zerosLike(variables);
  const v = zerosLike(variables);
  const decoupled = o.name === 'adamw';
  let t = 0;
  return {
    options: o,
    apply(gradients, learningRate) {
      t += 1;
      const stepSize = learningRate / (1 - o.beta1 ** t);
      const rootCorrection = 1 / Math.sqrt(1 - o.beta2 ** t);
      if (tf.getKernel(ADAM_STEP_KERNEL, tf.getBackend()) !== undefined) {
        const attrs: AdamStepAttrs = {
          beta1: o.beta1,
          beta2: o.beta2,
          rootCorrection,
          epsilon: o.epsilon,
          stepSize,
          l2: decoupled ? 0 : o.weightDecay,
          decay: decoupled ? learningRate * o.weightDecay : 0,
        };
        variables.forEach((theta, i) => {
          const inputs = { theta, m: m[i], v: v[i], g: gradients[i] };
          const [next, m1, v1] = tf.engine().runKernel(ADAM_STEP_KERNEL, inputs, attrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
          m[i].assign(m1);
          v[i].assign(v1);
          theta.assign(next);
        });
        return;
      }
      variables.forEach((theta, i) => {
        let g = gradients[i];
        if (!decoupled && o.weightDecay > 0) g = tf.add(g, tf.mul(theta, o.weightDecay));
        const m1 = tf.add(tf.mul(m[i], o.beta1), tf.mul(g, 1 - o.beta1));
        const v1 = tf.add(tf.mul(v[i], o.beta2), tf.mul(tf.square(g), 1 - o.beta2));
        m[i].assign(m1);
        v[i].assign(v1);
        const denominator = tf.add(tf.mul(tf.sqrt(v1), rootCorrection), o.epsilon);
        let next = tf.sub(theta, tf.mul(tf.div(m1, denominator), stepSize));
        if (decoupled && o.weightDecay > 0) next = tf.sub(next, tf.mul(theta, learningRate * o.weightDecay));
        theta.assign(next);
      });
    },
    dispose: () => tf.dispose([...m, ...v]),
  };
}
