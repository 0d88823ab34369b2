/**
 * The SDK's standard CMU-MOSEI folds (cmu_mosei_std_folds.py: 2 249 train, 300 valid, 678 test
 * videos), extracted once by scripts/extract-std-folds.py into cmu-mosei-std-folds.json beside this
 * file and read at run time (tsc -b copies the JSON to dist with the compiled file).
 */
import fs from 'node:fs';
import type { StandardFolds } from '../splits/video-split.js';

interface FoldsFile extends StandardFolds {
  /** The SDK file and commit the lists were taken from. */
  source: string;
}

const FOLDS = JSON.parse(fs.readFileSync(new URL('./cmu-mosei-std-folds.json', import.meta.url), 'utf8')) as FoldsFile;

/** The SDK file (GitHub URL with its commit) the standard folds come from. */
export const MOSEI_STANDARD_FOLDS_SOURCE: string = FOLDS.source;

/** Video ids of the SDK's standard train / valid / test folds (disjoint). */
export const MOSEI_STANDARD_FOLDS: StandardFolds = Object.freeze({
  train: Object.freeze([...FOLDS.train]),
  valid: Object.freeze([...FOLDS.valid]),
  test: Object.freeze([...FOLDS.test]),
});
