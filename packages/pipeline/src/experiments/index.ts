/**
 * Every registered experiment, by the name a config's `experiment:` key uses. Adding an
 * experiment: a folder under experiments/, its definition exported here, a YAML in configs/.
 */
import type { ExperimentRegistry } from '../config/resolve-config.js';
import { mfhGaussExperiment } from './mfh-gauss/mfh-gauss-experiment.js';
import { mnistMExperiment } from './mnist-m/mnist-m-experiment.js';
import { moseiExperiment } from './mosei/mosei-experiment.js';
import { pairedExperiment } from './paired/paired-experiment.js';
import { syntheticExperiment } from './synthetic/synthetic-experiment.js';
import { tcgaExperiment } from './tcga/tcga-experiment.js';

export const EXPERIMENTS: ExperimentRegistry = Object.freeze({
  synthetic: syntheticExperiment,
  'mfh-gauss': mfhGaussExperiment,
  tcga: tcgaExperiment,
  paired: pairedExperiment,
  'mnist-m': mnistMExperiment,
  mosei: moseiExperiment,
});
