/**
 * The coordinator's side of a queued run: the uncached cells become BullMQ jobs (job id = cache
 * key) on the queue of this code and backend; the coordinator waits for them, hands each output
 * to `onDone` (which caches it) as it arrives, and throws after the last one if any failed.
 *
 * It attaches instead of duplicating: a job already there (queued, running, or finished by an
 * earlier coordinator) is waited for or collected; a failed one from an earlier run is retried;
 * one that vanished (Redis restarted without persistence) is queued again — the same id, so that
 * is idempotent. Events wake the wait early; a sweep of every outstanding job's state every
 * `sweepMs` catches what events miss (a reconnect drops them).
 */
import os from 'node:os';
import { CchError, ERROR_CODES, type ErrorCode, type Reporter } from '@cch-lab/core';
import type { Job, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AnyExperiment } from '../config/resolve-config.js';
import type { Cell, CellOutput } from '../types.js';
import { codeVersion } from '../run/code-version.js';
import { CELL_JOB_FORMAT, type CellJobData, type CellJobResult } from './cell-job.js';
import { QUEUE_PREFIX, jobIdOf, queueName } from './queue-names.js';
import { openRedis, probeRedis } from './redis-connection.js';
import type { QueueUrl } from './queue-url.js';

/** Finished jobs stay this long (for other coordinators to collect), then BullMQ drops them. */
export const KEEP_FINISHED_SECONDS = 7 * 24 * 3600;
const SWEEP_MS = 2_000;

export interface QueueRunOptions {
  url: QueueUrl;
  /** How long the first connection may take (default 5 s). */
  connectTimeoutMs?: number;
  /** Full state sweep interval (default 2 s). */
  sweepMs?: number;
}

export interface QueueRunCellsOptions extends QueueRunOptions {
  definition: AnyExperiment;
  config: Record<string, unknown>;
  configFile: string;
  backend: string;
  /** Each cell's key and data fingerprints, by index (the run's `keyCell`). */
  keyed: readonly { key: string; data?: Record<string, string> }[];
  reporter: Reporter;
  onStart?: (index: number, worker?: string) => void;
  onDone: (index: number, output: CellOutput, seconds: number, worker: string) => Promise<void>;
}

export interface QueueRunOutcome {
  /** Cells each worker ran, by 'host:pid'. */
  byWorker: Record<string, number>;
  queue: string;
}

interface Failure {
  cell: string;
  code: ErrorCode | 'EREMOTE';
  message: string;
  worker?: string;
}

