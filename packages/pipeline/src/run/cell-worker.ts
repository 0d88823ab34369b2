/**
 * The cell worker: runs sweep cells of registered experiments sent by run-experiment.ts. Loaded
 * only from the compiled dist (worker_threads cannot load TypeScript). It activates the same
 * tensor backend as the parent before its first cell.
 */
import { InternalError, chooseBackend, serveWorkerRequests, silentReporter } from '@cch-lab/core';
import { EXPERIMENTS } from '../experiments/index.js';
import { WORKER_TEST_EXPERIMENTS } from '../testing/index.js';
import type { AnyExperiment } from '../config/resolve-config.js';
import type { CellOutput } from '../types.js';
import { runCellWithOwnStream, type CellRequest } from './cell-request.js';

const registry: Record<string, AnyExperiment | undefined> = {
  ...WORKER_TEST_EXPERIMENTS,
  ...EXPERIMENTS,
};
let backend: Promise<unknown> | undefined;

serveWorkerRequests<CellRequest, CellOutput>(async (request) => {
  backend ??= chooseBackend({ requested: request.backend, env: {} });
  await backend;
  // A queue worker warms each thread before it says it serves the queue: modules and backend loaded, no cell run.
  if (request.warmup === true) return { rows: [] };
  const definition = registry[request.experiment];
  if (definition === undefined) throw new InternalError(`the cell worker knows no experiment '${request.experiment}'`);
  return runCellWithOwnStream(definition, request, silentReporter);
});
