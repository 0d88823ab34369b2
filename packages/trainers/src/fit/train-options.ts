/** Options of one training run, their frozen defaults, and the check that resolves them. */
import { InvalidInputError, UnknownMethodError, checkInteger, checkNumber } from '@cch-lab/core';
import { resolveOptimizerOptions, type OptimizerOptions, type ResolvedOptimizerOptions } from '../optimizers.js';
import { resolveSchedule, type ScheduleOptions } from '../schedules.js';

export const MONITORS = ['val_loss', 'val_accuracy'] as const;
export type Monitor = (typeof MONITORS)[number];

export interface EarlyStoppingOptions {
  /** Epochs without improvement before stopping (0 stops at the first one, like 1). */
  patience: number;
  /** What must improve: 'val_loss' (down) or 'val_accuracy' (up, classification). Default 'val_loss'. */
  monitor?: Monitor;
  /** Smallest change that counts as an improvement. Default 0. */
  minDelta?: number;
  /** Put the best epoch's weights back at the end. Default true. */
  restoreBestWeights?: boolean;
}

/** 'balanced' weighs class c by n / (C·n_c) (sklearn's rule); an array gives one weight per class. */
export type ClassWeightsOption = 'none' | 'balanced' | number[];

export interface TrainOptions {
  /** Passes over the training split. Default 20. */
  epochs?: number;
  /** Rows per step; 'full' (or any size ≥ the training rows) is full-batch gradient descent. Default 128. */
  batchSize?: number | 'full';
  /** Default { name: 'adam' } with that optimizer's defaults (see OptimizerOptions). */
  optimizer?: OptimizerOptions;
  /** Per-epoch learning-rate schedule. Default { name: 'constant' }. */
  schedule?: ScheduleOptions;
  /** Early stopping on the validation split, restoring the best weights. Default null (off). */
  earlyStopping?: EarlyStoppingOptions | null;
  /** Class weights for imbalanced labels (classification). Default 'none'. */
  classWeights?: ClassWeightsOption;
  /** Rows per forward pass when evaluating and extracting representations. Default 1024. */
  evalBatchSize?: number;
}

export interface ResolvedTrainOptions {
  epochs: number;
  batchSize: number | 'full';
  optimizer: ResolvedOptimizerOptions;
  schedule: ScheduleOptions;
  earlyStopping: Required<EarlyStoppingOptions> | null;
  classWeights: ClassWeightsOption;
  evalBatchSize: number;
}

export const TRAIN_DEFAULTS = Object.freeze({
  epochs: 20,
  batchSize: 128 as number | 'full',
  optimizer: Object.freeze({ name: 'adam' }) as OptimizerOptions,
  schedule: Object.freeze({ name: 'constant' }) as ScheduleOptions,
  earlyStopping: null as EarlyStoppingOptions | null,
  classWeights: 'none' as ClassWeightsOption,
  evalBatchSize: 1024,
});

const EARLY_STOPPING_DEFAULTS = Object.freeze({ monitor: 'val_loss' as Monitor, minDelta: 0, restoreBestWeights: true });

/** Fills in defaults and checks every field. @throws InvalidInputError / UnknownMethodError naming the field. */
export function resolveTrainOptions(options: TrainOptions = {}, field = 'train'): ResolvedTrainOptions {
  const o = { ...TRAIN_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  checkInteger(o.epochs, `${field}.epochs`, { min: 1, max: 1_000_000 });
  if (o.batchSize !== 'full') checkInteger(o.batchSize, `${field}.batchSize`, { min: 1 });
  checkInteger(o.evalBatchSize, `${field}.evalBatchSize`, { min: 1 });
  let earlyStopping: Required<EarlyStoppingOptions> | null = null;
  if (o.earlyStopping !== null) {
    const e = { ...EARLY_STOPPING_DEFAULTS, ...o.earlyStopping };
    checkInteger(e.patience, `${field}.earlyStopping.patience`, { min: 0 });
    if (!(MONITORS as readonly string[]).includes(e.monitor)) {
      throw new UnknownMethodError('early-stopping monitor', String(e.monitor), MONITORS, { details: { field: `${field}.earlyStopping.monitor` } });
    }
    checkNumber(e.minDelta, `${field}.earlyStopping.minDelta`, { min: 0 });
    earlyStopping = e;
  }
  const cw = o.classWeights;
  if (cw !== 'none' && cw !== 'balanced') {
    if (!Array.isArray(cw)) {
      throw new InvalidInputError("must be 'none', 'balanced' or one weight per class", {
        details: { field: `${field}.classWeights`, received: String(cw) },
      });
    }
    cw.forEach((w, i) => checkNumber(w, `${field}.classWeights[${i}]`, { min: 0 }));
  }
  return {
    epochs: o.epochs,
    batchSize: o.batchSize,
    optimizer: resolveOptimizerOptions(o.optimizer, `${field}.optimizer`),
    schedule: resolveSchedule(o.schedule, `${field}.schedule`),
    earlyStopping,
    classWeights: Array.isArray(cw) ? [...cw] : cw,
    evalBatchSize: o.evalBatchSize,
  };
}
