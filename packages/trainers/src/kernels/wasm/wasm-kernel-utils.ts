/**
 * Helpers for wasm kernels written in TypeScript: they call other registered wasm kernels on
 * TensorInfos (never the public ops, which would record on the gradient tape) and free what they
 * allocate. Heap views (`typedArrayFromHeap`) must be taken after the last allocation of a kernel,
 * because an allocation can grow the wasm memory and detach every earlier view.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { InternalError } from '@cch-lab/core';

export type WasmBackend = BackendWasm;

/** The arguments every kernel function receives. */
export interface WasmKernelArgs {
  inputs: Record<string, tf.TensorInfo>;
  backend: WasmBackend;
  attrs: Record<string, unknown>;
}

export type WasmKernelFunc = (args: WasmKernelArgs) => tf.TensorInfo;

/** Runs the kernel currently registered for wasm under `name`. */
export function runWasmKernel(
  name: string,
  inputs: Record<string, tf.TensorInfo>,
  attrs: Record<string, unknown>,
  backend: WasmBackend,
): tf.TensorInfo {
  const config = tf.getKernel(name, 'wasm');
  if (config === undefined) {
    throw new InternalError(`the wasm backend has no '${name}' kernel, which a replacement kernel of @cch-lab/trainers needs`);
  }
  return (config.kernelFunc as unknown as WasmKernelFunc)({ inputs, backend, attrs });
}

/** Frees an intermediate result made inside a kernel. */
export function disposeInfo(backend: WasmBackend, info: tf.TensorInfo): void {
  backend.disposeData(info.dataId);
}

/** `a` reshaped (shares memory; dispose the result like any intermediate). */
export function reshapeInfo(backend: WasmBackend, x: tf.TensorInfo, shape: number[]): tf.TensorInfo {
  return runWasmKernel('Reshape', { x }, { shape }, backend);
}

/** `x` with its axes permuted. */
export function transposeInfo(backend: WasmBackend, x: tf.TensorInfo, perm: number[]): tf.TensorInfo {
  return runWasmKernel('Transpose', { x }, { perm }, backend);
}

/** The float32 view of a tensor's wasm memory (valid until the next allocation). */
export function heapFloat32(backend: WasmBackend, info: tf.TensorInfo): Float32Array {
  return backend.typedArrayFromHeap(info) as Float32Array;
}

/** Strides as a pair from tfjs's `number | [number, number]` attribute. */
export function pair(value: unknown): [number, number] {
  if (typeof value === 'number') return [value, value];
  const v = value as number[];
  return [v[0], v[1]];
}
