/** Test helpers: run the same computation on two backends and fetch plain numbers. */
import * as tf from '@tensorflow/tfjs';
import { chooseBackend, type Rng } from '@cch-lab/core';
import { prepareTrainingBackend } from '../kernels/prepare-backend.js';

/** Activates `name` ('cpu' | 'wasm') and registers this package's kernels when it is wasm. */
export async function useBackend(name: 'cpu' | 'wasm' | 'node'): Promise<void> {
  await chooseBackend({ requested: name, env: {} });
  prepareTrainingBackend();
}

/** Runs `fn` inside tf.tidy on `backend` and returns the values of the tensors it makes. */
export async function valuesOn(backend: 'cpu' | 'wasm', fn: () => tf.Tensor[]): Promise<Float32Array[]> {
  await useBackend(backend);
  const tensors = tf.tidy(fn);
  const values = tensors.map((t) => t.dataSync() as Float32Array);
  tf.dispose(tensors);
  return values;
}

/** Standard normal values from `rng`, as float32. */
export function normals(rng: Rng, n: number): Float32Array {
  return Float32Array.from(rng.normals(n));
}

/** Largest absolute value, for tolerances relative to the magnitude of a result. */
export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
  return m;
}
