/**
 * The content-addressed cell cache: one JSON file per finished cell under
 * `<reports>/.cache/<experiment>/<key>.json`, written atomically. The key hashes everything the
 * cell's numbers depend on, so a rerun skips exactly the cells whose inputs did not change.
 *
 * Writes are idempotent (two runs computing one cell write the same bytes but `seconds`, and the
 * atomic rename lets the last one win), so concurrent runs never corrupt the cache. `put` returns
 * the output as a later `get` will read it (JSON: NaN becomes null, typed arrays plain arrays):
 * the run summarises that form for fresh cells as well, so a resumed run and an uninterrupted one
 * summarise the very same values.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contentHash } from '@cch-lab/core';
import { jsonReplacer, writeTextAtomic } from '@cch-lab/data';
import type { Cell, CellOutput } from '../types.js';

export interface CellKeyParts {
  experiment: string;
  experimentVersion: number;
  codeVersion: string;
  seed: number;
  backend: string;
  cell: Cell;
  /** The config values the cell's run reads (ExperimentDefinition.cellConfig). */
  config?: unknown;
  /** Fingerprints of the data files the cell reads, by path. */
  data?: Record<string, string>;
}

/** The cache key of a cell: a hash of its id, stream, params, the config it reads, its data files' fingerprints, seed, backend and the code versions. */
export function cellKey(parts: CellKeyParts): string {
  return contentHash(
    {
      experiment: parts.experiment,
      experimentVersion: parts.experimentVersion,
      codeVersion: parts.codeVersion,
      seed: parts.seed,
      backend: parts.backend,
      id: parts.cell.id,
      params: parts.cell.params,
      stream: parts.cell.stream,
      config: parts.config,
      data: parts.data,
    },
    24,
  );
}

interface CachedCell {
  key: string;
  id: string;
  seconds: number;
  output: CellOutput;
}

export class CellCache {
  constructor(private readonly dir: string) {}

  /** The cached output, or undefined when absent or unreadable (a torn file is just a miss). */
  get(key: string): { output: CellOutput; seconds: number } | undefined {
    try {
      const entry = JSON.parse(readFileSync(this.file(key), 'utf8')) as CachedCell;
      if (entry.key !== key || !Array.isArray(entry.output?.rows)) return undefined;
      return { output: entry.output, seconds: entry.seconds };
    } catch {
      return undefined;
    }
  }

  /** Stores a finished cell; returns its output as `get` will read it back. */
  put(key: string, id: string, output: CellOutput, seconds: number): CellOutput {
    const entry: CachedCell = { key, id, seconds, output };
    const text = JSON.stringify(entry, jsonReplacer, 2);
    writeTextAtomic(this.file(key), `${text}\n`);
    return (JSON.parse(text) as CachedCell).output;
  }

  private file(key: string): string {
    return path.join(this.dir, `${key}.json`);
  }
}
