/**
 * Provenance carried, never typed: the data sources of a run are the union of what its cells'
 * datasets said they were, in the order real → embedded → simulated.
 */
import { DATA_SOURCES, type DataSource } from '@cch-lab/data';
import { InternalError } from '@cch-lab/core';
import type { CellRecord } from '../types.js';

/** The sources the cells reported. @throws InternalError when a cell reported none (an experiment bug). */
export function sourcesOf(records: readonly CellRecord[]): DataSource[] {
  const seen = new Set<DataSource>();
  for (const { cell, output } of records) {
    if (output.sources === undefined || output.sources.length === 0) throw new InternalError(`cell '${cell.id}' returned no data source`);
    for (const s of output.sources) seen.add(s);
  }
  return DATA_SOURCES.filter((s) => seen.has(s));
}

/** "Data: simulated." / "Data: real and simulated." — for captions. */
export function sourceSentence(sources: readonly DataSource[]): string {
  if (sources.length === 0) return '';
  const list = sources.length === 1 ? sources[0] : `${sources.slice(0, -1).join(', ')} and ${sources.at(-1)}`;
  return `Data: ${list}.`;
}
