// @cch-lab/estimators — the public surface. Re-exports only.

// The shared interface: names, the result, options, the registry and its single entry point
export { ESTIMATOR_NAMES, NEURAL_ESTIMATORS, K_PER_CLASS_POLICIES, isNeuralEstimator } from './types.js';
export type { EstimatorName, NeuralEstimatorName, KPerClassPolicy, Estimate, EstimateMiOptions, NeuralOptions, MiTarget, NullSummary, IntervalSummary, MethodResult } from './types.js';
export { ESTIMATE_DEFAULTS } from './options.js';
export { ESTIMATORS, estimateMi, parseEstimatorName } from './registry.js';
export type { MethodBody } from './registry.js';

// The estimators' own workers, for callers that already hold prepared data
export { ksgNats } from './ksg.js';
export type { KsgVariant } from './ksg.js';
export { rossNats } from './ross-mixed.js';
export type { RossResult } from './ross-mixed.js';
export { gaussianMi, wishartLogDetBias } from './gaussian.js';
export type { GaussianMiResult } from './gaussian.js';
export { MINE_DEFAULTS, INFONCE_DEFAULTS, LMI_DEFAULTS, lmiHiddenUnits } from './neural/neural-defaults.js';
export { prepareContinuous, preparePair } from './prepare.js';
export type { PrepareOptions } from './prepare.js';

// Significance and uncertainty
export { shuffleNull, shuffleNullValues } from './nulls/shuffle-null.js';
export type { NatsFunction, ShuffleNullOptions } from './nulls/shuffle-null.js';
export { subsampleInterval, subsampleIndices, subsampleSize, summarizeSubsamples } from './intervals/subsample-interval.js';
export type { SubsampleOptions } from './intervals/subsample-interval.js';

// The CCH decision rule
export { CRITERION_VERDICTS, cchCriterion } from './criterion.js';
export type { CchCriterionOptions, CriterionTeacher, CriterionRow, CriterionResult, CriterionVerdict } from './criterion.js';

// The k-NN engine (max-norm)
export { KNN_METHODS } from './knn/engine-options.js';
export type { KnnMethod, KnnEngineOptions } from './knn/engine-options.js';
export { kNearest, kthNeighbourDistances, countWithinRadius, countWithinRadiusMarginals, resolveAlgorithm, usesWorkers } from './knn/engine.js';
export { closeKnnWorkers } from './knn/worker-pool.js';
export { naiveKNearest, naiveCountWithinRadius } from './knn/naive.js';
export { pointSetFromMatrix, concatPointSets, selectPoints } from './knn/point-set.js';
export type { PointSet } from './knn/point-set.js';
export type { NeighbourLists } from './knn/neighbour-list.js';
export type { KnnAlgorithm } from './knn/knn-job.js';

// Validation and helpers
export { checkPair, checkMatrix, checkLabels, checkK, constantColumns } from './validate.js';
export type { CheckedPair } from './validate.js';
export { oneHot } from './one-hot.js';

// Benchmark
export { benchKnn } from './bench/bench-knn.js';
export type { BenchKnnOptions, BenchKnnRow } from './bench/bench-knn.js';
