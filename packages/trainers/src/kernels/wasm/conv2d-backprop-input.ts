/**
 * Conv2DBackpropInput for wasm, stride 1 through the forward convolution. The stock kernel takes
 * ~28 ms for the input gradient of a [128,14,14,8] → 16-channel 3×3 layer, where the same
 * arithmetic as a forward convolution with the flipped, channel-swapped filter takes ~2 ms:
 *
 *   dx = conv2d(dy, W', stride 1, pad (kh−1−top, kh−1−bottom, kw−1−left, kw−1−right)),
 *   W'[a, b, co, ci] = W[kh−1−a, kw−1−b, ci, co].
 *
 * Strides above 1 (and paddings wider than the filter) go to the stock kernel.
 */
import * as tf from '@tensorflow/tfjs';
import { disposeInfo, pair, runWasmKernel, transposeInfo, type WasmKernelFunc } from './wasm-kernel-utils.js';

/** Wraps the stock Conv2DBackpropInput kernel function `stock`. */
export function conv2dBackpropInputByForwardConv(stock: WasmKernelFunc): WasmKernelFunc {
  return (args) => {
    const { inputs, backend, attrs } = args;
    const { dy, filter } = inputs;
    const inputShape = attrs.inputShape as [number, number, number, number];
    const dataFormat = (attrs.dataFormat as string | undefined) ?? 'NHWC';
    const [sh, sw] = pair(attrs.strides);
    if (dataFormat !== 'NHWC' || sh !== 1 || sw !== 1) return stock(args);
    const info = tf.backend_util.computeConv2DInfo(
      inputShape,
      filter.shape as [number, number, number, number],
      [1, 1],
      1,
      attrs.pad as 'same' | 'valid' | number,
      attrs.dimRoundingMode as 'floor' | 'round' | 'ceil' | undefined,
    );
    const [kh, kw] = filter.shape;
    const { top, bottom, left, right } = info.padInfo;
    if (Math.max(top, bottom) > kh - 1 || Math.max(left, right) > kw - 1) return stock(args);
    const flipped = runWasmKernel('Reverse', { x: filter }, { dims: [0, 1] }, backend);
    const swapped = transposeInfo(backend, flipped, [0, 1, 3, 2]);
    disposeInfo(backend, flipped);
    try {
      return runWasmKernel(
        'Conv2D',
        { x: dy, filter: swapped },
        {
          strides: [1, 1],
          pad: [
            [0, 0],
            [kh - 1 - top, kh - 1 - bottom],
            [kw - 1 - left, kw - 1 - right],
            [0, 0],
          ],
          dilations: [1, 1],
          dataFormat: 'NHWC',
        },
        backend,
      );
    } finally {
      disposeInfo(backend, swapped);
    }
  };
}
