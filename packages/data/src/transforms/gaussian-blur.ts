/** Separable Gaussian blur of flattened HWC images, the paper's MNIST teacher degradation. */
import { InvalidInputError, Matrix, checkNumber } from '@cch-lab/core';

/**
 * Blurs every row of `x` (one h × w × c image, HWC, row-major) with a Gaussian of standard
 * deviation `sigma` pixels, per channel: a horizontal then a vertical 1-d pass with the sampled
 * kernel exp(−t²/2σ²), t = −r..r, r = ceil(3σ), normalised to sum 1 (so flat images stay flat).
 * Edges clamp: pixels outside the image take the value of the nearest edge pixel ("replicate"),
 * so borders are not darkened. Sums run in float64; the result has x's shape and dtype.
 * sigma = 0 returns a copy.
 *
 * @param featureShape [h, w, c] with h·w·c = x.cols (c = 1 for grey images).
 * @throws InvalidInputError for a bad shape or a negative / non-finite sigma.
 */
export function gaussianBlur(x: Matrix, featureShape: readonly number[], sigma: number): Matrix {
  checkNumber(sigma, 'sigma', { min: 0 }, { where: 'gaussianBlur' });
  if (
    !Array.isArray(featureShape) ||
    featureShape.length !== 3 ||
    !featureShape.every((s) => Number.isInteger(s) && s > 0) ||
    featureShape[0] * featureShape[1] * featureShape[2] !== x.cols
  ) {
    throw new InvalidInputError(`gaussianBlur: featureShape must be [h, w, c] with h·w·c = ${x.cols} (the matrix's columns)`, {
      details: { field: 'featureShape', received: JSON.stringify(featureShape) },
      hint: 'for 28×28 grey digits pass [28, 28, 1]',
    });
  }
  const out = x.clone();
  if (sigma === 0) return out;
  const [h, w, c] = featureShape;
  const kernel = gaussianKernel(sigma);
  const tmp = new Float64Array(x.cols);
  for (let i = 0; i < x.rows; i++) blurImage(out.data.subarray(i * x.cols, (i + 1) * x.cols), tmp, h, w, c, kernel);
  return out;
}

/** Normalised taps for offsets −r..r, r = ceil(3σ). */
export function gaussianKernel(sigma: number): Float64Array {
  const r = Math.ceil(3 * sigma);
  const taps = new Float64Array(2 * r + 1);
  let sum = 0;
  for (let t = -r; t <= r; t++) sum += taps[t + r] = Math.exp(-(t * t) / (2 * sigma * sigma));
  for (let k = 0; k < taps.length; k++) taps[k] /= sum;
  return taps;
}

/** Blurs one image in place; `tmp` holds the horizontal pass. */
function blurImage(img: Float32Array | Float64Array, tmp: Float64Array, h: number, w: number, c: number, kernel: Float64Array): void {
  const r = (kernel.length - 1) / 2;
  for (let y = 0; y < h; y++) {
    const rowBase = y * w * c;
    for (let x = 0; x < w; x++) {
      for (let ch = 0; ch < c; ch++) {
        let s = 0;
        for (let t = -r; t <= r; t++) {
          const xx = x + t < 0 ? 0 : x + t >= w ? w - 1 : x + t;
          s += kernel[t + r] * img[rowBase + xx * c + ch];
        }
        tmp[rowBase + x * c + ch] = s;
      }
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let ch = 0; ch < c; ch++) {
        let s = 0;
        for (let t = -r; t <= r; t++) {
          const yy = y + t < 0 ? 0 : y + t >= h ? h - 1 : y + t;
          s += kernel[t + r] * tmp[(yy * w + x) * c + ch];
        }
        img[(y * w + x) * c + ch] = s;
      }
    }
  }
}
