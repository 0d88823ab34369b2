/** `verifyMnist`: what an MNIST-layout IDX folder holds, and everything wrong with it, file and byte offset. */
import path from 'node:path';
import { InvalidInputError } from '@cch-lab/core';
import { IDX_ROLES, MNIST_IDX_STEMS, locateIdxFile } from '../digits/mnist-idx-files.js';
import { DIGIT_SIDE } from '../types.js';
import { inspectIdx } from './inspect-idx.js';
import type { IdxInspection, MnistVerifyProblem } from './inspect-idx.js';

export type { MnistVerifyProblem } from './inspect-idx.js';

/** One split (train or test) of the folder. */
export interface MnistVerifySplit {
  images?: IdxInspection;
  labels?: IdxInspection;
  /** Images in the file (when its header was read). */
  count?: number;
  rows?: number;
  cols?: number;
  /** Both files present and readable, with as many images as labels. */
  paired: boolean;
}

export interface MnistVerifyReport {
  path: string;
  /** True when every file is present and well-formed and each split is paired. */
  ok: boolean;
  /** True when ok and the images are 28 × 28, i.e. loadMnistIdx can read every split. */
  loadable: boolean;
  splits: Record<'train' | 'test', MnistVerifySplit>;
  /** Expected files that are not there (the first spelling of each name). */
  missingFiles: string[];
  problems: MnistVerifyProblem[];
  /** Remarks that are not errors (e.g. an image size other than 28 × 28). */
  notes: string[];
}

/**
 * Checks any MNIST-layout IDX folder (MNIST, Fashion-MNIST, KMNIST; plain or .gz): for each
 * split, both files present and readable, the magics (images 2051, labels 2049), header shapes,
 * data lengths against the header (truncated or over-long copies), at least one item, labels in
 * 0..9 and of more than one class, and as many images as labels. Images of any rows × cols are
 * accepted and reported. Never throws for a bad folder: everything wrong is in `problems`, with
 * the file and byte offset.
 *
 * @throws InvalidInputError only for a missing or empty `path` option.
 */
export function verifyMnist(options: { path: string }): MnistVerifyReport {
  const dir = options?.path;
  if (typeof dir !== 'string' || dir === '') {
    throw new InvalidInputError('verifyMnist: path must be a folder name', { details: { field: 'path', received: String(dir) } });
  }
  const problems: MnistVerifyProblem[] = [];
  const notes: string[] = [];
  const missingFiles: string[] = [];
  const splits = {} as Record<'train' | 'test', MnistVerifySplit>;
  for (const split of ['train', 'test'] as const) {
    const s: MnistVerifySplit = { paired: false };
    for (const role of IDX_ROLES) {
      const file = locateIdxFile(dir, split, role);
      if (file === undefined) {
        const expected = path.resolve(dir, MNIST_IDX_STEMS[split][role][0]);
        missingFiles.push(expected);
        problems.push({ message: `missing ${split} ${role}: ${expected}(.gz)` });
        continue;
      }
      const inspection = inspectIdx(file, role);
      s[role] = inspection;
      problems.push(...inspection.problems);
    }
    const img = s.images;
    const lab = s.labels;
    if (img?.shape !== undefined) [s.count, s.rows, s.cols] = img.shape;
    if (img?.shape !== undefined && lab?.shape !== undefined) {
      if (img.shape[0] !== lab.shape[0]) {
        problems.push({ file: lab.file, offset: 4, message: `${img.shape[0]} images in ${path.basename(img.file)} but ${lab.shape[0]} labels; the two files must belong together` });
      } else s.paired = img.problems.length === 0 && lab.problems.length === 0;
    }
    if (s.rows !== undefined && (s.rows !== DIGIT_SIDE || s.cols !== DIGIT_SIDE)) {
      notes.push(`${split} images are ${s.rows} × ${s.cols}, not 28 × 28: loadMnistIdx reads 28 × 28 digits only`);
    }
    splits[split] = s;
  }
  const ok = problems.length === 0;
  return { path: path.resolve(dir), ok, loadable: ok && notes.length === 0, splits, missingFiles, problems, notes };
}
