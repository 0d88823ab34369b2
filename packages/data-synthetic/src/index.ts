// @cch-lab/data-synthetic — simulated data with known ground truth. Re-exports only.

// The paper's joint Gaussian model (Theorem 1): a CCH margin sweep at fixed I(w*'x2; y)
export { gaussianKdModel, DIRECTION_MODES } from './gaussian-kd-model.js';
export type { GaussianKdModel, GaussianKdModelOptions, SampleOptions, DirectionMode } from './gaussian-kd-model.js';
export type { LatentCoefficients } from './gaussian-kd-construction.js';

// The Modality Focusing Hypothesis benchmark (Xue et al. 2023): γ and α sweeps
export { mfhGaussian, MFH_SWEEPS, MFH_PAPER_LEVELS } from './mfh-gaussian.js';
export type { MfhGaussianOptions, MfhSweep, DecisiveRange } from './mfh-gaussian.js';

// Building blocks
export { gaussianSampler } from './gaussian-sampler.js';
export type { GaussianSampler } from './gaussian-sampler.js';
export { contiguousSplits } from './contiguous-splits.js';
