/**
 * The k-NN engine's worker threads: core's queue-fed pool, created on first use and kept for the
 * process (idle workers never keep it alive). Parts are handed out one per free worker.
 *
 * worker_threads can only load JavaScript: the worker is resolved as `./worker.js` next to this
 * module. Under jest (TypeScript sources) that file does not exist and `workerScript()` returns
 * undefined — callers then run the same parts in this thread.
 */
import { compiledWorkerScript, createWorkerPool, type WorkerPool } from '@cch-lab/core';
import type { KnnJob, KnnJobResult } from './knn-job.js';

let pool: WorkerPool<KnnJob, KnnJobResult> | undefined;

/** The compiled worker's URL, or undefined when running from TypeScript sources. */
export function workerScript(): URL | undefined {
  return compiledWorkerScript('./worker.js', import.meta.url);
}

/** Runs the jobs on up to `size` workers (one job per worker at a time); resolves in job order. */
export async function runOnWorkers(jobs: KnnJob[], size: number): Promise<KnnJobResult[]> {
  const script = workerScript();
  if (script === undefined) throw new Error('k-NN worker script not found (running from sources)');
  if (pool === undefined || pool.size < size) {
    await pool?.close();
    pool = createWorkerPool<KnnJob, KnnJobResult>(script, size);
  }
  const running = pool;
  return Promise.all(jobs.map((job) => running.run(job)));
}

/** Terminates the pool's workers (optional: idle workers never keep the process alive). */
export async function closeKnnWorkers(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.close();
}
