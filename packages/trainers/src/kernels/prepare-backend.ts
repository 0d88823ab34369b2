/**
 * Makes the active tfjs backend ready for training: on wasm, registers this package's kernels
 * (the missing Conv2DBackpropFilter and the faster replacements). Backend choice itself belongs to
 * the caller (`chooseBackend` in core); this only adapts to what is active.
 */
import * as tf from '@tensorflow/tfjs';
import { registerWasmKernels } from './register-wasm.js';

/** Registers what the active backend needs for training and returns its tfjs name. Idempotent. */
export function prepareTrainingBackend(): string {
  const name = tf.getBackend();
  if (name === 'wasm') registerWasmKernels();
  return name;
}
