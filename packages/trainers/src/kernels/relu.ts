/**
 * ReLU whose gradient is one kernel. tfjs differentiates ReLU as dy · step(x): on the native
 * backend tfjs-node builds Step from seven TensorFlow ops (isNaN, greater, ones, fill, two selects,
 * a scalar) — on the benchmark CNN that chain was a quarter of the training step (6.6 of 28 ms) —
 * and on wasm it is three kernels with two full-size temporaries. Here the gradient is
 * TensorFlow's ReluGrad on native (0.36 ms against 3.6 ms on 128×28×28×8) and this package's
 * CchReluGrad kernel on wasm (kernels/wasm/relu-grad.ts); other backends keep tfjs's formula.
 *
 * The values are tf.relu's. The gradient differs from tfjs's only where the input is NaN (tfjs
 * propagates NaN into the gradient, these give 0); a NaN input already makes the loss NaN, which
 * stops training.
 */
import * as tf from '@tensorflow/tfjs';
import { nativeBackend, opAttrs } from './native/tf-raw-ops.js';
import { RELU_GRAD_KERNEL } from './wasm/relu-grad.js';

/** dy where y > 0, else 0, with the fastest kernel the active backend has. */
function reluGradient(dy: tf.Tensor, y: tf.Tensor): tf.Tensor {
  const backend = nativeBackend();
  // ReluGrad(gradients, features) passes the gradient where features > 0; relu's output is
  // positive exactly where its input is.
  if (backend !== undefined) return backend.executeSingleOutput('ReluGrad', [opAttrs(backend.binding).float('T')], [dy, y]);
  if (tf.getKernel(RELU_GRAD_KERNEL, tf.getBackend()) !== undefined) return tf.engine().runKernel(RELU_GRAD_KERNEL, { dy, y }) as tf.Tensor;
  return tf.mul(dy, tf.step(y));
}

const reluWithOneKernelGradient = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, save] = args as [tf.Tensor, tf.GradSaveFunc];
  const y = tf.relu(x);
  save([y]);
  return { value: y, gradFunc: (dy, saved) => [reluGradient(dy, saved[0])] };
});

/** tf.relu, with a one-kernel gradient on the native and wasm backends. */
export function relu(x: tf.Tensor): tf.Tensor {
  const name = tf.getBackend();
  const fast = nativeBackend() !== undefined || tf.getKernel(RELU_GRAD_KERNEL, name) !== undefined;
  return fast ? reluWithOneKernelGradient(x) : tf.relu(x);
}
