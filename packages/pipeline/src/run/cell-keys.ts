/**
 * The cache key of each cell of a resolved config, computed the same way by a local run, a queue
 * coordinator and a queue worker (which recomputes it on its own machine, so a worker whose code,
 * config reading or data differ never returns numbers under another run's key).
 */
import { backendNumerics } from '@cch-lab/core';
import { fingerprintFiles } from '@cch-lab/data';
import type { AnyExperiment } from '../config/resolve-config.js';
import type { Cell } from '../types.js';
import { cellKey } from './cell-cache.js';
import { codeVersion } from './code-version.js';

export interface KeyedCell {
  key: string;
  /** Fingerprints of the data files the cell reads, by path (absent when it reads none). */
  data?: Record<string, string>;
}

/**
 * @throws DataNotFoundError naming a data file the cell reads that is missing here.
 */
export function keyCell(definition: AnyExperiment, config: Record<string, unknown> | object, cell: Cell, backend: string): KeyedCell {
  const data = definition.dataFiles ? fingerprintFiles(definition.dataFiles(cell, config)) : undefined;
  const key = cellKey({
    experiment: definition.name,
    experimentVersion: definition.version,
    codeVersion: codeVersion(),
    seed: (config as { seed: number }).seed,
    // `node+oneDNN` when TensorFlow's oneDNN kernels are on: their numbers differ in the last bits.
    backend: backendNumerics(backend),
    cell,
    config: cellConfigOf(definition, config),
    data,
  });
  return data !== undefined ? { key, data } : { key };
}

/** What the cells read of the config: the experiment's `cellConfig`, or all but the keys that only name or label the run. */
export function cellConfigOf(definition: AnyExperiment, config: Record<string, unknown> | object): unknown {
  if (definition.cellConfig) return definition.cellConfig(config);
  const { title: _title, profile: _profile, profiles: _profiles, ...rest } = config as Record<string, unknown>;
  return rest;
}
