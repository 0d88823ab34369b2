/** Defaults of EstimateMiOptions, and their resolution and checks at the public boundary. */
import { UnknownMethodError, checkInteger, checkNumber, createRng, silentReporter, type Reporter, type Rng } from '@cch-lab/core';
import type { KnnEngineOptions } from './knn/engine-options.js';
import { KNN_METHODS } from './knn/engine-options.js';
import { K_PER_CLASS_POLICIES, type EstimateMiOptions, type KPerClassPolicy, type NeuralOptions } from './types.js';

/** The defaults every estimator starts from (see EstimateMiOptions for what each means). */
export const ESTIMATE_DEFAULTS = Object.freeze({
  k: 3,
  kPerClass: 'refuse' as const,
  standardize: true,
  jitter: 1e-10,
  dropConstantColumns: false,
  shuffles: 0,
  subsamples: 0,
  subsampleFraction: 0.5,
  level: 0.95,
  shrinkage: 'auto' as const,
  biasCorrection: true,
});

/** Options with every default filled in; what method bodies receive. */
export interface ResolvedOptions {
  k: number;
  kPerClass: KPerClassPolicy;
  rng: Rng;
  standardize: boolean;
  jitter: number;
  dropConstantColumns: boolean;
  shuffles: number;
  subsamples: number;
  subsampleFraction: number;
  level: number;
  engine: KnnEngineOptions;
  shrinkage: 'auto' | 'none' | 'ledoit-wolf' | number;
  biasCorrection: boolean;
  neural: NeuralOptions;
  reporter: Reporter;
}

/** Fills defaults and checks ranges. @throws InvalidInputError / UnknownMethodError naming the option. */
export function resolveOptions(options: EstimateMiOptions, where: string): ResolvedOptions {
  const o = { ...ESTIMATE_DEFAULTS, ...stripUndefined(options) };
  const at = { where };
  checkInteger(o.shuffles, 'shuffles', { min: 0, max: 100_000 }, at);
  checkInteger(o.subsamples, 'subsamples', { min: 0, max: 10_000 }, at);
  checkNumber(o.subsampleFraction, 'subsampleFraction', { min: 0.05, max: 0.95 }, at);
  checkNumber(o.level, 'level', { min: 0.5, max: 0.999 }, at);
  checkNumber(o.jitter, 'jitter', { min: 0, max: 1 }, at);
  if (!(K_PER_CLASS_POLICIES as readonly string[]).includes(o.kPerClass)) {
    throw new UnknownMethodError('kPerClass policy', String(o.kPerClass), K_PER_CLASS_POLICIES, { details: { field: 'kPerClass' } });
  }
  if (typeof o.shrinkage === 'number') checkNumber(o.shrinkage, 'shrinkage', { min: 0, max: 1 }, at);
  else if (!['auto', 'none', 'ledoit-wolf'].includes(o.shrinkage)) {
    throw new UnknownMethodError('shrinkage', String(o.shrinkage), ['auto', 'none', 'ledoit-wolf', 'a number in [0, 1]'], {
      details: { field: 'shrinkage' },
    });
  }
  const engine = options.engine ?? {};
  if (engine.method !== undefined && !(KNN_METHODS as readonly string[]).includes(engine.method)) {
    throw new UnknownMethodError('k-NN method', engine.method, KNN_METHODS, { details: { field: 'engine.method' } });
  }
  if (engine.workers !== undefined) checkInteger(engine.workers, 'engine.workers', { min: 1, max: 256 }, at);
  if (engine.parts !== undefined) checkInteger(engine.parts, 'engine.parts', { min: 1, max: 4096 }, at);
  return {
    k: o.k,
    kPerClass: o.kPerClass,
    rng: options.rng ?? createRng(0),
    standardize: o.standardize,
    jitter: o.jitter,
    dropConstantColumns: o.dropConstantColumns,
    shuffles: o.shuffles,
    subsamples: o.subsamples,
    subsampleFraction: o.subsampleFraction,
    level: o.level,
    engine,
    shrinkage: o.shrinkage,
    biasCorrection: o.biasCorrection,
    neural: options.neural ?? {},
    reporter: options.reporter ?? silentReporter,
  };
}

/** A copy without undefined fields, so spreading it over defaults keeps the defaults. */
export function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
