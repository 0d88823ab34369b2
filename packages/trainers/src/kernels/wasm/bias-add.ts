/**
 * Add for wasm when the second operand is a bias: a float32 vector as long as the first
 * operand's last axis, a multiple of 4 (dense and conv layers, y = x·W + b). The stock kernel's
 * general broadcast took 1.5 ms on the benchmark CNN's 128×28×28×8 activations; the SIMD kernel
 * (simd/kernels.wat) a fraction of that. Every other Add goes to the stock kernel.
 */
import { simdKernels } from './simd/simd-kernels.js';
import type { WasmKernelFunc } from './wasm-kernel-utils.js';

export function addWithBiasFastPath(stock: WasmKernelFunc): WasmKernelFunc {
  return (args) => {
    const { a, b } = args.inputs;
    const backend = args.backend;
    const cols = a.shape[a.shape.length - 1];
    const isBias = a.dtype === 'float32' && b.dtype === 'float32' && a.shape.length >= 2 && b.shape.length === 1 && b.shape[0] === cols && cols % 4 === 0;
    const simd = isBias ? simdKernels(backend) : undefined;
    if (simd === undefined) return stock(args);
    const out = backend.makeOutput([...a.shape], 'float32');
    simd.biasAdd(a, b, out, a.shape.reduce((p, d) => p * d, 1) / cols, cols);
    return out;
  };
}
