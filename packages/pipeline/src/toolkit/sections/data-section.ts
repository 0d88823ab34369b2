/**
 * The `data` section every experiment's data settings build on: where the data come from. A `path`
 * means real data — a missing file is an error (exit 3) naming it, never a silent fallback to the
 * stand-in. Loaders add their own keys with `dataSection({...})`.
 */
import type { ConfigIssue } from '@cch-lab/core';
import { z } from 'zod';

export const DATA_SOURCE_CHOICES = ['auto', 'real', 'simulated'] as const;

export const dataSourceShape = {
  source: z
    .enum(DATA_SOURCE_CHOICES)
    .default('auto')
    .describe("'auto': real when `path` is given, else the embedded or simulated stand-in; 'real' requires `path`"),
  path: z.string().min(1).optional().describe('folder (or file) of the real data set'),
} as const;

/** A strict `data` section: the source keys plus the loader's own. */
export function dataSection<S extends z.ZodRawShape>(loaderShape: S) {
  return z.strictObject({ ...dataSourceShape, ...loaderShape });
}

/** Whether the section asks for real data. */
export function wantsRealData(section: { source: (typeof DATA_SOURCE_CHOICES)[number]; path?: string }): boolean {
  return section.path !== undefined || section.source === 'real';
}

export function dataRules(section: { source: (typeof DATA_SOURCE_CHOICES)[number]; path?: string }, path = 'data'): ConfigIssue[] {
  if (section.source === 'real' && section.path === undefined) return [{ path: `${path}.path`, message: "source 'real' needs a path to the data" }];
  if (section.source === 'simulated' && section.path !== undefined) return [{ path: `${path}.source`, message: "a path was given with source 'simulated'; drop one" }];
  return [];
}
