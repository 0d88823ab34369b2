/**
 * The `train` section: how every model of a cell is fitted (the trainers' TrainOptions). Early
 * stopping runs on the validation rows the experiment's split carves from the training rows.
 */
import { MONITORS, OPTIMIZER_NAMES } from '@cch-lab/trainers';
import type { TrainOptions } from '@cch-lab/trainers';
import { z } from 'zod';

export const trainSection = z
  .strictObject({
    epochs: z.number().int().min(1).max(100_000).default(50).describe('passes over the training rows'),
    batchSize: z.union([z.number().int().min(1), z.literal('full')]).default(32).describe("rows per step, or 'full'"),
    optimizer: z
      .strictObject({
        name: z.enum(OPTIMIZER_NAMES).default('adam'),
        learningRate: z.number().gt(0).max(10).optional().describe('default: the optimizer’s own (adam 1e-3, sgd 0.01)'),
        weightDecay: z.number().min(0).optional(),
        momentum: z.number().min(0).lt(1).optional(),
      })
      .prefault({}),
    earlyStopping: z
      .strictObject({
        patience: z.number().int().min(0).default(10),
        monitor: z.enum(MONITORS).default('val_loss'),
      })
      .nullable()
      .default(null)
      .describe('stop on the validation rows and restore the best weights; null: off'),
    classWeights: z.enum(['none', 'balanced']).default('none'),
  })
  .prefault({});
export type TrainSection = z.output<typeof trainSection>;

/** The trainers' options from the section (undefined fields left to the trainers' defaults). */
export function trainOptionsOf(section: TrainSection): TrainOptions {
  const { name, learningRate, weightDecay, momentum } = section.optimizer;
  return {
    epochs: section.epochs,
    batchSize: section.batchSize,
    optimizer: {
      name,
      ...(learningRate !== undefined ? { learningRate } : {}),
      ...(weightDecay !== undefined ? { weightDecay } : {}),
      ...(momentum !== undefined ? { momentum } : {}),
    },
    earlyStopping: section.earlyStopping === null ? null : { patience: section.earlyStopping.patience, monitor: section.earlyStopping.monitor },
    classWeights: section.classWeights,
  };
}
