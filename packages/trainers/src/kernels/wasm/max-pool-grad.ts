/**
 * MaxPoolGrad for wasm in TypeScript over heap views. The stock C++ kernel took 12–22 ms a batch
 * for the benchmark CNN's pools — a third of its training step; routing each output's gradient
 * to the window's maximum here takes ~1–2 ms; windows that tile the input (stride = window, no
 * padding: every pool of the project's CNNs) with channels in fours go to the SIMD kernel
 * (simd/kernels.wat), which takes a fraction of that.
 * Ties go to the first maximum in row-major window order, exactly as the cpu backend
 * (`maxPoolPositions`), which matters after a ReLU, where whole windows are 0.
 */
import * as tf from '@tensorflow/tfjs';
import { simdKernels } from './simd/simd-kernels.js';
import { heapFloat32, type WasmKernelFunc } from './wasm-kernel-utils.js';

export const maxPoolGradWasm: WasmKernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, input } = inputs;
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    attrs.filterSize as [number, number] | number,
    attrs.strides as [number, number] | number,
    1,
    attrs.pad as 'same' | 'valid' | number,
    attrs.dimRoundingMode as 'floor' | 'round' | 'ceil' | undefined,
  );
  const dx = backend.makeOutput(input.shape, 'float32');
  // Views after the allocation: makeOutput may grow (and detach) the heap.
  const x = heapFloat32(backend, input);
  const g = heapFloat32(backend, dy);
  const out = heapFloat32(backend, dx);
  const { batchSize, inHeight, inWidth, inChannels: c, outHeight, outWidth, strideHeight, strideWidth, dilationHeight, dilationWidth } = info;
  const { effectiveFilterHeight: fh, effectiveFilterWidth: fw } = info;
  const { top, left } = info.padInfo;
  const tiled = strideHeight === fh && strideWidth === fw && top === 0 && left === 0 && dilationHeight === 1 && dilationWidth === 1;
  const simd = tiled && c % 4 === 0 ? simdKernels(backend) : undefined;
  if (simd !== undefined) {
    // The kernel writes every input inside a window; only trailing rows and columns need zeros.
    if (outHeight * fh !== inHeight || outWidth * fw !== inWidth) out.fill(0);
    simd.maxPoolGradTiled(input, dy, dx, [batchSize, inHeight, inWidth, c, outHeight, outWidth, fh, fw]);
    return dx;
  }
  out.fill(0);
  const best = new Float32Array(c);
  const where = new Int32Array(c);
  for (let b = 0; b < batchSize; b++) {
    for (let oy = 0; oy < outHeight; oy++) {
      const y0 = oy * strideHeight - top;
      for (let ox = 0; ox < outWidth; ox++) {
        const x0 = ox * strideWidth - left;
        best.fill(Number.NEGATIVE_INFINITY);
        where.fill(-1);
        for (let wy = 0; wy < fh; wy += dilationHeight) {
          const iy = y0 + wy;
          if (iy < 0 || iy >= inHeight) continue;
          for (let wx = 0; wx < fw; wx += dilationWidth) {
            const ix = x0 + wx;
            if (ix < 0 || ix >= inWidth) continue;
            const base = ((b * inHeight + iy) * inWidth + ix) * c;
            for (let ch = 0; ch < c; ch++) {
              const v = x[base + ch];
              if (v > best[ch]) {
                best[ch] = v;
                where[ch] = base + ch;
              }
            }
          }
        }
        const gBase = ((b * outHeight + oy) * outWidth + ox) * c;
        for (let ch = 0; ch < c; ch++) if (where[ch] >= 0) out[where[ch]] += g[gBase + ch];
      }
    }
  }
  return dx;
};

