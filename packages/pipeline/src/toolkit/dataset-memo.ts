/**
 * A loaded dataset kept across the cells of one process (a worker runs many cells of a cohort):
 * keyed by what determines it — a fingerprint of its files, or its generator's parameters — so a
 * changed file is never served from memory. Small and bounded: the oldest entry goes first.
 */
import type { PairedDataset } from '@cch-lab/data';

const MAX_DATASETS = 4;
const loaded = new Map<string, PairedDataset | Promise<PairedDataset>>();

function remember<T extends PairedDataset | Promise<PairedDataset>>(key: string, value: T): T {
  loaded.set(key, value);
  while (loaded.size > MAX_DATASETS) loaded.delete(loaded.keys().next().value as string);
  return value;
}

export function memoDataset(key: string, load: () => PairedDataset): PairedDataset {
  const known = loaded.get(key);
  if (known !== undefined && !(known instanceof Promise)) return known;
  return remember(key, load());
}

/** memoDataset for loaders that decode files asynchronously; a failed load is forgotten. */
export function memoDatasetAsync(key: string, load: () => Promise<PairedDataset>): Promise<PairedDataset> {
  const known = loaded.get(key);
  if (known !== undefined) return Promise.resolve(known);
  const pending = load().catch((error: unknown) => {
    loaded.delete(key);
    throw error;
  });
  return remember(key, pending);
}
