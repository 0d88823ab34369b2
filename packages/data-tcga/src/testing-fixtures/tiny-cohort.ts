/** A small simulated cohort for fixtures: fast to write and read, every class present. */
import { createRng } from '@cch-lab/core';
import type { PairedDataset } from '@cch-lab/data';
import type { Omics, TcgaCohort } from '../types.js';
import { simulateTcgaCohort } from '../simulate/simulate-tcga-cohort.js';

export interface TinyCohortOptions {
  /** Default 'brca'. */
  cohort?: TcgaCohort;
  /** Default 40. */
  samples?: number;
  /** Default mrna 12, cnv 10, rppa 8. */
  features?: Partial<Record<Omics, number>>;
  /** Default 1. */
  seed?: number;
}

export function tinyCohort(options: TinyCohortOptions = {}): PairedDataset {
  return simulateTcgaCohort(
    { cohort: options.cohort ?? 'brca', samples: options.samples ?? 40, features: { mrna: 12, cnv: 10, rppa: 8, ...options.features } },
    createRng(options.seed ?? 1),
  );
}

/** `meta.featureNames[omics]` of a simulated or loaded dataset (column indices when absent). */
export function featureNamesOf(ds: PairedDataset, omics: string): string[] {
  const names = (ds.meta.featureNames as Record<string, string[]> | undefined)?.[omics];
  return names ?? Array.from({ length: ds.modalities[omics].cols }, (_, j) => `f${j + 1}`);
}

/** `meta.sampleIds` of a simulated or loaded dataset (`S<i>` when absent). */
export function sampleIdsOf(ds: PairedDataset): string[] {
  const ids = ds.meta.sampleIds as string[] | undefined;
  return ids ?? Array.from({ length: ds.labels.length }, (_, i) => `S${i + 1}`);
}
