/** A user's MNIST (or Fashion-MNIST, KMNIST) IDX folder as a DigitSet. */
import path from 'node:path';
import { InvalidInputError, checkInteger } from '@cch-lab/core';
import { readMnistIdx } from '@cch-lab/data';
import { DIGIT_CLASSES, DIGIT_PIXELS, DIGIT_SIDE, MNIST_IDX_SPLITS } from '../types.js';
import type { DigitSet, MnistIdxSplit } from '../types.js';
import { checkSeveralClasses } from '../labels/check-classes.js';
import { idxSplitsOf, mnistIdxFiles } from './mnist-idx-files.js';

export interface LoadMnistIdxOptions {
  /** The folder holding train-images-idx3-ubyte(.gz), train-labels-idx1-ubyte(.gz), t10k-…. */
  path: string;
  /** 'train' (60 000 for MNIST), 'test' (10 000) or 'all' (train rows, then test rows). Default 'train'. */
  split?: MnistIdxSplit;
  /** Keep the first `count` rows in file order (MNIST's files are in no class order). Default all. */
  count?: number;
}

/** Byte offset of the first label in an IDX label file (magic + one dimension). */
const LABELS_DATA_OFFSET = 8;

/**
 * Reads the digits of `split` with data's readMnistIdx (plain or gzip; magics, shapes and the
 * images/labels pairing checked there) and scales bytes to [0, 1] (v / 255). Source 'real'.
 *
 * @throws DataNotFoundError listing the missing files (see mnistIdxFiles); InvalidInputError for
 *   a bad option, a malformed or truncated file (naming it and the byte counts), images that are
 *   not 28 × 28, a file of no images, a label outside 0..9 (file, 1-based row and byte offset), or
 *   a labels file holding a single class.
 */
export function loadMnistIdx(options: LoadMnistIdxOptions): DigitSet {
  const dir = options?.path;
  const split = options?.split ?? 'train';
  if (!(MNIST_IDX_SPLITS as readonly string[]).includes(split)) {
    throw new InvalidInputError(`loadMnistIdx: split must be one of ${MNIST_IDX_SPLITS.join(', ')}`, { details: { field: 'split', received: String(split) } });
  }
  const files = mnistIdxFiles(dir, split);
  const parts = idxSplitsOf(split).map((s) => readMnistIdx(dir, s));
  for (const part of parts) {
    if (part.rows !== DIGIT_SIDE || part.cols !== DIGIT_SIDE) {
      throw new InvalidInputError(`images are ${part.rows} × ${part.cols}, not ${DIGIT_SIDE} × ${DIGIT_SIDE}`, {
        details: { file: part.paths.images, received: `${part.rows} × ${part.cols}` },
        hint: 'a DigitSet holds 28 × 28 digits; verifyMnist reports the shape of any IDX folder',
      });
    }
    if (part.count === 0) {
      throw new InvalidInputError('the file holds no images (its header says 0)', {
        details: { file: part.paths.images, offset: 4, received: '0 images' },
        hint: 'the file is empty or was written wrongly; fetch it again',
      });
    }
    for (let i = 0; i < part.count; i++) {
      if (part.labels[i] >= DIGIT_CLASSES) {
        throw new InvalidInputError(`label ${part.labels[i]} of row ${i + 1} at byte offset ${LABELS_DATA_OFFSET + i} is outside 0..9`, {
          details: { file: part.paths.labels, offset: LABELS_DATA_OFFSET + i, row: i + 1, received: String(part.labels[i]) },
        });
      }
    }
    checkSeveralClasses(part.labels, part.paths.labels);
  }
  const countRead = parts.reduce((a, p) => a + p.count, 0);
  const n = options.count === undefined ? countRead : checkInteger(options.count, 'count', { min: 1, max: countRead }, { where: 'loadMnistIdx' });

  const images = new Float32Array(n * DIGIT_PIXELS);
  const labels = new Int32Array(n);
  let row = 0;
  for (const part of parts) {
    const take = Math.min(part.count, n - row);
    for (let j = 0; j < take * DIGIT_PIXELS; j++) images[row * DIGIT_PIXELS + j] = part.images[j] / 255;
    for (let i = 0; i < take; i++) labels[row + i] = part.labels[i];
    row += take;
  }
  const classCounts = new Array<number>(DIGIT_CLASSES).fill(0);
  for (let i = 0; i < n; i++) classCounts[labels[i]]++;
  return {
    images,
    labels,
    n,
    source: 'real',
    meta: {
      dataset: 'mnist (IDX)',
      path: path.resolve(dir),
      split,
      files,
      order: split === 'all' ? 'file order: train rows, then test rows' : 'file order',
      countRead,
      count: n,
      classCounts,
    },
  };
}
