/**
 * The aligned MNIST-M layout as .npy files: `mnistm_<split>.npy` (N, 28, 28, 3) uint8 and
 * `mnistm_<split>_labels.npy` (N,) integers, for split train / valid / test. This is what the
 * data-script writes from the aligned pickle (`{train, valid, test}` in MNIST's order) or from
 * this package's generator over BSDS500 (data-scripts/mnist-m/README.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DataNotFoundError, InvalidInputError, checkInteger } from '@cch-lab/core';
import { readNpy } from '@cch-lab/data';
import { checkSeveralClasses } from '../labels/check-classes.js';
import { DIGIT_CLASSES, DIGIT_SIDE, MNIST_M_DATA_SCRIPT, MNIST_M_NPY_SPLITS, MNIST_M_VALUES } from '../types.js';
import type { MnistMImages, MnistMNpySplit } from '../types.js';

export interface LoadMnistMNpyOptions {
  /** The folder holding mnistm_<split>.npy and mnistm_<split>_labels.npy. */
  path: string;
  split: MnistMNpySplit;
  /** Keep the first `count` rows. Default all. */
  count?: number;
}

/** The two file names of one split. */
export function mnistMNpyNames(split: MnistMNpySplit): { images: string; labels: string } {
  return { images: `mnistm_${split}.npy`, labels: `mnistm_${split}_labels.npy` };
}

/**
 * Reads one split: images uint8 (scaled by 1/255) or float32 already in [0, 1], shape
 * (N, 28, 28, 3); labels any integer dtype, shape (N,), 0..9. Source 'real'.
 *
 * @throws DataNotFoundError listing the missing files; InvalidInputError for a malformed .npy
 *   (data's readNpy), a wrong shape or dtype, no images, differing counts, a pixel that is not
 *   finite or outside [0, 1], a label outside 0..9, or a single class (rows are 1-based).
 */
export function loadMnistMNpy(options: LoadMnistMNpyOptions): MnistMImages {
  const split = options?.split;
  if (!(MNIST_M_NPY_SPLITS as readonly string[]).includes(split)) {
    throw new InvalidInputError(`loadMnistMNpy: split must be one of ${MNIST_M_NPY_SPLITS.join(', ')}`, { details: { field: 'split', received: String(split) } });
  }
  if (typeof options.path !== 'string' || options.path === '') {
    throw new InvalidInputError('loadMnistMNpy: path must be a folder name', { details: { field: 'path', received: String(options.path) } });
  }
  const names = mnistMNpyNames(split);
  const imagesFile = path.resolve(options.path, names.images);
  const labelsFile = path.resolve(options.path, names.labels);
  const missing = [imagesFile, labelsFile].filter((f) => !fs.existsSync(f));
  if (missing.length > 0) {
    throw new DataNotFoundError(`aligned MNIST-M (${split}) not found in ${path.resolve(options.path)}`, missing, {
      details: { field: 'path' },
      hint: `${MNIST_M_DATA_SCRIPT} converts the aligned pickle or builds the set from MNIST and BSDS500`,
    });
  }
  const img = readNpy(imagesFile);
  if (img.shape.length !== 4 || img.shape[1] !== DIGIT_SIDE || img.shape[2] !== DIGIT_SIDE || img.shape[3] !== 3) {
    throw new InvalidInputError(`aligned MNIST-M images must have shape (N, 28, 28, 3)`, { details: { file: imagesFile, received: `(${img.shape.join(', ')})` } });
  }
  if (img.dtype !== 'uint8' && img.dtype !== 'float32') {
    throw new InvalidInputError('aligned MNIST-M images must be uint8 (0..255) or float32 (0..1)', { details: { file: imagesFile, received: img.dtype } });
  }
  const lab = readNpy(labelsFile);
  const integer = lab.dtype === 'uint8' || lab.dtype === 'int8' || lab.dtype === 'int32' || lab.dtype === 'int64';
  if (lab.shape.length !== 1 || !integer) {
    throw new InvalidInputError('labels must be a 1-d integer array', { details: { file: labelsFile, received: `${lab.dtype} (${lab.shape.join(', ')})` } });
  }
  const total = img.shape[0];
  if (total === 0) {
    throw new InvalidInputError('the file holds no images (shape (0, 28, 28, 3))', { details: { file: imagesFile, received: '0 images' } });
  }
  if (lab.shape[0] !== total) {
    throw new InvalidInputError(`${total} images but ${lab.shape[0]} labels; the two files must belong together`, { details: { file: labelsFile, received: String(lab.shape[0]) } });
  }
  const n = options.count === undefined ? total : checkInteger(options.count, 'count', { min: 1, max: total }, { where: 'loadMnistMNpy', file: imagesFile });

  const images = new Float32Array(n * MNIST_M_VALUES);
  const scale = img.dtype === 'uint8' ? 1 / 255 : 1;
  for (let j = 0; j < images.length; j++) {
    const v = img.data[j] * scale;
    if (!(v >= 0 && v <= 1)) {
      const row = Math.floor(j / MNIST_M_VALUES) + 1;
      const what = Number.isFinite(v) ? `value ${img.data[j]} at row ${row} (flat index ${j}) is outside [0, 1]` : `non-finite value ${img.data[j]} at row ${row} (flat index ${j})`;
      throw new InvalidInputError(what, {
        details: { file: imagesFile, row, index: j, received: String(img.data[j]) },
        hint: 'float32 images hold values in [0, 1]; save uint8 bytes (0..255) otherwise',
      });
    }
    images[j] = img.dtype === 'uint8' ? img.data[j] / 255 : v;
  }
  // Every label is checked, not only the first n: a damaged file is refused whatever count is asked.
  for (let i = 0; i < total; i++) {
    const l = lab.data[i];
    if (!(l >= 0 && l < DIGIT_CLASSES)) {
      throw new InvalidInputError(`label ${l} of row ${i + 1} is outside 0..9`, { details: { file: labelsFile, row: i + 1, received: String(l) } });
    }
  }
  checkSeveralClasses(lab.data, labelsFile);
  const labels = Int32Array.from(lab.data.subarray(0, n));
  const classCounts = new Array<number>(DIGIT_CLASSES).fill(0);
  for (const l of labels) classCounts[l]++;
  return {
    images,
    labels,
    n,
    featureShape: [DIGIT_SIDE, DIGIT_SIDE, 3],
    files: [imagesFile, labelsFile],
    source: 'real',
    meta: { dataset: 'mnist-m (aligned .npy)', kind: 'MNIST-M (aligned .npy)', path: path.resolve(options.path), split, countRead: total, count: n, classCounts },
  };
}
