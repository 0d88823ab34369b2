/**
 * The optimizers' updates as TensorFlow's fused training kernels, for the native backend.
 *
 * Written out in tfjs ops, an Adam step costs 13 TensorFlow ops per variable, each a pass over it
 * (and a new buffer): 2.7 ms of the benchmark MLP's 5.6 ms step. TensorFlow's ResourceApplyAdam /
 * ResourceApplyMomentum / ResourceApplyGradientDescent do the whole update in one in-place pass,
 * but only on resource variables, so each tfjs variable gets a TensorFlow twin (with its moment
 * buffers) for the optimizer's lifetime: the kernel updates the twin, and the tfjs variable is
 * pointed at the twin's new value (a read, no copy) for the next forward pass.
 *
 * Same formulas as optimizers.ts (torch.optim). TensorFlow's Adam puts ε under the bias-corrected
 * step size, θ ← θ − lr·√(1−β2ᵗ)/(1−β1ᵗ) · m/(√v + ε̂); with ε̂ = ε·√(1−β2ᵗ) that is exactly
 * torch's θ − lr/(1−β1ᵗ) · m/(√v/√(1−β2ᵗ) + ε). Results agree with the tfjs-op version to float32
 * rounding (tested), not bit for bit.
 */
import * as tf from '@tensorflow/tfjs';
import type { Optimizer, ResolvedOptimizerOptions } from '../../optimizers.js';
import { nativeBackend, opAttrs, type TfOpAttr } from './tf-raw-ops.js';

type Backend = NonNullable<ReturnType<typeof nativeBackend>>;

let twins = 0;
let live = 0;

/** TensorFlow resource variables made here and not yet destroyed (for leak tests). */
export function liveResourceVariables(): number {
  return live;
}

/** A resource variable of TensorFlow's, set to `value`; returns its handle (a kept 'string' tensor). */
export function resourceVariable(backend: Backend, value: tf.Tensor): tf.Tensor {
  const a = opAttrs(backend.binding);
  const handle = tf.keep(
    backend.executeSingleOutput(
      'VarHandleOp',
      // A name of our own (not TensorFlow's anonymous one) so the twin lives until destroyed here.
      [a.string('container', ''), a.string('shared_name', `cch-optimizer-${process.pid}-${++twins}`), a.float('dtype'), a.shape('shape', value.shape)],
      [],
    ),
  );
  backend.executeMultipleOutputs('AssignVariableOp', [a.float('dtype'), a.bool('validate_shape', true)], [handle, value], 0);
  live += 1;
  return handle;
}

export function readVariable(backend: Backend, handle: tf.Tensor): tf.Tensor {
  return backend.executeSingleOutput('ReadVariableOp', [opAttrs(backend.binding).float('dtype')], [handle]);
}

/** Frees the variable in TensorFlow and its handle in tfjs. */
export function destroyResourceVariable(backend: Backend, handle: tf.Tensor): void {
  const a = opAttrs(backend.binding);
  backend.executeMultipleOutputs('DestroyResourceOp', [a.bool('ignore_lookup_error', true)], [handle], 0);
  handle.dispose();
  live -= 1;
}

/**
 * The fused-kernel optimizer for `variables`, or undefined when the native backend is not active.
 * Call `apply` inside tf.tidy, as for the tfjs-op optimizers.
 */
export function resourceOptimizer(o: ResolvedOptimizerOptions, variables: readonly tf.Variable[]): Optimizer | undefined {
  const backend = nativeBackend();
  if (backend === undefined) return undefined;
  const a = opAttrs(backend.binding);
  const theta = variables.map((v) => resourceVariable(backend, v));
  const zeros = () => variables.map((v) => tf.tidy(() => resourceVariable(backend, tf.zerosLike(v))));
  const first = o.name === 'sgd' ? (o.momentum > 0 ? zeros() : []) : zeros();
  const second = o.name === 'sgd' ? [] : zeros();
  const handles = [...theta, ...first, ...second];
  const noLocking: TfOpAttr[] = [a.float('T'), a.bool('use_locking', false)];
  const adamAttrs = [...noLocking, a.bool('use_nesterov', false)];
  const decoupled = o.name === 'adamw';
  let t = 0;

  const update = (i: number, g: tf.Tensor, learningRate: number, scalars: tf.Tensor[]) => {
    if (o.name === 'sgd') {
      if (o.momentum > 0) backend.executeMultipleOutputs('ResourceApplyMomentum', adamAttrs, [theta[i], first[i], scalars[0], g, scalars[1]], 0);
      else backend.executeMultipleOutputs('ResourceApplyGradientDescent', noLocking, [theta[i], scalars[0], g], 0);
      return;
    }
    if (decoupled && o.weightDecay > 0) {
      // θ ← θ − lr·λ·θ_{t−1} (the variable still holds θ_{t−1}).
      backend.executeMultipleOutputs('ResourceApplyGradientDescent', noLocking, [theta[i], tf.scalar(learningRate * o.weightDecay), variables[i]], 0);
    }
    backend.executeMultipleOutputs('ResourceApplyAdam', adamAttrs, [theta[i], first[i], second[i], ...scalars, g], 0);
  };

  return {
    options: o,
    apply(gradients, learningRate) {
      t += 1;
      const scalars =
        o.name === 'sgd'
          ? [tf.scalar(learningRate), tf.scalar(o.momentum)]
          : [o.beta1 ** t, o.beta2 ** t, learningRate, o.beta1, o.beta2, o.epsilon * Math.sqrt(1 - o.beta2 ** t)].map((x) => tf.scalar(x));
      variables.forEach((v, i) => {
        let g = gradients[i];
        if (!decoupled && o.weightDecay > 0) g = tf.add(g, tf.mul(v, o.weightDecay));
        update(i, g, learningRate, scalars);
      });
      variables.forEach((v, i) => v.assign(readVariable(backend, theta[i])));
    },
    dispose: () => {
      for (const h of handles) destroyResourceVariable(backend, h);
    },
  };
}
