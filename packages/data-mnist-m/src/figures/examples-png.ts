/** A strip of example pairs for the report: each grey digit beside its colour partner, enlarged. */
import sharp from 'sharp';
import { InvalidInputError, checkInteger } from '@cch-lab/core';
import { DIGIT_PIXELS, DIGIT_SIDE, MNIST_M_PNG_SIDE, MNIST_M_VALUES } from '../types.js';

export interface ExamplePair {
  /** 784 grey values in [0, 1] (28 × 28). */
  a: Float32Array;
  /** 2352 (28 × 28 × 3) or 3072 (32 × 32 × 3) HWC values in [0, 1]. */
  b: Float32Array;
}

export interface ExamplesPngOptions {
  /** Integer enlargement (nearest neighbour). Default 3. */
  scale?: number;
  /** Pairs per row; more pairs wrap onto further rows. Default all in one row. */
  perRow?: number;
  /** Pixels (after scaling) between a digit and its partner, and around each pair: gap and 2 × gap. Default 3. */
  gap?: number;
  /** Background colour, 0..255 RGB. Default white. */
  background?: [number, number, number];
}

const EXAMPLES_DEFAULTS = Object.freeze({ scale: 3, gap: 3, background: [255, 255, 255] as [number, number, number] });

/**
 * PNG bytes (via sharp) of `pairs` laid out left to right, `perRow` to a row: a, then b, both
 * enlarged `scale` times. Values are clamped to [0, 1] and rounded to bytes.
 *
 * @throws InvalidInputError for no pairs, a wrong length, or bad options.
 */
export async function examplesPng(pairs: readonly ExamplePair[], options: ExamplesPngOptions = {}): Promise<Buffer> {
  if (!Array.isArray(pairs) || pairs.length === 0) {
    throw new InvalidInputError('examplesPng: pairs must be a non-empty array of { a, b }', { details: { field: 'pairs' } });
  }
  const scale = checkInteger(options.scale ?? EXAMPLES_DEFAULTS.scale, 'scale', { min: 1, max: 32 }, { where: 'examplesPng' });
  const gap = checkInteger(options.gap ?? EXAMPLES_DEFAULTS.gap, 'gap', { min: 0, max: 256 }, { where: 'examplesPng' });
  const perRow = checkInteger(options.perRow ?? pairs.length, 'perRow', { min: 1 }, { where: 'examplesPng' });
  const bg = options.background ?? EXAMPLES_DEFAULTS.background;
  const sides = pairs.map((p, i) => checkPair(p, i));
  const side = Math.max(DIGIT_SIDE, ...sides) * scale;
  const cellWidth = 2 * side + gap + 2 * gap;
  const cellHeight = side + 2 * gap;
  const columns = Math.min(perRow, pairs.length);
  const rows = Math.ceil(pairs.length / columns);
  const width = columns * cellWidth;
  const height = rows * cellHeight;
  const rgb = Buffer.alloc(width * height * 3);
  for (let p = 0; p < rgb.length; p += 3) {
    rgb[p] = bg[0];
    rgb[p + 1] = bg[1];
    rgb[p + 2] = bg[2];
  }
  pairs.forEach((pair, i) => {
    const x0 = (i % columns) * cellWidth + gap;
    const y0 = Math.floor(i / columns) * cellHeight + gap;
    paint(rgb, width, pair.a, DIGIT_SIDE, 1, scale, x0, y0);
    paint(rgb, width, pair.b, sides[i], 3, scale, x0 + side + gap, y0);
  });
  return sharp(rgb, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

function checkPair(pair: ExamplePair, i: number): number {
  if (!(pair?.a instanceof Float32Array) || pair.a.length !== DIGIT_PIXELS) {
    throw new InvalidInputError(`examplesPng: pairs[${i}].a must be a Float32Array of 784 grey values`, { details: { field: `pairs.${i}.a`, received: String(pair?.a?.length) } });
  }
  if (!(pair.b instanceof Float32Array) || (pair.b.length !== MNIST_M_VALUES && pair.b.length !== MNIST_M_PNG_SIDE * MNIST_M_PNG_SIDE * 3)) {
    throw new InvalidInputError(`examplesPng: pairs[${i}].b must be a Float32Array of 2352 (28×28×3) or 3072 (32×32×3) values`, { details: { field: `pairs.${i}.b`, received: String(pair.b?.length) } });
  }
  return pair.b.length === MNIST_M_VALUES ? DIGIT_SIDE : MNIST_M_PNG_SIDE;
}

/** Nearest-neighbour enlargement of one side × side image (channels 1 or 3) into the canvas at (x0, y0). */
function paint(rgb: Buffer, width: number, image: Float32Array, side: number, channels: number, scale: number, x0: number, y0: number): void {
  for (let r = 0; r < side * scale; r++) {
    for (let c = 0; c < side * scale; c++) {
      const src = (Math.floor(r / scale) * side + Math.floor(c / scale)) * channels;
      const dst = ((y0 + r) * width + x0 + c) * 3;
      for (let k = 0; k < 3; k++) rgb[dst + k] = toByte(image[src + (channels === 3 ? k : 0)]);
    }
  }
}

function toByte(v: number): number {
  return Math.round(255 * (v < 0 ? 0 : v > 1 ? 1 : Number.isNaN(v) ? 0 : v));
}
