/**
 * A private redis-server for tests: Debian's `redis-server` (apt-get install redis-server, which
 * .ci/run does) on a free loopback port, persistence off, its own directory; stopped by pid. It
 * can be restarted on the same port (empty, as a Redis without persistence comes back).
 *
 * Without the binary the tests skip, except under CI (CI set), where they fail: CI promises them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const redisServerPath = process.env.CCH_REDIS_SERVER ?? 'redis-server';
export const redisOnCi = (process.env.CI ?? '') !== '' && process.env.CI !== 'false';
export const haveRedisServer = spawnSync(redisServerPath, ['--version'], { stdio: 'ignore' }).status === 0;
export const redisInstallHint = 'install it with `apt-get install -y --no-install-recommends redis-server` (Debian; .ci/run does this), or point CCH_REDIS_SERVER at the binary';

export interface RedisServer {
  port: number;
  url: string;
  pid(): number | undefined;
  /** Stops it (SIGKILL when `hard`, as a crash) and waits for the exit. */
  stop(hard?: boolean): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cch-redis-'));
  let child: ChildProcess | undefined;
  const launch = async (): Promise<void> => {
    const proc = spawn(redisServerPath, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    let log = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server on port ${port} did not start within 10 s:\n${log}`)), 10_000);
      proc.stdout?.on('data', (d: Buffer) => {
        log += d.toString();
        if (log.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${String(code)}:\n${log}`));
      });
    });
    proc.stdout?.resume();
    proc.stderr?.resume();
  };
  const stop = async (hard = false): Promise<void> => {
    const proc = child;
    child = undefined;
    if (proc === undefined || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill(hard ? 'SIGKILL' : 'SIGTERM');
    await exited;
  };
  await launch();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    pid: () => child?.pid,
    async stop(hard) {
      await stop(hard);
      rmSync(dir, { recursive: true, force: true });
    },
    async restart() {
      await stop(true);
      await launch();
    },
  };
}
