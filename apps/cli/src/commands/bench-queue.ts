/**
 * `cch bench queue` — a sweep's wall time on the job queue with one `cch worker` process, then
 * with two (or the counts given), in the same command: the speed-up of more workers over one.
 * Each round starts its workers (child processes of this CLI) and waits until they serve the
 * queue, then times `cch run … --queue --force` into a fresh reports folder, then stops them and
 * clears the queue (so no round collects another's finished jobs). Without --queue it starts a
 * private redis-server on a free loopback port (persistence off) and stops it at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { printJson, type Io } from '../io.js';
import { globalBackend } from '../options/backend.js';
import { resolveQueueUrl } from '../options/queue.js';
import { collect } from '../options/repeatable.js';
import { resolveConfigsDir } from '../paths.js';
import { benchGroup } from './bench-group.js';
import { runRun } from './run.js';

interface BenchQueueOptions {
  queue?: string;
  config?: string;
  profile: string;
  set: string[];
  workers: string;
  backend?: string;
  json?: boolean;
}

export interface BenchQueueRow {
  workers: number;
  seconds: number;
  cells: number;
  /** Wall time with the first count of workers over this one's. */
  speedup: number;
}

export function registerBenchQueue(program: Command, io: Io): void {
  benchGroup(program)
    .command('queue')
    .description("a sweep's wall time on the job queue with 1 then 2 `cch worker` processes (the speed-up of two over one)")
    .option('--queue <url>', 'a Redis to use (default: a private redis-server started for the bench, if on PATH)')
    .option('--config <file>', 'the sweep (default configs/synthetic.yaml: 48 cells of k-NN estimation at quick with repeats=2)')
    .option('--profile <name>', 'its profile', 'quick')
    .option('--set <key=value>', 'override a config key (repeatable; default repeats=2)', collect, [])
    .option('--workers <list>', 'worker process counts to time, the first the baseline', '1,2')
    .option('--json', 'print one JSON object on stdout')
    .addHelpText(
      'after',
      `
Each worker process runs one cell at a time (--concurrency 1). Timed: the run from queueing its
cells to their summary (results.json), not the report pages after it. Worker start-up is not
timed; each worker's first cell (its worker thread loading the tensor backend) is. The wasm
backend may itself use several threads per worker, which caps what more workers can add.

Examples:
  $ cch bench queue
  $ cch bench queue --config configs/tcga.yaml --profile smoke --set repeats=6 --workers 1,2`,
    )
    .action(async (options: BenchQueueOptions, command: Command) => {
      const rows = await runBenchQueue({ ...options, backend: globalBackend(command) }, io);
      if (options.json) printJson(io, { rows });
      else {
        for (const r of rows) io.stdout(`${r.workers} worker${r.workers === 1 ? ' ' : 's'}: ${r.seconds.toFixed(1)} s for ${r.cells} cells, ${r.speedup.toFixed(2)}× the ${rows[0].workers}-worker time\n`);
      }
    });
}

export async function runBenchQueue(options: BenchQueueOptions, io: Io): Promise<BenchQueueRow[]> {
  const { parseQueueUrl, queueClean, testing } = await import('@cch-lab/pipeline');
  const { parseIntegerOption } = await import('../options/index.js');
  const counts = options.workers.split(',').map((w) => parseIntegerOption(w.trim(), '--workers', { min: 1, max: 64 }, 'cch bench queue'));
  const config = options.config ?? path.join(resolveConfigsDir(undefined, io.cwd), 'synthetic.yaml');
  let redis: Awaited<ReturnType<typeof testing.startRedisServer>> | undefined;
  let url = await resolveQueueUrl(options.queue, io.env);
  if (url === undefined) {
    if (!testing.haveRedisServer) {
      const { ServiceUnavailableError } = await import('@cch-lab/core');
      throw new ServiceUnavailableError(`cch bench queue needs a Redis: pass --queue URL, or put redis-server on PATH (${testing.redisInstallHint})`);
    }
    redis = await testing.startRedisServer();
    url = parseQueueUrl(redis.url);
    io.reporter.info(`bench: a private redis-server on port ${redis.port}`);
  }
  const bin = fileURLToPath(new URL('../../bin/cch.js', import.meta.url));
  const queueText = redis?.url ?? (options.queue ?? (io.env.CCH_QUEUE as string));
  const { chooseBackend } = await import('@cch-lab/core');
  const backend = (await chooseBackend({ requested: options.backend, env: io.env })).name;
  // The timed runs print nothing: the bench's own lines are the output.
  const quietIo: Io = { ...io, stdout: () => undefined, reporter: { info: () => undefined, progress: () => undefined, warn: (m) => io.reporter.warn(m) } };
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'cch-bench-queue-'));
  const rows: BenchQueueRow[] = [];
  const children: ChildProcess[] = [];
  try {
    for (const count of counts) {
      const workers = await Promise.all(Array.from({ length: count }, (_, i) => startWorker(bin, queueText, path.join(tmp, `w${count}-${i}`), options.backend, children)));
      const result = await runRun(
        { config, set: options.config === undefined && options.set.length === 0 ? ['repeats=2'] : options.set, profile: options.profile, force: true, reports: path.join(tmp, `r${count}`), queue: queueText, quiet: true, ...(options.backend !== undefined ? { backend: options.backend } : {}) },
        quietIo,
      );
      // The run's own time (queueing, the cells, their summary), not the report pages written after it.
      const seconds = result.seconds;
      await Promise.all(workers.map(stopChild));
      await queueClean(url, backend);
      rows.push({ workers: count, seconds, cells: result.cells.ran, speedup: rows.length === 0 ? 1 : rows[0].seconds / seconds });
      io.reporter.info(`bench: ${count} worker(s): ${seconds.toFixed(1)} s`);
    }
  } finally {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await redis?.stop(true);
    rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}

async function startWorker(bin: string, queue: string, reports: string, backend: string | undefined, children: ChildProcess[]): Promise<ChildProcess> {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, [bin, ...(backend !== undefined ? ['--backend', backend] : []), 'worker', '--queue', queue, '--concurrency', '1', '--reports', reports], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  let err = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes('serves queue')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`a bench worker exited with ${String(code)}: ${err}`)));
  });
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}
