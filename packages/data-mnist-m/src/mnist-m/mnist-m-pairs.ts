/**
 * Aligned MNIST-M-style pairs: row i is digit i of a DigitSet composited over a seeded random
 * 28 × 28 crop of a colour background with the per-channel difference blend (Ganin & Lempitsky's
 * recipe; REFERENCE.md §3), so the grey digit and its colour partner are the same digit instance —
 * what cross-modal KD needs, and what the published MNIST-M PNG folders do not give.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InvalidInputError, checkInteger, contentHash, createRng } from '@cch-lab/core';
import type { Rng } from '@cch-lab/core';
import { DATA_SOURCES, fingerprintFiles, readNpy, writeJsonAtomic, writeNpyAtomic } from '@cch-lab/data';
import type { DataSource } from '@cch-lab/data';
import { DIGIT_CLASSES, DIGIT_PIXELS, DIGIT_SIDE, MNIST_M_VALUES } from '../types.js';
import type { DigitSet } from '../types.js';
import type { BackgroundSet } from './background.js';
import { compositeDifference } from './composite-difference.js';
import { digitsHash } from './digits-hash.js';
import { PHOTO_RULE_VERSION, photoFiles, readPhotoBackgrounds } from './photo-backgrounds.js';
import { PROCEDURAL_TEXTURE_COUNT, PROCEDURAL_TEXTURE_SIDE, PROCEDURAL_VERSION, proceduralBackgrounds } from './procedural-backgrounds.js';

/** Bumped whenever the pairs for given inputs change (part of the cache key). */
export const MNIST_M_GENERATOR_VERSION = 1;
/** meta.kind of pairs over procedural textures (source 'simulated'). */
export const MNIST_M_PROCEDURAL_KIND = 'MNIST-M-style (procedural textures)';

export interface MnistMOptions {
  /**
   * A folder of JPEG / PNG colour photos (BSDS500's training images for the exact recipe).
   * Default: PROCEDURAL_TEXTURE_COUNT procedural colour textures made from the seed, and the
   * pairs are then labelled source 'simulated'.
   */
  backgrounds?: string;
  /** Seeds the procedural textures and every (background, crop) draw. */
  seed: number;
  /**
   * If given, the pairs are cached there as `mnist-m-<key>.npy` (n × 28 × 28 × 3 uint8) with a
   * `.json` of their meta, keyed by the parameters, the digits' content hash and the background
   * files' content fingerprints; a later call with the same key reads the file instead.
   */
  cacheDir?: string;
  /**
   * Count a digit pixel as 1 when > 0 (pumpikano's create_mnistm.py, the script most MNIST-M
   * copies were built with) instead of using its grey value. Default false.
   */
  binarize?: boolean;
}

/** Aligned colour partners of a DigitSet. */
export interface MnistMPairs {
  /** n × 2352: row i is 28 × 28 × 3 (HWC) in [0, 1], on the byte grid k / 255, partner of digit i. */
  images: Float32Array;
  /** 'simulated' over procedural textures; the digits' own source over user photos. */
  source: DataSource;
  meta: Record<string, unknown>;
}

interface BackgroundPlan {
  kind: 'procedural' | 'photos';
  dir?: string;
  files: string[];
  /** What the cache key covers of the backgrounds. */
  key: unknown;
}

/**
 * Colour partners of `digits` (REFERENCE.md §3, MNIST-M): for each row i, in order, a background
 * b (uniform), a crop corner (top, left) (uniform over every position where the 28 × 28 crop fits)
 * are drawn from the seed's placement stream, and out = round(|crop − 255 · digit|) / 255 per
 * channel. Three draws a row, so the first k pairs do not depend on how many digits follow.
 *
 * Provenance (the rule the README states): over procedural textures the colour modality is a
 * generated stand-in — source 'simulated', meta.kind 'MNIST-M-style (procedural textures)'; over
 * user photos it is MNIST-M built by its recipe from the digits — source = digits.source,
 * meta.kind 'MNIST-M (recipe of Ganin & Lempitsky, backgrounds from <dir>)'.
 *
 * @throws InvalidInputError for a malformed DigitSet or options, or a photo sharp cannot decode;
 *   DataNotFoundError for a missing or empty backgrounds folder.
 */
