/**
 * The paired dataset of one run: MNIST digits (embedded or IDX), each blurred at every σ (the
 * teachers' modalities, one implementation: data's float gaussianBlur) beside its aligned
 * MNIST-M partner (the student's modality). The same images in every repeat, as a published data
 * set would be; repeats draw their own split and model seeds.
 */
import path from 'node:path';
import { Matrix, Rng, contentHash } from '@cch-lab/core';
import { DATA_SOURCES, addGaussianNoise, fingerprintFiles, gaussianBlur, readIdx, type DataSource, type PairedDataset } from '@cch-lab/data';
import { EMBEDDED_MNIST_COUNT, embeddedMnist, loadMnistIdx, mnistIdxFiles, mnistMPairs, photoFiles, type DigitSet } from '@cch-lab/data-mnist-m';
import { memoDatasetAsync } from '../../toolkit/dataset-memo.js';
import { wantsRealData } from '../../toolkit/sections/data-section.js';
import { blurredName, noisyName, type MnistMConfig } from './mnist-m-config.js';

export const MNIST_M = 'mnistm';
const DIGIT_SHAPE = [28, 28, 1] as const;
const COLOUR_SHAPE = [28, 28, 3] as const;
export const MNIST_CLASSES: readonly string[] = Array.from({ length: 10 }, (_, i) => String(i));

/** The files a run reads: the IDX digits (none for the embedded ones) and the background photos. */
export function mnistMDataFiles(data: MnistMConfig['data']): string[] {
  const digits = wantsRealData(data) ? mnistIdxFiles(path.resolve(data.path as string)) : [];
  return data.backgrounds === undefined ? digits : [...digits, ...photoFiles(path.resolve(data.backgrounds))];
}

/**
 * The digits the preflight read for their labels, handed to the build that follows it (which
 * takes them), so the embedded files or the IDX images are read once per run, not kept.
 */
let handOff: { key: string; set: DigitSet } | undefined;

function digitsKey(data: MnistMConfig['data']): string {
  return contentHash({ data, files: fingerprintFiles(wantsRealData(data) ? mnistIdxFiles(path.resolve(data.path as string)) : []) });
}

function readDigits(data: MnistMConfig['data']): DigitSet {
  return wantsRealData(data) ? loadMnistIdx({ path: path.resolve(data.path as string), split: 'all', count: data.count }) : embeddedMnist({ count: data.count });
}

/** The digits of a run (embedded or IDX), `data.count` of them; kept for the next build to take. */
export function mnistMDigits(data: MnistMConfig['data']): DigitSet {
  const set = readDigits(data);
  handOff = { key: digitsKey(data), set };
  return set;
}

function takeDigits(data: MnistMConfig['data']): DigitSet {
  const known = handOff !== undefined && handOff.key === digitsKey(data) ? handOff.set : undefined;
  handOff = undefined;
  return known ?? readDigits(data);
}

/** How many digits `data` can give: the embedded set's size, or the rows of the IDX label files. */
export function availableDigits(data: MnistMConfig['data']): number {
  if (!wantsRealData(data)) return EMBEDDED_MNIST_COUNT;
  // The label files are small and their header holds the row count; the images are not read.
  return mnistIdxFiles(path.resolve(data.path as string))
    .filter((file) => path.basename(file).includes('labels'))
    .reduce((sum, file) => sum + readIdx(file).shape[0], 0);
}

/** The feature shape of every modality a run builds: the teachers' gray digits and the student's colour. */
export function mnistMShapes(config: Pick<MnistMConfig, 'blur' | 'noise'>): Record<string, number[]> {
  const shapes: Record<string, number[]> = {};
  for (const sigma of config.blur.sigmas) shapes[blurredName(sigma)] = [...DIGIT_SHAPE];
  for (const sigma of config.noise.sigmas) shapes[noisyName(sigma)] = [...DIGIT_SHAPE];
  shapes[MNIST_M] = [...COLOUR_SHAPE];
  return shapes;
}

/** The least trustworthy of two sources: a pair is only as real as its least real half. */
function weaker(a: DataSource, b: DataSource): DataSource {
  return DATA_SOURCES[Math.max(DATA_SOURCES.indexOf(a), DATA_SOURCES.indexOf(b))];
}

export function mnistMDataset(config: MnistMConfig, cacheDir: string | undefined): Promise<PairedDataset> {
  const key = contentHash({ data: config.data, sigmas: config.blur.sigmas, noise: config.noise.sigmas, seed: config.seed, files: fingerprintFiles(mnistMDataFiles(config.data)) });
  return memoDatasetAsync(`mnist-m:${key}`, () => build(config, cacheDir));
}

async function build(config: MnistMConfig, cacheDir: string | undefined): Promise<PairedDataset> {
  const set = takeDigits(config.data);
  const partner = await mnistMPairs(set, {
    seed: new Rng(config.seed).derive('mnist-m').nextUint32(),
    ...(config.data.backgrounds !== undefined ? { backgrounds: path.resolve(config.data.backgrounds) } : {}),
    ...(cacheDir !== undefined ? { cacheDir } : {}),
  });
  const gray = new Matrix(set.images, set.n, 28 * 28);
  const modalities: Record<string, Matrix> = {};
  const featureShapes = mnistMShapes(config);
  for (const sigma of config.blur.sigmas) modalities[blurredName(sigma)] = gaussianBlur(gray, DIGIT_SHAPE, sigma);
  // The same noise in every repeat, as for the images themselves: a degraded data set, not a draw.
  const noiseRng = new Rng(config.seed).derive('teacher-noise');
  for (const sigma of config.noise.sigmas) modalities[noisyName(sigma)] = addGaussianNoise(gray, sigma, noiseRng.derive(String(sigma)));
  modalities[MNIST_M] = new Matrix(partner.images, set.n, 28 * 28 * 3);
  return {
    name: 'mnist-mnistm',
    source: weaker(set.source, partner.source),
    task: 'classification',
    modalities,
    featureShapes,
    labels: set.labels,
    classes: [...MNIST_CLASSES],
    // No split of its own: every repeat draws one (splitForRepeat).
    splits: { train: Int32Array.from(set.labels, (_, i) => i), test: new Int32Array(0) },
    meta: { digits: set.meta, partner: partner.meta, sigmas: config.blur.sigmas, noise: config.noise.sigmas },
  };
}
