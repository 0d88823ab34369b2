/**
 * Conv2DBackpropFilter for wasm, the kernel the wasm backend lacks (without it no CNN trains on
 * wasm). The filter gradient of a convolution is itself a convolution, with the batch as the
 * contracted channel axis:
 *
 *   dW[a, b, ci, co] = Σ_{n, i, j} xpad[n, i·sh + a, j·sw + b, ci] · dy[n, i, j, co]
 *                    = conv2d(x' = xᵀ [ci, h, w, n],  filter = dyᵀ [ho, wo, n, co],
 *                             stride 1, dilation (sh, sw), the forward padding)[ci, a, b, co]
 *
 * so it runs on the backend's XNNPACK convolution after two transposes. The output is cropped to
 * the filter size when the forward pass skipped trailing rows (valid padding with stride > 1).
 * Measured on the benchmark CNN (batch 128): 4–7 ms a layer, against 11–13 ms for im2col +
 * matmul; routing through the wasm Conv3DBackpropFilterV2 kernel was slower still and disagreed
 * with cpu. Stride-1 convolutions with output channels in eights (every conv of the project's
 * CNNs) go instead to the SIMD kernel (simd/kernels.wat), which sums the products directly
 * (≈ 3× faster here). Both match the cpu kernel to ~1e-6 of the gradient's magnitude (tested).
 */
import * as tf from '@tensorflow/tfjs';
import { InvalidInputError } from '@cch-lab/core';
import { simdKernels } from './simd/simd-kernels.js';
import { disposeInfo, pair, runWasmKernel, transposeInfo, type WasmKernelFunc } from './wasm-kernel-utils.js';

export const conv2dBackpropFilterWasm: WasmKernelFunc = ({ inputs, backend, attrs }) => {
  const { x, dy } = inputs;
  const filterShape = attrs.filterShape as [number, number, number, number];
  const dataFormat = (attrs.dataFormat as string | undefined) ?? 'NHWC';
  if (dataFormat !== 'NHWC') {
    throw new InvalidInputError(`Conv2DBackpropFilter on wasm supports dataFormat NHWC only`, {
      details: { field: 'dataFormat', received: dataFormat },
      hint: 'keep images channels-last ([n, h, w, c])',
    });
  }
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    pair(attrs.strides),
    1,
    attrs.pad as 'same' | 'valid' | number,
    attrs.dimRoundingMode as 'floor' | 'round' | 'ceil' | undefined,
  );
  const [kh, kw] = filterShape;
  const { top, left } = info.padInfo;
  const sh = info.strideHeight;
  const sw = info.strideWidth;
  const co = filterShape[3];
  const simd = sh === 1 && sw === 1 && info.dilationHeight === 1 && info.dilationWidth === 1 && co % 8 === 0 ? simdKernels(backend) : undefined;
  if (simd !== undefined) {
    const dw = backend.makeOutput([...filterShape], 'float32');
    simd.conv2dFilterGrad(x, dy, dw, [info.batchSize, info.inHeight, info.inWidth, info.inChannels, info.outHeight, info.outWidth, co, kh, kw, top, left]);
    return dw;
  }
  const bottom = Math.max(0, kh - info.inHeight - top + (info.outHeight - 1) * sh);
  const right = Math.max(0, kw - info.inWidth - left + (info.outWidth - 1) * sw);

  const xT = transposeInfo(backend, x, [3, 1, 2, 0]);
  const dyT = transposeInfo(backend, dy, [1, 2, 0, 3]);
  const conv = runWasmKernel(
    'Conv2D',
    { x: xT, filter: dyT },
    {
      strides: [1, 1],
      pad: [
        [0, 0],
        [top, bottom],
        [left, right],
        [0, 0],
      ],
      dilations: [sh, sw],
      dataFormat: 'NHWC',
    },
    backend,
  );
  disposeInfo(backend, xT);
  disposeInfo(backend, dyT);
  let cropped = conv;
  if (conv.shape[1] !== kh || conv.shape[2] !== kw) {
    cropped = runWasmKernel('Slice', { x: conv }, { begin: [0, 0, 0, 0], size: [conv.shape[0], kh, kw, conv.shape[3]] }, backend);
    disposeInfo(backend, conv);
  }
  const dw = transposeInfo(backend, cropped, [1, 2, 0, 3]);
  disposeInfo(backend, cropped);
  return dw;
};
