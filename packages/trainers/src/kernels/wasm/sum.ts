/**
 * Sum for wasm over the leading axes, keeping trailing ones that number a multiple of 4 — the
 * reduction of every bias gradient: Σ over batch, rows and columns of a [n, h, w, c] gradient.
 * The stock kernel transposes the input so the reduced axes come last, then sums (1.3 ms for the
 * benchmark CNN's first bias, 128×28×28×8); the SIMD kernel (simd/kernels.wat) reads the input
 * once, each column summed in order in float64, then rounded. Other reductions go to the stock
 * kernel.
 */
import * as tf from '@tensorflow/tfjs';
import { simdKernels } from './simd/simd-kernels.js';
import type { WasmKernelFunc } from './wasm-kernel-utils.js';

export function sumOverLeadingAxes(stock: WasmKernelFunc): WasmKernelFunc {
  return (args) => {
    const { inputs, backend, attrs } = args;
    const x = inputs.x;
    const rank = x.shape.length;
    if (x.dtype !== 'float32' || rank < 2) return stock(args);
    const axes = [...tf.util.parseAxisParam(attrs.axis as number | number[], x.shape)].sort((a, b) => a - b);
    const kept = x.shape.slice(axes.length);
    const cols = tf.util.sizeFromShape(kept);
    const leading = axes.length < rank && axes.every((a, i) => a === i) && cols % 4 === 0;
    const simd = leading ? simdKernels(backend) : undefined;
    if (simd === undefined) return stock(args);
    const out = backend.makeOutput(attrs.keepDims === true ? [...axes.map(() => 1), ...kept] : kept, 'float32');
    simd.sumRows(x, out, tf.util.sizeFromShape(x.shape.slice(0, axes.length)), cols);
    return out;
  };
}
