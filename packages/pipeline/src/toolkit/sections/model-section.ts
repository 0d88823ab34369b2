/**
 * The `model` section: one architecture for teacher and students (the paper keeps them equal).
 * Its output type is the trainers' ModelSpec with every default filled in, so a cell passes it on
 * unchanged.
 */
import { ACTIVATIONS } from '@cch-lab/trainers';
import { z } from 'zod';

const width = z.number().int().min(1).max(65_536);
const rate = z.number().min(0).lt(1);

const linearModel = z.strictObject({
  kind: z.literal('linear'),
  bias: z.boolean().default(true).describe('learn an intercept'),
});

const mlpModel = z.strictObject({
  kind: z.literal('mlp'),
  hidden: z.array(width).min(1).default([64]).describe('hidden widths, input side first'),
  activation: z.enum(ACTIVATIONS).default('relu').describe('hidden nonlinearity'),
  dropout: rate.default(0).describe('dropout after each hidden activation'),
  batchNorm: z.boolean().default(false).describe('batch normalisation before each hidden activation'),
});

const cnnModel = z.strictObject({
  kind: z.literal('cnn'),
  filters: z.array(width).min(1).default([8, 16]).describe('filters of each conv block'),
  kernelSize: z.number().int().min(1).max(15).default(3),
  poolSize: z.number().int().min(1).max(8).default(2),
  padding: z.enum(['same', 'valid']).default('same'),
  dense: z.array(width).default([]).describe('hidden dense widths after the flatten'),
  activation: z.enum(ACTIVATIONS).default('relu'),
  dropout: rate.default(0),
  batchNorm: z.boolean().default(false),
});

/** `model:` — `{ kind: linear | mlp | cnn, … }`; defaults to an MLP with one hidden layer of 64. */
export const modelSection = z.discriminatedUnion('kind', [linearModel, mlpModel, cnnModel]).prefault({ kind: 'mlp' });
export type ModelSection = z.output<typeof modelSection>;
