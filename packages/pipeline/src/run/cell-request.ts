/**
 * Running one cell, the same way in this thread and in a worker: the stream comes from the config
 * seed and the cell's stream key (its id unless the sweep shares draws across a level) alone, so the numbers do not depend on where, in what order or on how many
 * workers the cells ran.
 */
import { Rng, activeTfBackend, type Reporter } from '@cch-lab/core';
import type { AnyExperiment } from '../config/resolve-config.js';
import type { Cell, CellOutput } from '../types.js';

/** What a worker needs to run one cell (structured-clone safe). */
export interface CellRequest {
  experiment: string;
  cell: Cell;
  config: unknown;
  seed: number;
  backend: string;
  dataCacheDir?: string;
  /** Load the modules and the backend only (cell-worker.ts); the cell is not run. */
  warmup?: boolean;
}

export async function runCellWithOwnStream(
  definition: AnyExperiment,
  request: CellRequest,
  reporter: Reporter,
): Promise<CellOutput> {
  await prepareActiveBackend();
  return definition.runCell(request.cell, request.config, {
    rng: new Rng(request.seed).derive(request.cell.stream ?? request.cell.id),
    reporter,
    backend: request.backend,
    ...(request.dataCacheDir !== undefined ? { dataCacheDir: request.dataCacheDir } : {}),
  });
}

/**
 * Registers the trainers' wasm kernels before any cell runs, not only when a cell first trains:
 * they change low bits of every product on wasm (the neural estimators' too), so a cell's numbers
 * must not depend on whether an earlier cell in the same thread happened to train. Idempotent;
 * trainers (and tfjs) are loaded only when the wasm backend is already active.
 */
async function prepareActiveBackend(): Promise<void> {
  if (activeTfBackend() !== 'wasm') return;
  const { prepareTrainingBackend } = await import('@cch-lab/trainers');
  prepareTrainingBackend();
}
