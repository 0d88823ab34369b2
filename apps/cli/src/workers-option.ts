/** `--workers N|auto`: worker threads for the sweep cells (results do not depend on the count). */
import os from 'node:os';
import { UsageError } from '@cch-lab/core';

export const WORKERS_HELP = 'worker threads for the uncached sweep cells: a number or auto (one per core); the numbers do not depend on it';

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