export async function runCellsOnQueue(cells: readonly { index: number; cell: Cell }[], options: QueueRunCellsOptions): Promise<QueueRunOutcome> {
  const name = queueName(codeVersion(), options.backend);
  const byWorker: Record<string, number> = {};
  if (cells.length === 0) return { byWorker, queue: name };
  await probeRedis(options.url, options.connectTimeoutMs);
  const { Queue, QueueEvents, Job: JobClass } = await import('bullmq');
  const connections: Redis[] = [];
  const connect = async (): Promise<Redis> => {
    const c = await openRedis(options.url, { reporter: options.reporter, lostNote: ' (the run goes on when Redis is back)' });
    connections.push(c);
    return c;
  };
  const queue: Queue<CellJobData, CellJobResult> = new Queue(name, { connection: await connect(), prefix: QUEUE_PREFIX });
  const events: QueueEvents = new QueueEvents(name, { connection: await connect(), prefix: QUEUE_PREFIX });
  queue.on('error', () => undefined); // reported once per connection above
  events.on('error', () => undefined);

  const byJobId = new Map<string, { index: number; cell: Cell }>();
  for (const c of cells) byJobId.set(jobIdOf(options.keyed[c.index].key), c);
  const outstanding = new Set(byJobId.keys());
  const started = new Set<string>();
  const failures: Failure[] = [];
  let wake: (() => void) | undefined;
  const hinted = new Set<string>();
  const nudge = (jobId: string): void => {
    if (!outstanding.has(jobId)) return;
    hinted.add(jobId);
    wake?.();
  };
  events.on('completed', ({ jobId }) => nudge(jobId));
  events.on('failed', ({ jobId }) => nudge(jobId));
  events.on('active', ({ jobId }) => {
    const c = byJobId.get(jobId);
    if (c !== undefined && outstanding.has(jobId) && !started.has(jobId)) {
      started.add(jobId);
      options.onStart?.(c.index);
    }
  });

  const jobData = (index: number, cell: Cell): CellJobData => {
    const keyed = options.keyed[index];
    return {
      format: CELL_JOB_FORMAT,
      experiment: options.definition.name,
      configFile: options.configFile,
      cell,
      config: options.config,
      seed: options.config.seed as number,
      backend: options.backend,
      codeVersion: codeVersion(),
      key: keyed.key,
      ...(keyed.data !== undefined ? { data: keyed.data } : {}),
    };
  };
  const enqueue = async (jobIds: string[]): Promise<void> => {
    if (jobIds.length === 0) return;
    await queue.addBulk(
      jobIds.map((jobId) => {
        const { index, cell } = byJobId.get(jobId) as { index: number; cell: Cell };
        return {
          name: options.definition.name,
          data: jobData(index, cell),
          // A thrown cell fails at once (it would throw again); a worker that dies is the stalled check's (maxStalledCount).
          opts: { jobId, attempts: 1, removeOnComplete: { age: KEEP_FINISHED_SECONDS }, removeOnFail: { age: KEEP_FINISHED_SECONDS } },
        };
      }),
    );
  };

  /** Looks at one job; returns true when it is finished (collected or failed). */
  const settle = async (jobId: string, firstLook: boolean): Promise<'pending' | 'missing' | 'finished'> => {
    const state = await queue.getJobState(jobId);
    if (state === 'unknown') return 'missing';
    if (state !== 'completed' && state !== 'failed') return 'pending';
    const job: Job<CellJobData, CellJobResult> | undefined = await JobClass.fromId(queue, jobId);
    if (job === undefined) return 'missing';
    const { index, cell } = byJobId.get(jobId) as { index: number; cell: Cell };
    if (state === 'failed') {
      // A failure left by an earlier run is retried (a rerun retries only the failed cells); one of this run is final.
      if (firstLook) {
        await job.retry('failed');
        return 'pending';
      }
      failures.push({ cell: cell.id, ...parseFailure(job.failedReason ?? 'failed without a reason'), ...(job.processedBy !== undefined ? { worker: job.processedBy } : {}) });
      return 'finished';
    }
    const result = job.returnvalue;
    if (result === null || result === undefined || result.key !== options.keyed[index].key || !Array.isArray(result.output?.rows)) {
      failures.push({ cell: cell.id, code: 'EREMOTE', message: `the job's result is not a cell output for key ${options.keyed[index].key}` });
      return 'finished';
    }
    if (!started.has(jobId)) options.onStart?.(index, result.worker);
    byWorker[result.worker] = (byWorker[result.worker] ?? 0) + 1;
    await options.onDone(index, result.output, result.seconds, result.worker);
    return 'finished';
  };

  const sweep = async (jobIds: readonly string[], firstLook: boolean): Promise<void> => {
    const missing: string[] = [];
    for (const jobId of jobIds) {
      const state = await settle(jobId, firstLook);
      if (state === 'finished') outstanding.delete(jobId);
      else if (state === 'missing') missing.push(jobId);
    }
    if (missing.length > 0 && !firstLook) options.reporter.warn(`${missing.length} queued cells vanished from Redis (restarted without persistence?); queued again`);
    await enqueue(missing);
  };

  try {
    await events.waitUntilReady();
    options.reporter.info(`queue ${name} at ${options.url.display}: ${cells.length} cells (start workers with: cch worker --queue ${options.url.display})`);
    await sweep([...outstanding], true);
    let lastSweep = Date.now();
    const sweepMs = options.sweepMs ?? SWEEP_MS;
    while (outstanding.size > 0) {
      await new Promise<void>((resolve) => {
        if (hinted.size > 0) return resolve();
        const timer = setTimeout(resolve, sweepMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
      const full = Date.now() - lastSweep >= sweepMs;
      const ids = full ? [...outstanding] : [...hinted].filter((id) => outstanding.has(id));
      hinted.clear();
      if (full) lastSweep = Date.now();
      await sweep(ids, false);
    }
  } finally {
    await Promise.allSettled([events.close(), queue.close()]);
    for (const c of connections) c.disconnect();
  }
  if (failures.length > 0) {
    const first = failures[0];
    const list = failures.map((f) => `  ${f.cell}${f.worker !== undefined ? ` (on ${f.worker})` : ''}: ${f.message}`).join('\n');
    throw new CchError(first.code, `${failures.length} of ${cells.length} queued cells failed:\n${list}`, {
      hint: 'the other cells are cached; results.json was not written. Fix the cause and rerun: only the failed cells run again',
      details: { failedCells: failures.map((f) => f.cell) },
    });
  }
  return { byWorker, queue: name };
}

/** A worker fails a job with 'ECODE: message' (cell-job / queue-worker); anything else (a stalled job) is EREMOTE. */
export function parseFailure(reason: string): { code: ErrorCode | 'EREMOTE'; message: string } {
  const m = /^(E[A-Z]+): ([\s\S]*)$/.exec(reason);
  if (m !== null && (ERROR_CODES as readonly string[]).includes(m[1])) return { code: m[1] as ErrorCode, message: m[2] };
  return { code: 'EREMOTE', message: reason };
}

/** 'host:pid', as workers name themselves. */
export function thisProcessName(): string {
  return `${os.hostname()}:${process.pid}`;
}
