/** Where an MNIST-layout folder's IDX files are: the same names and preference order as data's readMnistIdx. */
import fs from 'node:fs';
import path from 'node:path';
import { DataNotFoundError, InvalidInputError } from '@cch-lab/core';
import { MNIST_IDX_SPLITS, MNIST_M_DATA_SCRIPT } from '../types.js';
import type { MnistIdxSplit } from '../types.js';

/** The IDX roles of one split. */
export const IDX_ROLES = ['images', 'labels'] as const;
export type IdxRole = (typeof IDX_ROLES)[number];

/**
 * File stems per split and role; the dotted spelling is how some mirrors name the same files.
 * Each stem is looked for as `<stem>.gz`, then `<stem>`.
 */
export const MNIST_IDX_STEMS: Readonly<Record<'train' | 'test', Record<IdxRole, readonly string[]>>> = Object.freeze({
  train: { images: ['train-images-idx3-ubyte', 'train-images.idx3-ubyte'], labels: ['train-labels-idx1-ubyte', 'train-labels.idx1-ubyte'] },
  test: { images: ['t10k-images-idx3-ubyte', 't10k-images.idx3-ubyte'], labels: ['t10k-labels-idx1-ubyte', 't10k-labels.idx1-ubyte'] },
});

/** The splits a MnistIdxSplit covers, in row order. */
export function idxSplitsOf(split: MnistIdxSplit): Array<'train' | 'test'> {
  return split === 'all' ? ['train', 'test'] : [split];
}

/** The first existing file for (split, role) in `dir`, or undefined. */
export function locateIdxFile(dir: string, split: 'train' | 'test', role: IdxRole): string | undefined {
  for (const stem of MNIST_IDX_STEMS[split][role]) {
    for (const name of [`${stem}.gz`, stem]) {
      const file = path.join(dir, name);
      if (fs.existsSync(file)) return path.resolve(file);
    }
  }
  return undefined;
}

/**
 * The absolute IDX files loadMnistIdx reads from `dir` for `split` (default 'all': the four files),
 * images before labels, train before test — for cache fingerprints and provenance.
 *
 * @throws DataNotFoundError listing every missing file (as `<name>.gz` and `<name>`) and the
 *   data-script that fetches them; InvalidInputError for an unknown split.
 */
export function mnistIdxFiles(dir: string, split: MnistIdxSplit = 'all'): string[] {
  if (typeof dir !== 'string' || dir === '') {
    throw new InvalidInputError('mnistIdxFiles: path must be a folder name', { details: { field: 'path', received: String(dir) } });
  }
  if (!(MNIST_IDX_SPLITS as readonly string[]).includes(split)) {
    throw new InvalidInputError(`split must be one of ${MNIST_IDX_SPLITS.join(', ')}`, { details: { field: 'split', received: String(split) } });
  }
  const found: string[] = [];
  const missing: string[] = [];
  for (const s of idxSplitsOf(split)) {
    for (const role of IDX_ROLES) {
      const file = locateIdxFile(dir, s, role);
      if (file !== undefined) found.push(file);
      else {
        const stem = path.resolve(dir, MNIST_IDX_STEMS[s][role][0]);
        missing.push(`${stem}.gz`, stem);
      }
    }
  }
  if (missing.length > 0) {
    throw new DataNotFoundError(`MNIST IDX files (${split}) not found in ${path.resolve(dir)}`, missing, {
      details: { field: 'path' },
      hint: `each file may be plain or .gz; ${MNIST_M_DATA_SCRIPT} says how to fetch MNIST`,
    });
  }
  return found;
}
