/**
 * A small pool of k-NN workers, created on first use. Workers are unref'd while idle so they never
 * keep the process alive, and ref'd while a job runs so an awaited result cannot be dropped.
 *
 * worker_threads can only load JavaScript: the worker is resolved as `./worker.js` next to this
 * module. Under jest (TypeScript sources) that file does not exist and `workerScript()` returns
 * undefined — callers then run the same parts in this thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { KnnJob, KnnJobResult } from './knn-job.js';

interface Pending {
  resolve: (r: KnnJobResult) => void;
  reject: (e: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  busy: number;
}

let workerUrl: URL | null | undefined;
const pool: PoolWorker[] = [];
const pending = new Map<number, Pending>();
let nextId = 1;

/** The compiled worker's URL, or undefined when running from TypeScript sources. */
export function workerScript(): URL | undefined {
  if (workerUrl === undefined) {
    try {
      const url = new URL('./worker.js', import.meta.url);
      workerUrl = url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null;
    } catch {
      workerUrl = null;
    }
  }
  return workerUrl ?? undefined;
}

/** Runs the jobs on up to `size` workers (one job per worker at a time); resolves in job order. */
export async function runOnWorkers(jobs: KnnJob[], size: number): Promise<KnnJobResult[]> {
  const script = workerScript();
  if (script === undefined) throw new Error('k-NN worker script not found (running from sources)');
  while (pool.length < size) pool.push(spawn(script));
  return Promise.all(jobs.map((job, t) => send(pool[t % size], job)));
}

/** Terminates the pool's workers (optional: idle workers never keep the process alive). */
export async function closeKnnWorkers(): Promise<void> {
  const workers = pool.splice(0, pool.length);
  await Promise.all(workers.map((w) => w.worker.terminate()));
}

function spawn(script: URL): PoolWorker {
  // Workers inherit the parent's execArgv; --input-type (from `node --input-type=module -e …`)
  // is refused for a file entry point, so it is left out.
  const worker = new Worker(script, { execArgv: process.execArgv.filter((a) => !a.startsWith('--input-type')) });
  const entry: PoolWorker = { worker, busy: 0 };
  worker.unref();
  worker.on('message', (msg: { id: number; result?: KnnJobResult; error?: string }) => {
    const p = pending.get(msg.id);
    if (p === undefined) return;
    pending.delete(msg.id);
    entry.busy--;
    if (entry.busy === 0) worker.unref();
    if (msg.error !== undefined) p.reject(new Error(`k-NN worker failed: ${msg.error}`));
    else p.resolve(msg.result as KnnJobResult);
  });
  worker.on('error', (error) => {
    const index = pool.indexOf(entry);
    if (index >= 0) pool.splice(index, 1);
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(error);
    }
  });
  return entry;
}

function send(entry: PoolWorker, job: KnnJob): Promise<KnnJobResult> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    if (entry.busy === 0) entry.worker.ref();
    entry.busy++;
    entry.worker.postMessage({ id, job });
  });
}
