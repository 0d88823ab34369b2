/**
 * ReLU's gradient for wasm as one pass, dx = dy where y > 0, else 0 (registered under a name of
 * this package, `CchReluGrad`; see kernels/relu.ts), in the SIMD kernel (simd/kernels.wat).
 * tfjs's own gradient, dy · cast(step(x)), is three kernels and two full-size temporaries.
 */
import { simdKernels } from './simd/simd-kernels.js';
import { heapFloat32, type WasmKernelFunc } from './wasm-kernel-utils.js';

export const RELU_GRAD_KERNEL = 'CchReluGrad';

export const reluGradWasm: WasmKernelFunc = ({ inputs, backend }) => {
  const { dy, y } = inputs;
  const out = backend.makeOutput([...y.shape], 'float32');
  const simd = simdKernels(backend);
  if (simd !== undefined) {
    simd.reluGrad(dy, y, out);
    return out;
  }
  const g = heapFloat32(backend, dy);
  const v = heapFloat32(backend, y);
  const dx = heapFloat32(backend, out);
  for (let i = 0; i < dx.length; i++) dx[i] = v[i] > 0 ? g[i] : 0;
  return out;
};
