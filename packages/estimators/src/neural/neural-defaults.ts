/**
 * The neural estimators' defaults, apart from their code: the package's index exports them, and
 * importing them must not load TensorFlow.js (the estimators themselves are loaded when used).
 */

/** MINE's defaults; the critic follows REFERENCE.md §2 (2 × 100 ELU, Adam 1e-3, batch ≥ 100). */
export const MINE_DEFAULTS = Object.freeze({
  epochs: 200,
  batchSize: 256,
  learningRate: 1e-3,
  hiddenUnits: 100,
  validationFraction: 0.3,
  /** Moving-average rate of E[e^T] for the gradient correction. */
  emaRate: 0.01,
  /** Marginal permutations of the held-out rows per evaluation. */
  evalPermutations: 5,
});

export const INFONCE_DEFAULTS = Object.freeze({
  epochs: 200,
  batchSize: 256,
  learningRate: 1e-3,
  hiddenUnits: 100,
  validationFraction: 0.3,
  /** Width of the embeddings g(x), h(y). */
  embedding: 32,
});

export const LMI_DEFAULTS = Object.freeze({
  epochs: 300,
  batchSize: 512,
  learningRate: 1e-4,
  patience: 30,
  latentSize: 8,
  validationFraction: 0.5,
  /** Z-scored values are clipped to ±clip. */
  clip: 10,
  /** Dropout rate of the cross-decoders. */
  dropout: 0.5,
});

/** The first hidden width L for a variable of dimension d (see the file comment). */
export function lmiHiddenUnits(d: number): number {
  return Math.min(1024, Math.max(32, 2 ** Math.ceil(Math.log2(2 * d))));
}
