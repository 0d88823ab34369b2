/**
 * The distributed runner on the built CLI: a private redis-server, two `cch worker` processes and
 * `cch run … --queue` as the coordinator, all child processes, all stopped by pid at the end.
 * Checks the results equal a local run's, also when one worker is killed with -9 mid-run; that a
 * worker of another backend (another queue) takes none of the cells; and that an unreachable Redis
 * is exit 4 at once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { testing } from '@cch-lab/pipeline';
import { comparableResults } from '../testing-fixtures/comparable-results.js';

const { startRedisServer, freePort, haveRedisServer, redisOnCi, redisInstallHint } = testing;
const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
const bin = path.join(repoRoot, 'apps', 'cli', 'bin', 'cch.js');
const config = path.join(repoRoot, 'configs', 'synthetic.yaml');

interface Proc {
  child: ChildProcess;
  stderr(): string;
  stdout(): string;
  exit: Promise<number | null>;
}

const children: ChildProcess[] = [];
function cch(args: string[]): Proc {
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // jest's --experimental-vm-modules is not the CLI's
  delete env.CCH_REPORTS_DIR;
  delete env.CCH_QUEUE;
  const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, stderr: () => err, stdout: () => out, exit };
}

async function until(what: string, test: () => boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cch-queue-spawn-'));
  tempDirs.push(dir);
  return dir;
}

const comparable = comparableResults;

const doneLines = (p: Proc): number => (p.stderr().match(/: done in /g) ?? []).length;

const run = haveRedisServer || redisOnCi ? describe : describe.skip;
if (!haveRedisServer && !redisOnCi) console.warn(`queue spawn tests skipped: no redis-server; ${redisInstallHint}`);

run('cch worker + cch run --queue in child processes', () => {
  let redis: Awaited<ReturnType<typeof startRedisServer>>;
  let local: string;
  const startWorker = async (extra: string[] = []): Promise<Proc> => {
    const w = cch([...extra, 'worker', '--queue', redis.url, '--concurrency', '1', '--lock-seconds', '2', '--stalled-seconds', '1', '--reports', tempDir()]);
    await until('the worker to start', () => /serves queue/.test(w.stderr()) || w.child.exitCode !== null, 30_000);
    if (w.child.exitCode !== null) throw new Error(`the worker exited: ${w.stderr()}`);
    return w;
  };
  const stop = async (p: Proc): Promise<void> => {
    if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
    await p.exit;
  };

  beforeAll(async () => {
    if (!haveRedisServer) throw new Error(`redis-server is needed under CI: ${redisInstallHint}`);
    redis = await startRedisServer();
    const reports = tempDir();
    const l = cch(['run', config, '--profile', 'smoke', '--set', 'repeats=10', '--reports', reports, '--quiet']);
    expect(await l.exit).toBe(0);
    local = path.join(reports, 'synthetic', 'results.json');
  }, 120_000);
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await redis?.stop(true);
    for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
  });

  it('two workers write the results a local run writes; a worker of another backend takes nothing', async () => {
    const a = await startWorker();
    const b = await startWorker();
    const other = await startWorker(['--backend', 'cpu']);
    const queueOf = (p: Proc) => /serves queue (\S+)/.exec(p.stderr())?.[1];
    expect(queueOf(a)).toBe(queueOf(b));
    expect(queueOf(other)).not.toBe(queueOf(a));
    const reports = tempDir();
    const coordinator = cch(['run', config, '--profile', 'smoke', '--set', 'repeats=10', '--reports', reports, '--queue', redis.url]);
    expect(await coordinator.exit).toBe(0);
    expect(comparable(path.join(reports, 'synthetic', 'results.json'))).toEqual(comparable(local));
    expect(doneLines(a) + doneLines(b)).toBe(60);
    expect(doneLines(a)).toBeGreaterThan(0);
    expect(doneLines(b)).toBeGreaterThan(0);
    expect(doneLines(other)).toBe(0);
    const status = cch(['queue', 'status', '--queue', redis.url, '--json']);
    expect(await status.exit).toBe(0);
    const mine = (JSON.parse(status.stdout()) as { queues: { queue: string; current: boolean; counts: { completed: number } }[] }).queues.find((q) => q.current);
    expect(mine?.counts.completed).toBe(60);
    await Promise.all([a, b, other].map(stop));
    const clean = cch(['queue', 'clean', '--queue', redis.url, '--all']);
    expect(await clean.exit).toBe(0);
  }, 180_000);

  it('a worker killed with -9 mid-run: its cell goes to the other worker and the results are the same', async () => {
    const a = await startWorker();
    const b = await startWorker();
    const reports = tempDir();
    const coordinator = cch(['run', config, '--profile', 'smoke', '--set', 'repeats=10', '--reports', reports, '--queue', redis.url]);
    await until('worker a to finish three cells', () => doneLines(a) >= 3);
    a.child.kill('SIGKILL');
    await a.exit;
    expect(await coordinator.exit).toBe(0);
    expect(comparable(path.join(reports, 'synthetic', 'results.json'))).toEqual(comparable(local));
    expect(doneLines(b)).toBeGreaterThan(0);
    await stop(b);
    expect(await cch(['queue', 'clean', '--queue', redis.url]).exit).toBe(0);
  }, 180_000);

  it('an unreachable Redis is exit 4 at once, naming the URL', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const t0 = Date.now();
    const coordinator = cch(['run', config, '--profile', 'smoke', '--reports', tempDir(), '--queue', url]);
    expect(await coordinator.exit).toBe(4);
    expect(coordinator.stderr()).toContain(`error: cannot reach the job queue's Redis at ${url}: connect ECONNREFUSED`);
    expect(Date.now() - t0).toBeLessThan(20_000);
    const worker = cch(['worker', '--queue', url]);
    expect(await worker.exit).toBe(4);
  }, 60_000);
});
