import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CchError } from './errors.js';
import { compiledWorkerScript, createWorkerPool, type WorkerPool } from './worker-pool.js';

// worker_threads load JavaScript only, so the worker is a small ES module in a data: URL that
// imports serveWorkerRequests from this package's compiled dist (rebuilt here so it is current).
const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const coreDist = new URL('../dist/index.js', import.meta.url).href;
const WORKER = `
import { threadId } from 'node:worker_threads';
import { serveWorkerRequests, InvalidInputError } from ${JSON.stringify(coreDist)};
serveWorkerRequests(async (r) => {
  if (r.fail) throw new InvalidInputError('row 3 is ragged', { details: { file: 'x.csv', line: 3 }, hint: 'fix the row' });
  if (r.crash) setImmediate(() => { throw new Error('uncaught in worker'); });
  await new Promise((resolve) => setTimeout(resolve, r.ms ?? 0));
  return { square: r.value * r.value, threadId };
});
`;
const script = new URL(`data:text/javascript,${encodeURIComponent(WORKER)}`);

interface Request {
  value?: number;
  ms?: number;
  fail?: boolean;
  crash?: boolean;
}
interface Result {
  square: number;
  threadId: number;
}

describe('core/worker-pool', () => {
  let pool: WorkerPool<Request, Result> | undefined;
  beforeAll(() => {
    execFileSync('npx', ['tsc', '-b', 'tsconfig.build.json'], { cwd: packageDir, stdio: 'pipe' });
  }, 120_000);
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('finds no compiled worker beside a TypeScript source', () => {
    expect(compiledWorkerScript('./worker-pool.ts', import.meta.url)).toBeUndefined();
    expect(compiledWorkerScript('./missing.js', import.meta.url)).toBeUndefined();
  });

  it('answers every request, in request order, on no more threads than its size', async () => {
    pool = createWorkerPool<Request, Result>(script, 2);
    // Uneven durations: the queue hands the next request to whichever worker is free.
    const results = await Promise.all([30, 1, 1, 20, 1, 5].map((ms, value) => (pool as WorkerPool<Request, Result>).run({ value, ms })));
    expect(results.map((r) => r.square)).toEqual([0, 1, 4, 9, 16, 25]);
    const threads = new Set(results.map((r) => r.threadId));
    expect(threads.size).toBe(2);
  });

  it('brings a CchError back with its code, hint and details', async () => {
    pool = createWorkerPool<Request, Result>(script, 1);
    const error = await pool.run({ fail: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CchError);
    expect(error).toMatchObject({ code: 'EINVALID', hint: 'fix the row', details: { file: 'x.csv', line: 3 } });
    expect((error as Error).message).toContain('row 3 is ragged');
    // The worker is still usable after a failed request.
    await expect(pool.run({ value: 3 })).resolves.toMatchObject({ square: 9 });
  });

  it('rejects the request of a worker that dies and replaces the worker', async () => {
    pool = createWorkerPool<Request, Result>(script, 1);
    await expect(pool.run({ value: 1, crash: true, ms: 50 })).rejects.toThrow('uncaught in worker');
    await expect(pool.run({ value: 4 })).resolves.toMatchObject({ square: 16 });
  });

  it('rejects queued and running requests when closed', async () => {
    pool = createWorkerPool<Request, Result>(script, 1);
    const running = pool.run({ value: 1, ms: 200 }).catch((e: unknown) => e);
    const queued = pool.run({ value: 2 }).catch((e: unknown) => e);
    await pool.close();
    expect(String(await running)).toMatch(/closed while this request ran/);
    expect(String(await queued)).toMatch(/closed before this request ran/);
  });
});
