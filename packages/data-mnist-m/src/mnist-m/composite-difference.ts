/**
 * The MNIST-M blend (Ganin & Lempitsky 2015, §5; Ganin et al. 2016, JMLR 17, §6.1.1): a digit is
 * combined with a colour patch as out_ijc = |patch_ijc − digit_ij| per channel, so strokes
 * invert the patch's colours under them and the background shows through elsewhere.
 */
import { DIGIT_PIXELS, DIGIT_SIDE } from '../types.js';
import type { Background } from './background.js';

// Hoisted: inside jest's vm context every `Math.…` in a hot loop is a slow global lookup.
const { abs, round } = Math;

/**
 * Writes the 28 × 28 × 3 (HWC) bytes round(|patch − 255 · digit|) into `out` at `offset`, where
 * the patch is the 28 × 28 crop of `background` with its top-left corner at (`top`, `left`).
 * With `binarize` a digit pixel counts as 1 when > 0, as pumpikano's create_mnistm.py does;
 * otherwise the grey value (0..1) is used.
 *
 * @param digit 784 values in [0, 1], row-major (trusted: checked by the public caller).
 */
export function compositeDifference(
  digit: Float32Array,
  background: Background,
  top: number,
  left: number,
  binarize: boolean,
  out: Uint8Array,
  offset: number,
): void {
  const { width, rgb } = background;
  for (let r = 0; r < DIGIT_SIDE; r++) {
    let src = ((top + r) * width + left) * 3;
    let dst = offset + r * DIGIT_SIDE * 3;
    for (let c = 0; c < DIGIT_SIDE; c++) {
      const v = digit[r * DIGIT_SIDE + c];
      const d = binarize ? (v > 0 ? 255 : 0) : 255 * v;
      out[dst] = round(abs(rgb[src] - d));
      out[dst + 1] = round(abs(rgb[src + 1] - d));
      out[dst + 2] = round(abs(rgb[src + 2] - d));
      src += 3;
      dst += 3;
    }
  }
}

/** Bytes of one composited image. */
export const COMPOSITE_BYTES = DIGIT_PIXELS * 3;
