/**
 * The one shape every mutual-information estimator shares: names, the result, the options.
 * Units: nats unless a field says bits (bits = nats / ln 2).
 */
import type { Matrix, Reporter, Rng } from '@cch-lab/core';
import type { KnnEngineOptions } from './knn/engine-options.js';

/** Every estimator, as a closed set (REFERENCE.md §2). */
export const ESTIMATOR_NAMES = ['ksg', 'ksg2', 'mixed', 'gaussian', 'mine', 'infonce', 'lmi'] as const;
export type EstimatorName = (typeof ESTIMATOR_NAMES)[number];

/** The estimators that train a network (tfjs): they need a tensor backend. */
export const NEURAL_ESTIMATORS = ['mine', 'infonce', 'lmi'] as const satisfies readonly EstimatorName[];
export type NeuralEstimatorName = (typeof NEURAL_ESTIMATORS)[number];

/** True for mine, infonce and lmi (NEURAL_ESTIMATORS). */
export function isNeuralEstimator(name: EstimatorName): name is NeuralEstimatorName {
  return (NEURAL_ESTIMATORS as readonly EstimatorName[]).includes(name);
}

/**
 * What the mixed estimator (and ksg / ksg2 on class labels) does with a class of k or fewer
 * samples, where a same-class k-th neighbour does not exist: 'refuse' throws InvalidInputError
 * naming the class; 'cap' lowers k to class size − 1 in that class and records it in details.
 */
export const K_PER_CLASS_POLICIES = ['refuse', 'cap'] as const;
export type KPerClassPolicy = (typeof K_PER_CLASS_POLICIES)[number];

/**
 * The second variable: a continuous matrix (n × dy, rows aligned with x) or class labels
 * (an Int32Array of n integer labels).
 */
export type MiTarget = Matrix | Int32Array;

/** The shuffle (permutation) null: the estimator rerun on data with y's rows permuted. */
export interface NullSummary {
  /** Mean of the null estimates, nats. */
  mean: number;
  /** Sample standard deviation of the null estimates, nats. */
  sd: number;
  /** (1 + #{null ≥ observed}) / (shuffles + 1): one-sided, never 0. */
  p: number;
  /** Number of shuffles run. */
  shuffles: number;
}

/** An uncertainty interval from repeated subsamples without replacement (see subsampleInterval). */
export interface IntervalSummary {
  /** Lower end, nats. */
  low: number;
  /** Upper end, nats. */
  high: number;
  /** Nominal coverage, e.g. 0.95. */
  level: number;
  method: 'subsample';
  /** Number of subsamples. */
  reps: number;
  /** Rows in each subsample. */
  subsampleSize: number;
  /** Mean of the subsample estimates, nats (differs from the estimate by the estimator's n-dependent bias). */
  subsampleMean: number;
}

/** The result of every estimator. */
export interface Estimate {
  /** The method that produced the number (may differ from the one asked for: see details.requested). */
  method: EstimatorName;
  nats: number;
  bits: number;
  /** Samples used (after dropping samples whose class is unique, for the mixed estimator). */
  n: number;
  /** [dx, dy]; dy is 1 for class labels. */
  dims: [number, number];
  /** Neighbours per point, for the k-NN methods. */
  k?: number;
  /** Whether columns were standardised before estimating. */
  standardized?: boolean;
  /** Wall-clock seconds of the estimate itself (without null or interval). */
  seconds: number;
  null?: NullSummary;
  interval?: IntervalSummary;
  /** Method-specific facts: dropped samples, shrinkage, InfoNCE ceiling, epochs trained, backend… */
  details?: Record<string, unknown>;
}

/** Options of the neural estimators (MINE, InfoNCE, LMI); defaults per method in MINE_DEFAULTS, INFONCE_DEFAULTS, LMI_DEFAULTS. */
export interface NeuralOptions {
  /** Passes over the training rows (LMI: at most, with early stopping). Default 200 (MINE, InfoNCE), 300 (LMI). */
  epochs?: number;
  /** Rows per optimisation step. Default 256 (MINE, InfoNCE), 512 (LMI). */
  batchSize?: number;
  /** Adam learning rate. Default 1e-3 (MINE, InfoNCE), 1e-4 (LMI). */
  learningRate?: number;
  /** Hidden width: the critics' layers (default 100) or LMI's first encoder layer L (default from the dimension, see lmiHiddenUnits). */
  hiddenUnits?: number;
  /** LMI only: latent size per variable. Default 8. */
  latentSize?: number;
  /** LMI only: epochs without improvement of the validation loss before stopping. Default 30. */
  patience?: number;
  /** Fraction of rows held out for evaluation. Default 0.3 (MINE, InfoNCE), 0.5 (LMI: validation, where KSG runs). */
  validationFraction?: number;
}

/** Options shared by every estimator; fields a method does not use are ignored. */
export interface EstimateMiOptions {
  /** Neighbours per point for the k-NN methods; larger lowers variance, raises bias. Default 3. */
  k?: number;
  /** Source of jitter, permutations, subsamples and network initialisation. Default: a stream seeded with 0. */
  rng?: Rng;
  /** Z-score every column before the k-NN methods (MI is invariant, the max-norm is not). Default true. */
  standardize?: boolean;
  /**
   * Mixed estimator (and ksg / ksg2 on class labels): a class with k or fewer samples is refused
   * ('refuse', InvalidInputError naming it) or gets k = class size − 1 ('cap', recorded in
   * details.kCapped). Classes of one sample are dropped either way (details.droppedSingletons).
   * Default 'refuse'.
   */
  kPerClass?: KPerClassPolicy;
  /**
   * Tie-breaking noise sd, as a multiple of each column's sd: after standardisation that is 1,
   * sklearn's max(1, mean |column|); without it the noise still follows the column's scale.
   * Default 1e-10; 0 turns it off.
   */
  jitter?: number;
  /** Drop constant columns (recorded in details) instead of throwing InvalidInputError. Default false. */
  dropConstantColumns?: boolean;
  /** Shuffles for the permutation null; 0 skips it. Default 0. */
  shuffles?: number;
  /** Subsamples for the uncertainty interval; 0 skips it. Default 0. */
  subsamples?: number;
  /** Size of each subsample as a fraction of n. Default 0.5. */
  subsampleFraction?: number;
  /** Coverage of the interval. Default 0.95. */
  level?: number;
  /** The k-NN engine: method and workers. Default automatic. */
  engine?: KnnEngineOptions;
  /** Gaussian only: covariance shrinkage. Default 'auto' (Ledoit–Wolf only when ill-conditioned). */
  shrinkage?: 'auto' | 'none' | 'ledoit-wolf' | number;
  /** Gaussian only: remove the exact Wishart bias of the log-determinants. Default true. */
  biasCorrection?: boolean;
  /** MINE, InfoNCE, LMI: training settings. */
  neural?: NeuralOptions;
  /** Progress and warnings. Default silent. */
  reporter?: Reporter;
}

/** The body of one method: what a registry entry computes before timing, null and interval are added. */
export interface MethodResult {
  nats: number;
  n: number;
  dims: [number, number];
  k?: number;
  standardized?: boolean;
  details?: Record<string, unknown>;
  /** When the method ran as another (e.g. ksg on class labels runs the mixed estimator). */
  method?: EstimatorName;
}
