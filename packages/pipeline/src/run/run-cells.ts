/**
 * Runs the cells the cache did not have: in this thread one after another, or on worker threads
 * (`workers` > 1, compiled code, a registered experiment). Either way each cell draws from its own
 * stream (cell-request.ts), so the outputs are the same bits. After a failure no further cell
 * starts; cells already running finish (and are cached by `onDone`), then the first error is thrown.
 */
import { compiledWorkerScript, createWorkerPool, type Reporter } from '@cch-lab/core';
import { EXPERIMENTS } from '../experiments/index.js';
import { WORKER_TEST_EXPERIMENTS } from '../testing/index.js';
import type { AnyExperiment } from '../config/resolve-config.js';
import type { Cell, CellOutput } from '../types.js';
import { runCellWithOwnStream, type CellRequest } from './cell-request.js';

export interface RunCellsOptions {
  definition: AnyExperiment;
  config: unknown;
  seed: number;
  backend: string;
  /** Where generated data sets are cached. */
  dataCacheDir?: string;
  reporter: Reporter;
  /** Worker threads; 1 runs in this thread. */
  workers: number;
  /** Called as each cell starts (in this thread or handed to a worker). */
  onStart?: (index: number) => void;
  /** Called as each cell finishes, in completion order. */
  onDone: (index: number, output: CellOutput, seconds: number) => Promise<void>;
}

/** How many workers `runCells` will really use for this experiment, and why when fewer than asked. */
export function effectiveWorkers(experiment: string, requested: number, cells: number): { workers: number; note?: string } {
  const wanted = Math.max(1, Math.min(requested, cells));
  if (wanted <= 1) return { workers: 1 };
  if (cellWorkerScript() === undefined) return { workers: 1, note: 'running from TypeScript sources: cells run in this thread' };
  if (!(experiment in EXPERIMENTS) && !(experiment in WORKER_TEST_EXPERIMENTS)) {
    return { workers: 1, note: `experiment '${experiment}' is not registered, so workers cannot load it: cells run in this thread` };
  }
  return { workers: wanted };
}

/** Runs the cells and returns how many worker threads ran them (1: this thread). */
export async function runCells(cells: readonly { index: number; cell: Cell }[], options: RunCellsOptions): Promise<number> {
  const { workers, note } = effectiveWorkers(options.definition.name, options.workers, cells.length);
  if (note !== undefined && options.workers > 1) options.reporter.info(`${options.definition.name}: ${note}`);
  const request = (cell: Cell): CellRequest => ({
    experiment: options.definition.name,
    cell,
    config: options.config,
    seed: options.seed,
    backend: options.backend,
    ...(options.dataCacheDir !== undefined ? { dataCacheDir: options.dataCacheDir } : {}),
  });

  if (workers === 1) {
    for (const { index, cell } of cells) {
      options.onStart?.(index);
      const start = performance.now();
      const output = await runCellWithOwnStream(options.definition, request(cell), options.reporter);
      await options.onDone(index, output, (performance.now() - start) / 1000);
    }
    return 1;
  }

  const pool = createWorkerPool<CellRequest, CellOutput>(cellWorkerScript() as URL, workers);
  let next = 0;
  let failure: unknown;
  const lane = async (): Promise<void> => {
    while (failure === undefined && next < cells.length) {
      const { index, cell } = cells[next++];
      options.onStart?.(index);
      const start = performance.now();
      try {
        const output = await pool.run(request(cell));
        await options.onDone(index, output, (performance.now() - start) / 1000);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: workers }, lane));
  } finally {
    await pool.close();
  }
  if (failure !== undefined) throw failure;
  return workers;
}

function cellWorkerScript(): URL | undefined {
  return compiledWorkerScript('./cell-worker.js', import.meta.url);
}
