/**
 * The `kd` section: the λ and T grids a cell trains one KD student for each pair of, and the loss
 * form. The Hinton form (1 − λ)·CE + λ·T²·KL needs λ ≤ 1 (a rule checks it with the key's line).
 */
import type { ConfigIssue } from '@cch-lab/core';
import { KD_FORMS } from '@cch-lab/trainers';
import type { KdOptions } from '@cch-lab/trainers';
import { z } from 'zod';

export const kdSection = z
  .strictObject({
    lambda: z.array(z.number().min(0)).min(1).default([0.5]).describe('weights λ of the distillation term'),
    temperature: z.array(z.number().gt(0).max(1000)).min(1).default([2]).describe('softmax temperatures T (classification)'),
    form: z.enum(KD_FORMS).default('hinton').describe("'hinton': (1−λ)·CE + λ·T²·KL (the paper); 'theorem': CE + λ·T²·KL"),
  })
  .prefault({});
export type KdSection = z.output<typeof kdSection>;

/** Every (λ, T) of the grid, λ outer, as the trainers' KD options. */
export function kdSettings(section: KdSection): Required<KdOptions>[] {
  return section.lambda.flatMap((lambda) => section.temperature.map((temperature) => ({ lambda, temperature, form: section.form })));
}

export function kdRules(section: KdSection, path = 'kd'): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (section.form === 'hinton' && section.lambda.some((l) => l > 1)) {
    issues.push({ path: `${path}.lambda`, message: "the 'hinton' form needs every λ ≤ 1; use form: theorem for larger weights" });
  }
  for (const key of ['lambda', 'temperature'] as const) {
    if (new Set(section[key]).size !== section[key].length) issues.push({ path: `${path}.${key}`, message: 'lists a value twice' });
  }
  return issues;
}
