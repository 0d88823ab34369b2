/** One split of an MNIST-layout directory (MNIST, Fashion-MNIST, KMNIST) from its IDX files. */
import fs from 'node:fs';
import path from 'node:path';
import { DataNotFoundError, InvalidInputError } from '@cch-lab/core';
import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, readIdx } from './read-idx.js';

export type MnistSplit = 'train' | 'test';

/** File stems per split; the dotted spelling is how some mirrors name the same files. */
const STEMS: Record<MnistSplit, { images: string[]; labels: string[] }> = {
  train: { images: ['train-images-idx3-ubyte', 'train-images.idx3-ubyte'], labels: ['train-labels-idx1-ubyte', 'train-labels.idx1-ubyte'] },
  test: { images: ['t10k-images-idx3-ubyte', 't10k-images.idx3-ubyte'], labels: ['t10k-labels-idx1-ubyte', 't10k-labels.idx1-ubyte'] },
};

export interface MnistIdx {
  /** count × rows × cols bytes (0 = background), row-major. */
  images: Uint8Array;
  /** count class indices. */
  labels: Uint8Array;
  count: number;
  rows: number;
  cols: number;
  /** The files read. */
  paths: { images: string; labels: string };
}

/**
 * Reads `split` from `dir`, which holds `train-images-idx3-ubyte`, `train-labels-idx1-ubyte`,
 * `t10k-images-idx3-ubyte` and `t10k-labels-idx1-ubyte`, each plain or gzipped (`.gz`).
 *
 * @throws DataNotFoundError listing the expected paths when a file is missing; InvalidInputError
 *   when a file is not an image / label IDX file or the two counts differ.
 */
export function readMnistIdx(dir: string, split: MnistSplit): MnistIdx {
  if (split !== 'train' && split !== 'test') {
    throw new InvalidInputError("readMnistIdx: split must be 'train' or 'test'", { details: { field: 'split', received: String(split) } });
  }
  const imagesPath = locate(dir, STEMS[split].images);
  const labelsPath = locate(dir, STEMS[split].labels);
  if (imagesPath === undefined || labelsPath === undefined) {
    const missing = [imagesPath === undefined ? STEMS[split].images[0] : undefined, labelsPath === undefined ? STEMS[split].labels[0] : undefined]
      .filter((s): s is string => s !== undefined)
      .flatMap((stem) => [path.join(dir, `${stem}.gz`), path.join(dir, stem)]);
    throw new DataNotFoundError(`MNIST-layout ${split} files not found in ${dir}`, missing, {
      hint: 'point to the directory holding the IDX files (plain or .gz); see data-scripts/ for the fetch scripts',
    });
  }
  const images = readIdx(imagesPath);
  const labels = readIdx(labelsPath);
  if (images.magic !== IDX_IMAGES_MAGIC) {
    throw new InvalidInputError(`expected an image IDX file (magic ${IDX_IMAGES_MAGIC}) but found magic ${images.magic}`, {
      details: { file: imagesPath, received: String(images.magic) },
    });
  }
  if (labels.magic !== IDX_LABELS_MAGIC) {
    throw new InvalidInputError(`expected a label IDX file (magic ${IDX_LABELS_MAGIC}) but found magic ${labels.magic}`, {
      details: { file: labelsPath, received: String(labels.magic) },
    });
  }
  const [count, rows, cols] = images.shape;
  if (labels.shape[0] !== count) {
    throw new InvalidInputError(`${count} images but ${labels.shape[0]} labels; the two files must belong together`, {
      details: { file: labelsPath, received: String(labels.shape[0]) },
    });
  }
  return { images: images.data, labels: labels.data, count, rows, cols, paths: { images: imagesPath, labels: labelsPath } };
}

/** The first existing `<stem>.gz` or `<stem>`. */
function locate(dir: string, stems: string[]): string | undefined {
  for (const stem of stems) {
    for (const name of [`${stem}.gz`, stem]) {
      const p = path.join(dir, name);
      if (fs.existsSync(p)) return p;
    }
  }
  return undefined;
}
