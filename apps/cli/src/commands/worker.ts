/**
 * `cch worker --queue URL` — runs queued cells for `cch run … --queue` on this machine until
 * stopped (SIGINT / SIGTERM: running cells finish first; a second signal stops at once).
 */
import os from 'node:os';
import type { Command } from 'commander';
import { printJson, type Io } from '../io.js';
import { globalBackend, selectBackend } from '../options/backend.js';
import { requireQueueUrl } from '../options/queue.js';
import { resolveReportsDir } from '../paths.js';

export interface WorkerCommandOptions {
  queue?: string;
  concurrency?: string;
  reports?: string;
  lockSeconds?: string;
  stalledSeconds?: string;
  maxStalled?: string;
  backend?: string;
  /** Stop after this many seconds without a job (for batch schedulers); default: never. */
  idleExit?: string;
  json?: boolean;
  /** Resolves when the worker should stop (default: the first SIGINT or SIGTERM). */
  until?: Promise<void>;
}

export function registerWorker(program: Command, io: Io): void {
  program
    .command('worker')
    .description('run the cells that `cch run … --queue URL` puts on the queue, on this machine, until stopped')
    .option('--queue <url>', 'the queue: redis://[user:pass@]host:port[/db] or rediss:// (env CCH_QUEUE)')
    .option('--concurrency <n>', 'cells at once, each on its own worker thread (default: one per core)')
    .option('--reports <dir>', "this machine's reports folder; generated data sets are cached in its .cache/data (env CCH_REPORTS_DIR; default ./reports)")
    .option('--lock-seconds <s>', "a running cell's lock, renewed every half of it; a worker that dies loses its cells after this long", '30')
    .option('--stalled-seconds <s>', 'how often this worker looks for cells whose worker died', '15')
    .option('--max-stalled <n>', 'times a cell may lose its worker before it fails', '3')
    .option('--idle-exit <s>', 'exit after this many seconds without a cell to run (e.g. in a Slurm array); default: run until stopped')
    .option('--json', 'print one JSON object on stdout when the worker stops')
    .addHelpText(
      'after',
      `
A worker serves the queue of its own code version and tensor backend (it prints the name at
start), so a worker with other code or another backend never takes a run's cells. Each job holds
only the experiment's name, the cell, the resolved config (validated here with the experiment's
schema) and the fingerprints of the data files the cell reads: data never travel through Redis.
Each worker reads its own copy at the same path, and refuses a cell whose data differ.

Examples:
  $ cch worker --queue redis://127.0.0.1:6379
  $ CCH_QUEUE=rediss://:PASSWORD@queue.lab:6380 cch worker --concurrency 8`,
    )
    .action(async (options: WorkerCommandOptions, command: Command) => {
      const out = await runWorker({ ...options, backend: globalBackend(command) }, io);
      if (options.json) printJson(io, out);
    });
}

export async function runWorker(options: WorkerCommandOptions, io: Io): Promise<{ queue: string; name: string; done: number; failed: number }> {
  const { startQueueWorker } = await import('@cch-lab/pipeline');
  const { parseIntegerOption } = await import('../options/index.js');
  const url = await requireQueueUrl(options.queue, io.env, 'cch worker');
  const where = 'cch worker';
  const concurrency = options.concurrency === undefined ? Math.max(1, os.availableParallelism()) : parseIntegerOption(options.concurrency, '--concurrency', { min: 1, max: 256 }, where);
  const seconds = (value: string | undefined, flag: string, min: number) => (value === undefined ? undefined : parseIntegerOption(value, flag, { min, max: 86_400 }, where) * 1000);
  const lockMs = seconds(options.lockSeconds, '--lock-seconds', 1);
  const stalledMs = seconds(options.stalledSeconds, '--stalled-seconds', 1);
  const idleMs = seconds(options.idleExit, '--idle-exit', 1);
  const maxStalled = options.maxStalled === undefined ? undefined : parseIntegerOption(options.maxStalled, '--max-stalled', { min: 1, max: 1000 }, where);
  const backend = await selectBackend(options.backend, io);
  const handle = await startQueueWorker({
    url,
    backend: backend.name,
    concurrency,
    reportsDir: resolveReportsDir(options.reports, io.env, io.cwd),
    reporter: io.reporter,
    ...(lockMs !== undefined ? { lockMs } : {}),
    ...(stalledMs !== undefined ? { stalledMs } : {}),
    ...(maxStalled !== undefined ? { maxStalled } : {}),
  });
  const s = handle.settings;
  io.reporter.info(
    `worker ${handle.name} serves queue ${handle.queue} at ${url.display}: ${s.concurrency} at once${s.threads ? ' on worker threads' : ''}, lock ${s.lockMs / 1000} s, stalled check every ${s.stalledMs / 1000} s, a cell fails after losing ${s.maxStalled} workers`,
  );
  let signals = 0;
  const stop = options.until ?? new Promise<void>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      signals++;
      if (signals > 1) process.exit(130);
      io.reporter.info(`${signal}: finishing the running cells, then stopping (again to stop at once)`);
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  const idle = idleMs === undefined ? new Promise<void>(() => undefined) : idleWatch(handle, idleMs);
  await Promise.race([stop, idle]);
  await handle.close();
  const counts = handle.counts();
  io.reporter.info(`worker ${handle.name} stopped: ${counts.done} cells done, ${counts.failed} failed`);
  return { queue: handle.queue, name: handle.name, ...counts };
}

/** Resolves once the worker has gone `idleMs` without finishing a cell. */
function idleWatch(handle: { counts(): { done: number; failed: number } }, idleMs: number): Promise<void> {
  return new Promise((resolve) => {
    let last = -1;
    let since = Date.now();
    const timer = setInterval(() => {
      const c = handle.counts();
      const seen = c.done + c.failed;
      if (seen !== last) {
        last = seen;
        since = Date.now();
      } else if (Date.now() - since >= idleMs) {
        clearInterval(timer);
        resolve();
      }
    }, Math.min(1000, idleMs));
  });
}
