/**
 * Zod pieces every experiment schema is built from: the base keys (experiment, title, profile,
 * seed, repeats, profiles) and small helpers. Experiment schemas are strict objects, so an
 * unknown or misspelt key is an error that names the key.
 */
import { z } from 'zod';
import { PROFILES } from '../types.js';

export const profileSchema = z.enum(PROFILES).describe('smoke: seconds, for CI; quick: minutes; paper: the paper\'s sizes');

/** The base keys, spread into each experiment's `z.strictObject({...})`. */
export const baseConfigShape = {
  experiment: z.string().min(1).describe('The registered experiment name'),
  title: z.string().optional().describe("A title for the report; default: the experiment's own"),
  profile: profileSchema.default('quick'),
  seed: z.number().int().nonnegative().default(20251015).describe('Root seed; each cell derives its own stream from it'),
  repeats: z.number().int().positive().default(1).describe('Independent repeats per setting'),
  // Profile overlays are validated after merging, as part of the whole config.
  profiles: z.partialRecord(profileSchema, z.record(z.string(), z.unknown())).optional().describe('Overrides per profile'),
} as const;

/** A non-empty list of numbers in [min, max]. */
export function numberList(min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY) {
  return z.array(z.number().min(min).max(max)).min(1);
}
