/**
 * The queue end to end in this process (coordinator = runExperiment with `queue`, worker =
 * startQueueWorker, both from sources, so they share a code version) against a private
 * redis-server: the same results as a local run, a failing cell, a rerun that retries only it,
 * Redis restarting mid-run with persistence off, and an unreachable Redis.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InvalidInputError, silentReporter } from '@cch-lab/core';
import { resolveConfig } from '../config/resolve-config.js';
import { parseYamlSource } from '../config/yaml-source.js';
import { runExperiment } from '../run/run-experiment.js';
import { codeVersion } from '../run/code-version.js';
import { freePort, haveRedisServer, redisInstallHint, redisOnCi, startRedisServer, type RedisServer } from '../testing/redis-server.js';
import { tinyExperiment } from '../testing/tiny-experiment.js';
import type { ExperimentDefinition, ResultsFile } from '../types.js';
import { checkCellJob, CELL_JOB_FORMAT, type CellJobData } from './cell-job.js';
import { parseQueueUrl } from './queue-url.js';
import { startQueueWorker, type QueueWorkerHandle } from './queue-worker.js';
import { queueClean, queueStatus } from './queue-admin.js';
import { keyCell } from '../run/cell-keys.js';

const backend = { name: 'cpu', reason: 'test', tfjsVersion: 'test' };
const text = 'experiment: tiny\nseed: 5\nrepeats: 2\nslopes: [1, 2, 3]\n';
const tiny = tinyExperiment as unknown as ExperimentDefinition;
const resolvedWith = (definition: ExperimentDefinition) => resolveConfig(parseYamlSource(text, 'tiny.yaml'), [], { tiny: definition });

/** tiny, but the slope-2 cells throw (as a cell with bad input would). */
let failSlope2 = true;
let ranOnWorker: string[] = [];
const flaky: ExperimentDefinition = {
  ...tiny,
  async runCell(cell, config, context) {
    ranOnWorker.push(cell.id);
    if (failSlope2 && (cell.params as { slope: number }).slope === 2) throw new InvalidInputError(`slope 2 is refused in cell ${cell.id}`);
    return tiny.runCell(cell, config, context);
  },
};

const tempDirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'cch-queue-'));
  tempDirs.push(d);
  return d;
};

function comparable(results: ResultsFile): Partial<ResultsFile> {
  const { startedAt: _s, finishedAt: _f, seconds: _sec, cellCounts: _c, workers: _w, environment: _e, ...rest } = results;
  return rest;
}

const run = haveRedisServer || redisOnCi ? describe : describe.skip;
if (!haveRedisServer && !redisOnCi) console.warn(`queue tests skipped: no redis-server; ${redisInstallHint}`);

