/**
 * `--workers`: worker threads. For the sweep cells (`cch run`, `cch reproduce`) a number or auto,
 * and the results do not depend on the count; for the k-NN engine (`cch mi`, `cch criterion`,
 * `cch bench knn`) a number, or the engine's default when absent.
 */
import os from 'node:os';
import { UsageError } from '@cch-lab/core';
import { parseIntegerOption } from './integers.js';

/** Sweep workers: 'auto' or absent → one per core; otherwise a whole number in [1, 256]. */
export function parseWorkers(value: string | number | undefined): number {
  if (value === undefined || value === 'auto') return Math.max(1, os.availableParallelism());
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw new UsageError(`--workers must be a whole number from 1 to 256 or 'auto', got '${value}'`, {
      details: { field: '--workers', received: String(value) },
    });
  }
  return n;
}

/** k-NN engine workers: undefined (the engine's default) or an integer in [1, 256]. */
export function parseEngineWorkers(value: string | number | undefined, where: string): number | undefined {
  return value === undefined ? undefined : parseIntegerOption(value, '--workers', { min: 1, max: 256 }, where);
}
