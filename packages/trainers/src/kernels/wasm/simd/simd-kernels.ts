/**
 * The SIMD training kernels (kernels.wat, compiled into kernels-bytes.ts), instantiated on the
 * wasm backend's own memory so they read and write tfjs's tensors in place: one instance per
 * backend memory, made on first use. Where that memory cannot be reached (another tfjs-wasm
 * build), `simdKernels` returns undefined and callers keep their fallback.
 */
import type * as tf from '@tensorflow/tfjs';
import type { WasmBackend } from '../wasm-kernel-utils.js';
import { TRAINING_KERNELS_WASM_BASE64 } from './kernels-bytes.js';

/** The subset of the WebAssembly JS API used here (the project's lib settings do not declare it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: KernelExports };
}

interface KernelExports {
  relu_grad(dy: number, y: number, dx: number, n: number): void;
  bias_add(x: number, b: number, out: number, rows: number, cols: number): void;
  sum_rows(x: number, out: number, rows: number, cols: number): void;
  max_pool_grad_tiled(x: number, g: number, out: number, batch: number, h: number, w: number, c: number, oh: number, ow: number, fh: number, fw: number): void;
  conv2d_filter_grad(
    x: number, dy: number, out: number, n: number, h: number, w: number, ci: number, oh: number, ow: number, co: number,
    kh: number, kw: number, top: number, left: number,
  ): void;
  adam_step(
    theta: number, m: number, v: number, g: number, thetaOut: number, mOut: number, vOut: number, n: number,
    beta1: number, oneMinusBeta1: number, beta2: number, oneMinusBeta2: number, rc: number, eps: number, step: number, l2: number, decay: number,
  ): void;
}

/** The kernels, addressed by tensors. Shapes are the caller's to check (see each kernel's notes in kernels.wat). */
export interface SimdKernels {
  reluGrad(dy: tf.TensorInfo, y: tf.TensorInfo, dx: tf.TensorInfo): void;
  biasAdd(x: tf.TensorInfo, b: tf.TensorInfo, out: tf.TensorInfo, rows: number, cols: number): void;
  sumRows(x: tf.TensorInfo, out: tf.TensorInfo, rows: number, cols: number): void;
  maxPoolGradTiled(x: tf.TensorInfo, g: tf.TensorInfo, out: tf.TensorInfo, dims: readonly [number, number, number, number, number, number, number, number]): void;
  /** dims: n, h, w, ci, oh, ow, co, kh, kw, top, left (stride 1, co a multiple of 8). */
  conv2dFilterGrad(x: tf.TensorInfo, dy: tf.TensorInfo, out: tf.TensorInfo, dims: readonly [number, number, number, number, number, number, number, number, number, number, number]): void;
  /** out: θ', m', v'; constants: β1, 1−β1, β2, 1−β2, rc, ε, step, l2, decay (each rounded to float32). */
  adamStep(theta: tf.TensorInfo, m: tf.TensorInfo, v: tf.TensorInfo, g: tf.TensorInfo, out: readonly tf.TensorInfo[], constants: readonly number[]): void;
}

const instances = new WeakMap<object, SimdKernels>();
let module: object | undefined;

/** The kernels for this backend's memory, or undefined when the memory is not reachable. */
export function simdKernels(backend: WasmBackend): SimdKernels | undefined {
  const memory = (backend.wasm as unknown as { asm?: { memory?: object } }).asm?.memory;
  if (memory === undefined) return undefined;
  let kernels = instances.get(memory);
  if (kernels === undefined) {
    const api = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
    module ??= new api.Module(Uint8Array.from(Buffer.from(TRAINING_KERNELS_WASM_BASE64, 'base64')));
    const k = new api.Instance(module, { env: { memory } }).exports;
    const at = (info: tf.TensorInfo) => backend.dataIdMap.get(info.dataId)!.memoryOffset;
    kernels = {
      reluGrad: (dy, y, dx) => k.relu_grad(at(dy), at(y), at(dx), sizeOf(y)),
      biasAdd: (x, b, out, rows, cols) => k.bias_add(at(x), at(b), at(out), rows, cols),
      sumRows: (x, out, rows, cols) => k.sum_rows(at(x), at(out), rows, cols),
      maxPoolGradTiled: (x, g, out, d) => k.max_pool_grad_tiled(at(x), at(g), at(out), ...d),
      conv2dFilterGrad: (x, dy, out, d) => k.conv2d_filter_grad(at(x), at(dy), at(out), ...d),
      adamStep: (theta, m, v, g, out, c) =>
        k.adam_step(at(theta), at(m), at(v), at(g), at(out[0]), at(out[1]), at(out[2]), sizeOf(theta), c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]),
    };
    instances.set(memory, kernels);
  }
  return kernels;
}

function sizeOf(info: tf.TensorInfo): number {
  return info.shape.reduce((a, b) => a * b, 1);
}
