/**
 * One registry of every estimator and the single entry point every caller uses:
 * `estimateMi(name, x, y, options)` validates, runs the method, times it, and adds the shuffle
 * null and the subsample interval when asked.
 */
import { InvalidInputError, UnknownMethodError, type Matrix, type Rng } from '@cch-lab/core';
import { gaussianMethod } from './gaussian.js';
import { subsampleInterval, subsampleSize } from './intervals/subsample-interval.js';
import { ksgMethod } from './ksg.js';
import { shuffleNull } from './nulls/shuffle-null.js';
import { resolveOptions, type ResolvedOptions } from './options.js';
import { rossMethod } from './ross-mixed.js';
import { ESTIMATOR_NAMES, type Estimate, type EstimateMiOptions, type EstimatorName, type MethodResult, type MiTarget } from './types.js';
import { checkPair, checkClassSizes } from './validate.js';

/** Methods whose k is a neighbour count (subsamples must hold more than k rows). */
const KNN_METHODS: ReadonlySet<EstimatorName> = new Set(['ksg', 'ksg2', 'mixed', 'lmi']);

/** Methods that run the mixed estimator on class labels, where k must fit inside every class. */
const LABEL_KNN_METHODS: ReadonlySet<EstimatorName> = new Set(['ksg', 'ksg2', 'mixed']);

/** A method body: validated inputs and resolved options in, nats and facts out. */
export type MethodBody = (x: Matrix, y: MiTarget, options: ResolvedOptions) => Promise<MethodResult> | MethodResult;

/** Every estimator by name; adding a name to ESTIMATOR_NAMES does not compile until it is here. */
export const ESTIMATORS: Readonly<Record<EstimatorName, MethodBody>> = Object.freeze({
  ksg: (x, y, o) => ksgMethod(x, y, o, 1),
  ksg2: (x, y, o) => ksgMethod(x, y, o, 2),
  mixed: rossMethod,
  gaussian: gaussianMethod,
  // Loaded when used: they import TensorFlow.js, which costs ≈ 0.5 s to load.
  mine: async (x, y, o) => (await import('./neural/mine.js')).mineMethod(x, y, o),
  infonce: async (x, y, o) => (await import('./neural/infonce.js')).infoNceMethod(x, y, o),
  lmi: async (x, y, o) => (await import('./neural/latent-mi.js')).latentMiMethod(x, y, o),
});

/** Parses an estimator name. @throws UnknownMethodError listing the valid names. */
export function parseEstimatorName(name: string): EstimatorName {
  const v = name.trim().toLowerCase();
  if ((ESTIMATOR_NAMES as readonly string[]).includes(v)) return v as EstimatorName;
  throw new UnknownMethodError('estimator', name, ESTIMATOR_NAMES, { details: { field: 'estimator' } });
}

/**
 * Estimates I(x; y) in nats and bits with the named method. x: n × dx; y: n × dy or n class
 * labels (Int32Array; ksg/ksg2 then run the mixed estimator, gaussian/mine/infonce use
 * indicator columns). With `shuffles` > 0 adds a shuffle null, with `subsamples` > 0 a
 * subsample interval (both rerun the same method with the same options).
 * @throws InvalidInputError for NaN/Inf, mismatched rows, k ≥ n, a class (in the data or a
 * subsample) of k or fewer samples unless kPerClass is 'cap', one class, a constant or
 * all-subnormal column, an empty input, too few rows for the Gaussian form without shrinkage;
 * UnknownMethodError for an unknown name.
 */
export async function estimateMi(name: EstimatorName | string, x: Matrix, y: MiTarget, options: EstimateMiOptions = {}): Promise<Estimate> {
  const method = parseEstimatorName(name);
  const o = resolveOptions(options, method);
  const pair = checkPair(x, y, method, { dropConstantColumns: o.dropConstantColumns });
  if (o.subsamples > 0 && KNN_METHODS.has(method) && subsampleSize(pair.x.rows, o.subsampleFraction) <= o.k) {
    throw new InvalidInputError(
      `${method}: subsamples of ${subsampleSize(pair.x.rows, o.subsampleFraction)} rows are too small for k = ${o.k}`,
      { details: { field: 'subsamples', received: String(o.subsamples) }, hint: 'pass more rows, a larger subsampleFraction, or no subsamples' },
    );
  }
  if (o.subsamples > 0 && pair.y instanceof Int32Array && o.kPerClass === 'refuse' && LABEL_KNN_METHODS.has(method)) {
    checkClassSizes(pair.y, o.k, { reps: o.subsamples, size: subsampleSize(pair.x.rows, o.subsampleFraction), rng: o.rng }, method);
  }
  const body = ESTIMATORS[method];
  const started = performance.now();
  const r = await body(pair.x, pair.y, o);
  const seconds = (performance.now() - started) / 1000;
  const dropped = pair.droppedColumns.x.length + pair.droppedColumns.y.length > 0 ? { droppedConstantColumns: pair.droppedColumns } : {};
  const estimate: Estimate = {
    method: r.method ?? method,
    nats: r.nats,
    bits: r.nats / Math.LN2,
    n: r.n,
    dims: r.dims,
    ...(r.k !== undefined ? { k: r.k } : {}),
    ...(r.standardized !== undefined ? { standardized: r.standardized } : {}),
    seconds,
    details: { ...r.details, ...dropped },
  };
  // Reruns use the same method and options with their own stream; nulls and intervals do not nest.
  const reruns = o.shuffles + o.subsamples;
  // The reruns' total work decides whether the k-NN engine starts its workers (they stay up between reruns).
  const rerunOptions = reruns > 0 ? { ...o, engine: { ...o.engine, repeats: reruns } } : o;
  const rerun = async (xs: Matrix, ys: MiTarget, rng: Rng): Promise<number> => (await body(xs, ys, { ...rerunOptions, rng })).nats;
  if (o.shuffles > 0) {
    estimate.null = await shuffleNull(rerun, pair.x, pair.y, r.nats, { shuffles: o.shuffles, rng: o.rng, reporter: o.reporter });
  }
  if (o.subsamples > 0) {
    estimate.interval = await subsampleInterval(rerun, pair.x, pair.y, r.nats, {
      reps: o.subsamples,
      fraction: o.subsampleFraction,
      level: o.level,
      rng: o.rng,
      reporter: o.reporter,
    });
  }
  return estimate;
}