export async function mnistMPairs(digits: DigitSet, options: MnistMOptions): Promise<MnistMPairs> {
  checkDigitSet(digits);
  const seed = checkInteger(options?.seed, 'seed', { min: 0, max: Number.MAX_SAFE_INTEGER }, { where: 'mnistMPairs' });
  const binarize = options.binarize ?? false;
  if (typeof binarize !== 'boolean') {
    throw new InvalidInputError('mnistMPairs: binarize must be true or false', { details: { field: 'binarize', received: String(binarize) } });
  }
  const plan = planBackgrounds(options.backgrounds);
  const keyInput = { generator: MNIST_M_GENERATOR_VERSION, seed, binarize, n: digits.n, digits: digitsHash(digits), backgrounds: plan.key };
  const key = contentHash(keyInput);
  const source: DataSource = plan.kind === 'procedural' ? 'simulated' : digits.source;
  const meta: Record<string, unknown> = {
    kind: plan.kind === 'procedural' ? MNIST_M_PROCEDURAL_KIND : `MNIST-M (recipe of Ganin & Lempitsky, backgrounds from ${plan.dir})`,
    recipe: 'per-channel |patch − digit| over a uniform random 28×28 crop of a uniform random background (Ganin & Lempitsky 2015)',
    seed,
    n: digits.n,
    featureShape: [DIGIT_SIDE, DIGIT_SIDE, 3],
    layout: 'HWC',
    binarize,
    digits: { source: digits.source, hash: keyInput.digits, dataset: digits.meta.dataset },
    backgrounds:
      plan.kind === 'procedural'
        ? { kind: 'procedural', count: PROCEDURAL_TEXTURE_COUNT, side: PROCEDURAL_TEXTURE_SIDE, version: PROCEDURAL_VERSION }
        : { kind: 'photos', dir: plan.dir, count: plan.files.length, fingerprints: plan.key },
    cacheKey: key,
  };

  const cacheFile = options.cacheDir === undefined ? undefined : path.resolve(options.cacheDir, `mnist-m-${key}.npy`);
  if (cacheFile !== undefined) {
    const cached = readCached(cacheFile, digits.n);
    if (cached !== undefined) return { images: toUnit(cached), source, meta: { ...meta, cache: { file: cacheFile, hit: true } } };
  }

  const rng = createRng(seed);
  const backgrounds = plan.kind === 'procedural' ? proceduralBackgrounds(rng.derive('procedural-textures')) : await readPhotoBackgrounds(plan.files);
  const bytes = composeAll(digits, backgrounds, rng.derive('placement'), binarize);
  if (cacheFile === undefined) return { images: toUnit(bytes), source, meta };
  const withCache = { ...meta, cache: { file: cacheFile, hit: false } };
  writeNpyAtomic(cacheFile, bytes, [digits.n, DIGIT_SIDE, DIGIT_SIDE, 3]);
  writeJsonAtomic(cacheFile.replace(/\.npy$/, '.json'), { ...withCache, source });
  return { images: toUnit(bytes), source, meta: withCache };
}

function planBackgrounds(dir: string | undefined): BackgroundPlan {
  if (dir === undefined) return { kind: 'procedural', files: [], key: { procedural: PROCEDURAL_VERSION, count: PROCEDURAL_TEXTURE_COUNT, side: PROCEDURAL_TEXTURE_SIDE } };
  if (typeof dir !== 'string' || dir === '') {
    throw new InvalidInputError('mnistMPairs: backgrounds must be a folder name', { details: { field: 'backgrounds', received: String(dir) } });
  }
  const files = photoFiles(dir);
  const prints = fingerprintFiles(files);
  // Names and contents in index order, not absolute paths: the same photos elsewhere give the same key.
  const key = { rule: PHOTO_RULE_VERSION, files: files.map((f) => [path.basename(f), prints[f]]) };
  return { kind: 'photos', dir: path.resolve(dir), files, key };
}

function composeAll(digits: DigitSet, backgrounds: BackgroundSet, rng: Rng, binarize: boolean): Uint8Array {
  const out = new Uint8Array(digits.n * MNIST_M_VALUES);
  for (let i = 0; i < digits.n; i++) {
    const bg = backgrounds.get(rng.int(backgrounds.count));
    const top = rng.int(bg.height - DIGIT_SIDE + 1);
    const left = rng.int(bg.width - DIGIT_SIDE + 1);
    compositeDifference(digits.images.subarray(i * DIGIT_PIXELS, (i + 1) * DIGIT_PIXELS), bg, top, left, binarize, out, i * MNIST_M_VALUES);
  }
  return out;
}

/** The cached bytes, or undefined when absent or unreadable (then they are rebuilt and rewritten). */
function readCached(file: string, n: number): Uint8Array | undefined {
  if (!fs.existsSync(file)) return undefined;
  try {
    const { data, shape } = readNpy(file);
    const ok = data instanceof Uint8Array && shape.length === 4 && shape[0] === n && shape[1] === DIGIT_SIDE && shape[2] === DIGIT_SIDE && shape[3] === 3;
    return ok ? data : undefined;
  } catch {
    return undefined;
  }
}

function toUnit(bytes: Uint8Array): Float32Array {
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i] / 255;
  return out;
}

function checkDigitSet(digits: DigitSet): void {
  const where = 'mnistMPairs: digits';
  if (digits === null || typeof digits !== 'object' || !(digits.images instanceof Float32Array) || !(digits.labels instanceof Int32Array)) {
    throw new InvalidInputError(`${where} must be a DigitSet { images: Float32Array, labels: Int32Array, n, source, meta }`, { details: { field: 'digits' } });
  }
  const { n } = digits;
  if (!Number.isInteger(n) || n < 1 || digits.images.length !== n * DIGIT_PIXELS || digits.labels.length !== n) {
    throw new InvalidInputError(`${where}: images must hold n × 784 values and labels n (n = ${n})`, {
      details: { field: 'digits', received: `${digits.images.length} pixels, ${digits.labels.length} labels` },
    });
  }
  if (!(DATA_SOURCES as readonly string[]).includes(digits.source)) {
    throw new InvalidInputError(`${where}: source must be one of ${DATA_SOURCES.join(', ')}`, { details: { field: 'digits.source', received: String(digits.source) } });
  }
  for (let j = 0; j < digits.images.length; j++) {
    const v = digits.images[j];
    if (!(v >= 0 && v <= 1)) {
      throw new InvalidInputError(`${where}: pixel ${j % DIGIT_PIXELS} of row ${Math.floor(j / DIGIT_PIXELS)} is ${v}, outside [0, 1]`, { details: { field: 'digits.images', received: String(v) } });
    }
  }
  for (let i = 0; i < n; i++) {
    if (!(digits.labels[i] >= 0 && digits.labels[i] < DIGIT_CLASSES)) {
      throw new InvalidInputError(`${where}: label of row ${i} is ${digits.labels[i]}, outside 0..9`, { details: { field: 'digits.labels', received: String(digits.labels[i]) } });
    }
  }
}
