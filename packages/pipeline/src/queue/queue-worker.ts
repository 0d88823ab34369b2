/**
 * `cch worker`: takes cells from the queue of its own code version and backend and runs each on a
 * worker thread, so the event loop stays free for BullMQ's lock renewal however long a cell takes.
 * A worker killed mid-cell stops renewing its lock; after `lockMs` another worker's stalled check
 * (every `stalledMs`) puts the job back, up to `maxStalled` times before it fails. A cell that
 * throws fails its job with 'ECODE: message', which the coordinator reads back into the same exit
 * code a local run would give.
 */
import path from 'node:path';
import { compiledWorkerScript, createWorkerPool, isCchError, type Reporter, type WorkerPool } from '@cch-lab/core';
import { jsonReplacer } from '@cch-lab/data';
import type { Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { EXPERIMENTS } from '../experiments/index.js';
import type { ExperimentRegistry } from '../config/resolve-config.js';
import type { CellOutput } from '../types.js';
import { runCellWithOwnStream, type CellRequest } from '../run/cell-request.js';
import { codeVersion } from '../run/code-version.js';
import { checkCellJob, type CellJobData, type CellJobResult } from './cell-job.js';
import { QUEUE_PREFIX, queueName } from './queue-names.js';
import { thisProcessName } from './queue-run-cells.js';
import { openRedis, probeRedis } from './redis-connection.js';
import type { QueueUrl } from './queue-url.js';

/** Defaults for cells that take minutes: the lock is renewed every lockMs/2 from a free event loop. */
export const WORKER_DEFAULTS = Object.freeze({ lockMs: 30_000, stalledMs: 15_000, maxStalled: 3 });

export interface QueueWorkerOptions {
  url: QueueUrl;
  backend: string;
  /** Cells run at once (worker threads). */
  concurrency: number;
  /** This machine's reports folder: generated data sets are cached under <reports>/.cache/data. */
  reportsDir: string;
  reporter: Reporter;
  lockMs?: number;
  stalledMs?: number;
  maxStalled?: number;
  /** Default: every registered experiment. */
  experiments?: ExperimentRegistry;
  connectTimeoutMs?: number;
}

export interface QueueWorkerHandle {
  queue: string;
  name: string;
  /** Lock and stalled-check settings in use. */
  settings: { lockMs: number; stalledMs: number; maxStalled: number; concurrency: number; threads: boolean };
  /** Cells finished and failed so far. */
  counts(): { done: number; failed: number };
  /** Stops taking jobs; waits for running cells unless `force`. */
  close(force?: boolean): Promise<void>;
}

export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorkerHandle> {
  await probeRedis(options.url, options.connectTimeoutMs);
  const { Worker: WorkerClass } = await import('bullmq');
  const experiments = options.experiments ?? EXPERIMENTS;
  const queue = queueName(codeVersion(), options.backend);
  const name = thisProcessName();
  const settings = {
    lockMs: options.lockMs ?? WORKER_DEFAULTS.lockMs,
    stalledMs: options.stalledMs ?? WORKER_DEFAULTS.stalledMs,
    maxStalled: options.maxStalled ?? WORKER_DEFAULTS.maxStalled,
    concurrency: options.concurrency,
    threads: false,
  };
  const script = compiledWorkerScript('../run/cell-worker.js', import.meta.url);
  const pool: WorkerPool<CellRequest, CellOutput> | undefined = script !== undefined ? createWorkerPool(script, options.concurrency) : undefined;
  settings.threads = pool !== undefined;
  if (pool === undefined) options.reporter.warn('running from TypeScript sources: cells run on the event loop (keep cells shorter than the lock)');
  const dataCacheDir = path.join(options.reportsDir, '.cache', 'data');
  if (pool !== undefined) {
    // Every thread loads its modules and the backend now, not during its first cell (whose lock is already running).
    const warmup: CellRequest = { experiment: '', cell: { id: 'warmup', params: null }, config: null, seed: 0, backend: options.backend, warmup: true };
    await Promise.all(Array.from({ length: options.concurrency }, () => pool.run(warmup)));
  }
  let done = 0;
  let failed = 0;

  const processor = async (job: Job<CellJobData, CellJobResult>): Promise<CellJobResult> => {
    const start = performance.now();
    try {
      const { definition, config } = checkCellJob(job.data, { codeVersion: codeVersion(), backend: options.backend, experiments });
      const request: CellRequest = { experiment: definition.name, cell: job.data.cell, config, seed: job.data.seed, backend: options.backend, dataCacheDir };
      const output = pool !== undefined ? await pool.run(request) : await runCellWithOwnStream(definition, request, options.reporter);
      // Sent as JSON either way: return the JSON form, as the cell cache stores it (NaN → null, typed arrays → arrays).
      const json = JSON.parse(JSON.stringify(output, jsonReplacer)) as CellOutput;
      return { key: job.data.key, output: json, seconds: (performance.now() - start) / 1000, worker: name };
    } catch (error) {
      throw new Error(isCchError(error) ? `${error.code}: ${error.message}` : `EINTERNAL: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const connection: Redis = await openRedis(options.url, { reporter: options.reporter });
  const worker: Worker<CellJobData, CellJobResult> = new WorkerClass(queue, processor, {
    connection,
    prefix: QUEUE_PREFIX,
    concurrency: options.concurrency,
    lockDuration: settings.lockMs,
    stalledInterval: settings.stalledMs,
    maxStalledCount: settings.maxStalled,
    name,
  });
  worker.on('error', () => undefined); // connection errors are reported once above
  worker.on('completed', (job, result) => {
    done++;
    options.reporter.info(`${job.data.experiment} ${job.data.cell.id}: done in ${result.seconds.toFixed(1)} s (${done} done, ${failed} failed)`);
  });
  worker.on('failed', (job, error) => {
    failed++;
    options.reporter.warn(`${job?.data.experiment ?? '?'} ${job?.data.cell.id ?? job?.id ?? '?'}: failed: ${error.message}`);
  });
  worker.on('stalled', (jobId) => options.reporter.warn(`job ${jobId} lost its worker (no lock renewal for ${settings.lockMs / 1000} s): queued again`));
  await worker.waitUntilReady();
  return {
    queue,
    name,
    settings,
    counts: () => ({ done, failed }),
    async close(force = false) {
      await worker.close(force);
      await pool?.close();
      connection.disconnect();
    },
  };
}
