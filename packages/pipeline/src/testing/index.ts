// Test helpers for packages that drive the pipeline (the CLI's tests); not for experiments.
export { tinyExperiment, tinyRunCounter } from './tiny-experiment.js';
export type { TinyConfig } from './tiny-experiment.js';
