/**
 * The toolkit sections a distillation cell reads, picked from an experiment's config in one place:
 * spread into `runDistillationCell`'s options, and returned by `cellConfig` so the cache key covers
 * exactly them.
 */
import type { DistillationCellOptions } from './distillation-cell.js';

export type DistillationSections = Pick<DistillationCellOptions, 'model' | 'train' | 'kd' | 'estimators' | 'decision'>;

export function distillationSections(config: DistillationSections): DistillationSections {
  const { model, train, kd, estimators, decision } = config;
  return { model, train, kd, estimators, decision };
}
