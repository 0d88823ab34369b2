/**
 * A pool of worker threads fed from one queue: each worker takes the next request when it
 * finishes the last, so requests of uneven length (sweep cells) keep every worker busy. Workers
 * start on first use, are unref'd while idle (an idle pool never keeps the process alive) and
 * ref'd while they hold a request (an awaited result is never dropped).
 *
 * Errors thrown in a worker come back as the same CchError code, hint and details, so the CLI
 * maps a bad input found in a worker to the same exit code as one found in this thread.
 *
 * worker_threads load JavaScript only: `compiledWorkerScript` finds the compiled entry beside the
 * calling module and returns undefined when running from TypeScript sources (jest), so callers
 * fall back to running in this thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, parentPort, type Transferable } from 'node:worker_threads';
import { CchError, InternalError, type ErrorCode, type ErrorDetails } from './errors.js';

export interface WorkerPool<Request, Result> {
  /** The most workers this pool runs at once. */
  readonly size: number;
  /** Queues one request; resolves with the worker's result or rejects with its error. */
  run(request: Request, transfer?: readonly Transferable[]): Promise<Result>;
  /** Terminates every worker; requests still queued or running are rejected. */
  close(): Promise<void>;
}

/** The compiled worker entry `relative` to `base` (an import.meta.url), or undefined under sources. */
export function compiledWorkerScript(relative: string, base: string): URL | undefined {
  try {
    const url = new URL(relative, base);
    return url.protocol === 'file:' && url.pathname.endsWith('.js') && existsSync(fileURLToPath(url)) ? url : undefined;
  } catch {
    return undefined;
  }
}

interface SerializedError {
  name: string;
  message: string;
  code?: ErrorCode;
  hint?: string;
  details?: ErrorDetails;
  stack?: string;
}

type Reply<Result> = { id: number; result: Result } | { id: number; error: SerializedError };

interface Job<Request, Result> {
  id: number;
  request: Request;
  transfer: readonly Transferable[];
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

export function createWorkerPool<Request, Result>(script: URL, size: number): WorkerPool<Request, Result> {
  if (!Number.isInteger(size) || size < 1) throw new InternalError(`a worker pool needs at least one worker, got ${size}`);
  const queue: Job<Request, Result>[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job<Request, Result>>();
  let started = 0;
  let nextId = 1;
  let closed = false;

  const settle = (worker: Worker): Job<Request, Result> | undefined => {
    const job = busy.get(worker);
    busy.delete(worker);
    return job;
  };

  const spawn = (): Worker => {
    // Workers inherit the parent's execArgv; --input-type (from `node --input-type=module -e …`)
    // is refused for a file entry point, so it is left out.
    const worker = new Worker(script, { execArgv: process.execArgv.filter((a) => !a.startsWith('--input-type')) });
    started++;
    worker.unref();
    worker.on('message', (reply: Reply<Result>) => {
      const job = settle(worker);
      worker.unref();
      idle.push(worker);
      if (job !== undefined) {
        if ('error' in reply) job.reject(deserializeError(reply.error));
        else job.resolve(reply.result);
      }
      pump();
    });
    worker.on('error', (error) => {
      started--;
      settle(worker)?.reject(error);
      const i = idle.indexOf(worker);
      if (i >= 0) idle.splice(i, 1);
      pump();
    });
    return worker;
  };

  const pump = (): void => {
    while (!closed && queue.length > 0) {
      const worker = idle.pop() ?? (started < size ? spawn() : undefined);
      if (worker === undefined) return;
      const job = queue.shift() as Job<Request, Result>;
      busy.set(worker, job);
      worker.ref();
      worker.postMessage({ id: job.id, request: job.request }, job.transfer);
    }
  };

  return {
    size,
    run(request, transfer = []) {
      if (closed) return Promise.reject(new InternalError('the worker pool is closed'));
      return new Promise<Result>((resolve, reject) => {
        queue.push({ id: nextId++, request, transfer, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new InternalError('the worker pool was closed before this request ran'));
      for (const job of busy.values()) job.reject(new InternalError('the worker pool was closed while this request ran'));
      const workers = [...idle.splice(0), ...busy.keys()];
      busy.clear();
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * The worker side: answers each request with `handler`'s result, or its error. Call it once at
 * the top of a worker entry module.
 */
export function serveWorkerRequests<Request, Result>(
  handler: (request: Request) => Result | Promise<Result>,
  transferOf: (result: Result) => readonly Transferable[] = () => [],
): void {
  const port = parentPort;
  if (port === null) throw new InternalError('serveWorkerRequests runs only inside a worker thread');
  port.on('message', (message: { id: number; request: Request }) => {
    void (async () => {
      try {
        const result = await handler(message.request);
        port.postMessage({ id: message.id, result }, transferOf(result));
      } catch (error) {
        port.postMessage({ id: message.id, error: serializeError(error) });
      }
    })();
  });
}

function serializeError(error: unknown): SerializedError {
  if (error instanceof CchError) {
    return { name: error.name, message: error.message, code: error.code, hint: error.hint, details: error.details, stack: error.stack };
  }
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: 'Error', message: String(error) };
}

function deserializeError(e: SerializedError): Error {
  const error = e.code !== undefined ? new CchError(e.code, e.message, { hint: e.hint, details: e.details }) : new Error(e.message);
  error.name = e.name;
  if (e.stack !== undefined) error.stack = `${e.stack}\n    (in a worker thread)`;
  return error;
}
