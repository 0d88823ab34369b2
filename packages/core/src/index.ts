// @cch-lab/core — the public surface. Re-exports only.

// Errors
export {
  CchError,
  InvalidInputError,
  UsageError,
  ConfigError,
  DataNotFoundError,
  UnknownMethodError,
  BackendError,
  InternalError,
  ServiceUnavailableError,
  isCchError,
  ERROR_CODES,
} from './errors.js';
export type { ErrorCode, ErrorDetails, CchErrorOptions, ConfigIssue } from './errors.js';

// Randomness
export { Rng, createRng, cyrb53 } from './rng.js';
export type { Seed } from './rng.js';

// Matrices, statistics, linear algebra, special functions
export { Matrix, hstack } from './matrix.js';
export type { FloatArray, DType } from './matrix.js';
export {
  mean,
  variance,
  standardDeviation,
  pearson,
  quantile,
  columnMeans,
  columnStandardDeviations,
  covariance,
  crossCovariance,
  standardize,
} from './stats.js';
export type { Standardized } from './stats.js';
export { MIN_NORMAL, binaryExponent, powerOfTwoFactors, scaleByPowerOfTwo, maxAbs, columnMaxAbs, columnScaling } from './power-of-two.js';
export type { ColumnScaling } from './power-of-two.js';
export {
  matMul,
  matTMul,
  matVec,
  dot,
  quadraticForm,
  cholesky,
  logDetSpd,
  choleskySolve,
  solveSpd,
  solveSpdVector,
  invertSpd,
  identity,
  block,
} from './linalg.js';
export { symmetricEigen } from './symmetric-eigen.js';
export type { SymmetricEigen } from './symmetric-eigen.js';
export { fitPca, projectPca } from './pca.js';
export type { PcaModel } from './pca.js';
export { digamma, digammaInt, logGamma, normalCdf, erf } from './special.js';

// Validation at the boundary
export { checkInteger, checkNumber, checkFiniteMatrix, checkFiniteArray, checkSameRows } from './validate.js';
export type { Where } from './validate.js';

// Tensor backend
export { AUTO_BACKEND_ORDER, BACKEND_NAMES, chooseBackend, probeBackend, probeAllBackends, parseBackendRequest, activeTfBackend } from './backend.js';
export type { BackendName, BackendRequest, BackendInfo, BackendProbe, ChooseBackendOptions } from './backend.js';
export { backendNumerics, nativeLoadState } from './native-load.js';
export type { NativeLoad } from './native-load.js';

// Progress, content identity
export { silentReporter, recordingReporter } from './reporter.js';
export type { Reporter } from './reporter.js';
export { stableStringify, contentHash } from './hash.js';
export { compiledWorkerScript, createWorkerPool, serveWorkerRequests } from './worker-pool.js';
export type { WorkerPool } from './worker-pool.js';

// Test assertions
export * as testing from './testing.js';

// Native TensorFlow graphs (tfjs-node's SavedModel sessions)
export { GraphBuilder, attr as graphAttr } from './native-graph/graph-builder.js';
export { DT as TF_DTYPE, encodeSavedModel } from './native-graph/tf-proto.js';
export type { AttrValue as GraphAttrValue, NodeDef as GraphNodeDef } from './native-graph/tf-proto.js';
export { graphSessionsAvailable, openGraphSession, openGraphSessions } from './native-graph/graph-session.js';
export type { GraphSession } from './native-graph/graph-session.js';
