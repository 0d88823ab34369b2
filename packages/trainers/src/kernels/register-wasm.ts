/**
 * Explicit, idempotent registration of this package's wasm kernels. Nothing is registered on
 * import: training code calls `prepareTrainingBackend()` (which calls `registerWasmKernels()` when
 * the active backend is wasm). Replaced stock kernels are kept inside the replacement's config, so
 * `restoreWasmKernels()` can put them back (the benchmark's baseline uses that) and a second
 * registration is a no-op.
 */
import * as tf from '@tensorflow/tfjs';
import { InternalError, UnknownMethodError } from '@cch-lab/core';
import { ADAM_STEP_KERNEL, adamStepWasm } from './wasm/adam-step.js';
import { batchMatMulWithoutTranspose } from './wasm/batch-mat-mul.js';
import { addWithBiasFastPath } from './wasm/bias-add.js';
import { conv2dBackpropFilterWasm } from './wasm/conv2d-backprop-filter.js';
import { conv2dBackpropInputByForwardConv } from './wasm/conv2d-backprop-input.js';
import { gatherRowsByCopy } from './wasm/gather-v2.js';
import { identityBySharing } from './wasm/identity.js';
import { maxPoolGradWasm } from './wasm/max-pool-grad.js';
import { RELU_GRAD_KERNEL, reluGradWasm } from './wasm/relu-grad.js';
import { sliceFromHeapView } from './wasm/slice.js';
import { sumOverLeadingAxes } from './wasm/sum.js';
import type { WasmKernelFunc } from './wasm/wasm-kernel-utils.js';

/** The kernels this package adds to (Conv2DBackpropFilter, CchReluGrad, CchAdamStep) or replaces in the wasm backend. */
export const WASM_KERNEL_NAMES = [
  'BatchMatMul',
  'Slice',
  'GatherV2',
  'Conv2DBackpropFilter',
  'Conv2DBackpropInput',
  'MaxPoolGrad',
  'Identity',
  'Sum',
  'Add',
  RELU_GRAD_KERNEL,
  ADAM_STEP_KERNEL,
] as const;
export type WasmKernelName = (typeof WASM_KERNEL_NAMES)[number];

/** How each replacement is made from the stock kernel (undefined when the backend has none). */
const MAKERS: Record<WasmKernelName, (stock: WasmKernelFunc | undefined) => WasmKernelFunc> = {
  BatchMatMul: (stock) => batchMatMulWithoutTranspose(requireStock('BatchMatMul', stock)),
  Slice: (stock) => sliceFromHeapView(requireStock('Slice', stock)),
  GatherV2: (stock) => gatherRowsByCopy(requireStock('GatherV2', stock)),
  Conv2DBackpropFilter: () => conv2dBackpropFilterWasm,
  Conv2DBackpropInput: (stock) => conv2dBackpropInputByForwardConv(requireStock('Conv2DBackpropInput', stock)),
  MaxPoolGrad: () => maxPoolGradWasm,
  Identity: (stock) => identityBySharing(requireStock('Identity', stock)),
  Sum: (stock) => sumOverLeadingAxes(requireStock('Sum', stock)),
  Add: (stock) => addWithBiasFastPath(requireStock('Add', stock)),
  [RELU_GRAD_KERNEL]: () => reluGradWasm,
  [ADAM_STEP_KERNEL]: () => adamStepWasm as unknown as WasmKernelFunc,
};

/** Our configs carry the stock config they replaced (null when there was none). */
type PatchedConfig = tf.KernelConfig & { cchStock: tf.KernelConfig | null };

/**
 * Registers the replacement wasm kernels (all of them by default). Idempotent: kernels already
 * replaced are left alone. Returns the names registered by this call.
 * @throws UnknownMethodError for a name not in WASM_KERNEL_NAMES.
 */
export function registerWasmKernels(names: readonly string[] = WASM_KERNEL_NAMES): WasmKernelName[] {
  const done: WasmKernelName[] = [];
  for (const name of checkNames(names)) {
    const current = tf.getKernel(name, 'wasm');
    if (isPatched(current)) continue;
    const stock = current ?? null;
    const config: PatchedConfig = {
      kernelName: name,
      backendName: 'wasm',
      kernelFunc: MAKERS[name](stock?.kernelFunc as WasmKernelFunc | undefined) as unknown as tf.KernelFunc,
      cchStock: stock,
    };
    // The stock setup binds the C++ entry point the wrapper delegates to; keep it for backends
    // initialised after this call.
    if (stock?.setupFunc !== undefined) config.setupFunc = stock.setupFunc;
    if (stock?.disposeFunc !== undefined) config.disposeFunc = stock.disposeFunc;
    if (stock !== null) tf.unregisterKernel(name, 'wasm');
    tf.registerKernel(config);
    done.push(name);
  }
  return done;
}

/** Puts the stock wasm kernels back (all by default); returns the names restored. */
export function restoreWasmKernels(names: readonly string[] = WASM_KERNEL_NAMES): WasmKernelName[] {
  const done: WasmKernelName[] = [];
  for (const name of checkNames(names)) {
    const current = tf.getKernel(name, 'wasm');
    if (!isPatched(current)) continue;
    tf.unregisterKernel(name, 'wasm');
    if (current.cchStock !== null) tf.registerKernel(current.cchStock);
    done.push(name);
  }
  return done;
}

/** The replacement kernels currently registered. */
export function registeredWasmKernels(): WasmKernelName[] {
  return WASM_KERNEL_NAMES.filter((name) => isPatched(tf.getKernel(name, 'wasm')));
}

function isPatched(config: tf.KernelConfig | undefined): config is PatchedConfig {
  return config !== undefined && 'cchStock' in config;
}

function checkNames(names: readonly string[]): WasmKernelName[] {
  for (const name of names) {
    if (!(WASM_KERNEL_NAMES as readonly string[]).includes(name)) {
      throw new UnknownMethodError('wasm kernel', name, WASM_KERNEL_NAMES, { details: { field: 'names' } });
    }
  }
  return names as WasmKernelName[];
}

function requireStock(name: string, stock: WasmKernelFunc | undefined): WasmKernelFunc {
  if (stock === undefined) {
    throw new InternalError(`the wasm backend has no stock '${name}' kernel to wrap; load the backend first (chooseBackend({ requested: 'wasm' }) in @cch-lab/core)`);
  }
  return stock;
}
