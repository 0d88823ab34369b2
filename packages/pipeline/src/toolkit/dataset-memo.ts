/**
 * A loaded dataset kept across the cells of one process (a worker runs many cells of a cohort):
 * keyed by what determines it — a fingerprint of its files, or its generator's parameters — so a
 * changed file is never served from memory. Small and bounded: the oldest entry goes first.
 */
import type { PairedDataset } from '@cch-lab/data';

const MAX_DATASETS = 4;
const loaded = new Map<string, PairedDataset>();

export function memoDataset(key: string, load: () => PairedDataset): PairedDataset {
  const known = loaded.get(key);
  if (known !== undefined) return known;
  const dataset = load();
  loaded.set(key, dataset);
  while (loaded.size > MAX_DATASETS) loaded.delete(loaded.keys().next().value as string);
  return dataset;
}