run('pipeline/queue: cells as BullMQ jobs', () => {
  let redis: RedisServer;
  let worker: QueueWorkerHandle | undefined;
  const url = () => parseQueueUrl(redis.url);
  const startWorker = (experiments = { tiny: flaky }) =>
    startQueueWorker({ url: url(), backend: 'cpu', concurrency: 1, reportsDir: tempDir(), reporter: silentReporter, experiments, lockMs: 2000, stalledMs: 1000 });

  beforeAll(async () => {
    if (!haveRedisServer) throw new Error(`redis-server is needed under CI: ${redisInstallHint}`);
    redis = await startRedisServer();
  }, 20_000);
  afterEach(async () => {
    await worker?.close();
    worker = undefined;
    await queueClean(url(), 'cpu', { all: true });
    failSlope2 = true;
    ranOnWorker = [];
  });
  afterAll(async () => {
    await redis?.stop();
    for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
  });

  it('writes the results a local run writes', async () => {
    failSlope2 = false;
    worker = await startWorker();
    const queued = await runExperiment(resolvedWith(flaky), { reportsDir: tempDir(), backend, queue: { url: url(), sweepMs: 200 } });
    const local = await runExperiment(resolvedWith(flaky), { reportsDir: tempDir(), backend });
    expect(comparable(queued.results)).toEqual(comparable(local.results));
    expect(queued.results.workers).toBe(1);
    expect(worker.counts()).toEqual({ done: 6, failed: 0 });
    const status = await queueStatus(url(), 'cpu');
    const mine = status.queues.find((q) => q.current);
    expect(mine?.counts.completed).toBe(6);
    expect(mine?.workers).toEqual([worker.name]);
  }, 30_000);

  it('names the failed cells, keeps the others cached, writes no results, and a rerun runs only the failed ones', async () => {
    worker = await startWorker();
    const reports = tempDir();
    const resolved = resolvedWith(flaky);
    await expect(runExperiment(resolved, { reportsDir: reports, backend, queue: { url: url(), sweepMs: 200 } })).rejects.toMatchObject({
      code: 'EINVALID',
      message: expect.stringMatching(/2 of 6 queued cells failed:\n {2}slope=2\/rep=\d \(on .+\): slope 2 is refused/),
    });
    expect(existsSync(path.join(reports, 'tiny', 'results.json'))).toBe(false);
    expect(readdirSync(path.join(reports, '.cache', 'tiny')).filter((f) => f.endsWith('.json'))).toHaveLength(4);
    failSlope2 = false;
    ranOnWorker = [];
    const again = await runExperiment(resolved, { reportsDir: reports, backend, queue: { url: url(), sweepMs: 200 } });
    expect(ranOnWorker.sort()).toEqual(['slope=2/rep=0', 'slope=2/rep=1']);
    expect(again.results.cellCounts).toEqual({ total: 6, cached: 4, ran: 2 });
  }, 30_000);

  it('survives Redis restarting empty mid-run: the vanished jobs are queued again and the run completes', async () => {
    failSlope2 = false;
    const reports = tempDir();
    const running = runExperiment(resolvedWith(flaky), { reportsDir: reports, backend, queue: { url: url(), sweepMs: 200 } });
    // No worker yet: wait until the jobs are queued, then lose them all.
    const deadline = Date.now() + 10_000;
    while (((await queueStatus(url(), 'cpu')).queues.find((q) => q.current)?.counts.waiting ?? 0) < 6) {
      if (Date.now() > deadline) throw new Error('the jobs were not queued');
      await new Promise((r) => setTimeout(r, 50));
    }
    await redis.restart();
    worker = await startWorker();
    const queued = await running;
    const local = await runExperiment(resolvedWith(flaky), { reportsDir: tempDir(), backend });
    expect(comparable(queued.results)).toEqual(comparable(local.results));
  }, 40_000);

  it('says at once that Redis cannot be reached (exit 4), instead of waiting', async () => {
    const closed = parseQueueUrl(`redis://127.0.0.1:${await freePort()}`);
    const t0 = Date.now();
    await expect(runExperiment(resolvedWith(flaky), { reportsDir: tempDir(), backend, queue: { url: closed, connectTimeoutMs: 2000 } })).rejects.toMatchObject({
      code: 'EUNAVAILABLE',
      message: expect.stringMatching(/cannot reach the job queue's Redis at redis:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/),
    });
    expect(Date.now() - t0).toBeLessThan(5000);
  }, 10_000);
});

describe('pipeline/queue/cell-job: a worker refuses a job it would not compute identically', () => {
  const resolved = resolvedWith(tiny);
  const cell = tiny.cells(resolved.config)[0];
  const job = (over: Partial<CellJobData> = {}): CellJobData => ({
    format: CELL_JOB_FORMAT,
    experiment: 'tiny',
    configFile: 'tiny.yaml',
    cell,
    config: resolved.config as unknown as Record<string, unknown>,
    seed: 5,
    backend: 'cpu',
    codeVersion: codeVersion(),
    key: keyCell(tiny, resolved.config, cell, 'cpu').key,
    ...over,
  });
  const here = { codeVersion: codeVersion(), backend: 'cpu', experiments: { tiny } };

  it('accepts the job its coordinator made', () => {
    expect(checkCellJob(job(), here).definition.name).toBe('tiny');
  });
  it('refuses other code, another backend, an unknown experiment, an invalid config, another key', () => {
    expect(() => checkCellJob(job({ codeVersion: '0.0.1+000000000000' }), here)).toThrow(/sent by code 0\.0\.1\+000000000000; this worker runs/);
    expect(() => checkCellJob(job({ backend: 'wasm' }), here)).toThrow(/asks for backend wasm; this worker runs cpu/);
    expect(() => checkCellJob(job({ experiment: 'nope' }), here)).toThrow(/unknown experiment 'nope'; this worker knows tiny/);
    expect(() => checkCellJob(job({ config: { ...job().config, slopes: 'x' } }), here)).toThrow(/tiny\.yaml \(as sent with the job\).*slopes/s);
    expect(() => checkCellJob(job({ key: 'f'.repeat(24) }), here)).toThrow(/computes the cache key [0-9a-f]+, the coordinator f{24}/);
  });
  it('refuses a cell whose data file differs on this machine', () => {
    const dir = tempDir();
    const file = path.join(dir, 'x.csv');
    writeFileSync(file, '1,2\n');
    const reading: ExperimentDefinition = { ...tiny, dataFiles: () => [file] };
    const sent = { ...job(), key: keyCell(reading, resolved.config, cell, 'cpu').key, data: keyCell(reading, resolved.config, cell, 'cpu').data };
    expect(() => checkCellJob(sent, { ...here, experiments: { tiny: reading } })).not.toThrow();
    writeFileSync(file, '1,3\n');
    expect(() => checkCellJob(sent, { ...here, experiments: { tiny: reading } })).toThrow(/the data file .*x\.csv differs here \(fingerprint [0-9a-f]+, the coordinator's [0-9a-f]+\)/);
    rmSync(file);
    expect(() => checkCellJob(sent, { ...here, experiments: { tiny: reading } })).toThrow(/its data are not on this worker/);
  });
});
