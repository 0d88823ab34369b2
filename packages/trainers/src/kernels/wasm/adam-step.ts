/**
 * One Adam / AdamW step per variable for wasm as one SIMD pass (simd/kernels.wat's adam_step),
 * registered under this package's name `CchAdamStep`; optimizers.ts uses it when registered.
 * Written out in tfjs ops the step is 13 kernels a variable, each a pass over it with a new
 * buffer: 1.4 ms of the benchmark MLP's 6.2 ms step. Same float32 operations in the same order
 * as those ops, so the results are bit-identical to them (tested). Outputs θ', m', v' are new
 * buffers: θ's old buffer may be shared (a best-weights checkpoint clones it).
 */
import { InternalError } from '@cch-lab/core';
import { simdKernels } from './simd/simd-kernels.js';
import type { WasmKernelArgs } from './wasm-kernel-utils.js';
import type * as tf from '@tensorflow/tfjs';

export const ADAM_STEP_KERNEL = 'CchAdamStep';

/** The step's constants, each used as a float32 exactly as the tfjs ops would round it. */
export interface AdamStepAttrs {
  beta1: number;
  beta2: number;
  /** 1/√(1 − β2ᵗ). */
  rootCorrection: number;
  epsilon: number;
  /** lr/(1 − β1ᵗ). */
  stepSize: number;
  /** L2 weight decay added to the gradient (adam), or 0. */
  l2: number;
  /** lr·λ subtracted as θ·lr·λ (adamw), or 0. */
  decay: number;
}

export function adamStepWasm({ inputs, backend, attrs }: WasmKernelArgs): tf.TensorInfo[] {
  const { theta, m, v, g } = inputs;
  const simd = simdKernels(backend);
  if (simd === undefined) throw new InternalError('CchAdamStep needs the SIMD training kernels, which could not reach the wasm memory');
  const a = attrs as unknown as AdamStepAttrs;
  const shape = [...theta.shape];
  const out = [backend.makeOutput(shape, 'float32'), backend.makeOutput(shape, 'float32'), backend.makeOutput(shape, 'float32')];
  simd.adamStep(theta, m, v, g, out, [a.beta1, 1 - a.beta1, a.beta2, 1 - a.beta2, a.rootCorrection, a.epsilon, a.stepSize, a.l2, a.decay]);
  return out;
}
