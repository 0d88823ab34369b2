/**
 * `cch queue status|clean`: what the cch-lab queues in a Redis hold (every code version and
 * backend, this one marked), and clearing them.
 */
import type { Redis } from 'ioredis';
import { codeVersion } from '../run/code-version.js';
import { QUEUE_PREFIX, queueName } from './queue-names.js';
import { openRedis, probeRedis } from './redis-connection.js';
import type { QueueUrl } from './queue-url.js';

export interface QueueSummary {
  queue: string;
  /** The queue of this installation's code and the given backend. */
  current: boolean;
  counts: Record<string, number>;
  /** Workers connected now, by name. */
  workers: string[];
  /** Up to five failed cells with their reasons. */
  failed: { job: string; cell: string; reason: string }[];
}

async function withQueues<T>(url: QueueUrl, connectTimeoutMs: number | undefined, body: (redis: Redis, names: string[]) => Promise<T>): Promise<T> {
  await probeRedis(url, connectTimeoutMs);
  const redis = await openRedis(url);
  try {
    const names = new Set<string>();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${QUEUE_PREFIX}:*:meta`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) names.add(key.slice(QUEUE_PREFIX.length + 1, -':meta'.length));
    } while (cursor !== '0');
    return await body(redis, [...names].sort());
  } finally {
    redis.disconnect();
  }
}

export async function queueStatus(url: QueueUrl, backend: string, connectTimeoutMs?: number): Promise<{ current: string; queues: QueueSummary[] }> {
  const current = queueName(codeVersion(), backend);
  const { Queue } = await import('bullmq');
  const queues = await withQueues(url, connectTimeoutMs, async (redis, names) => {
    const out: QueueSummary[] = [];
    for (const name of names) {
      const queue = new Queue(name, { connection: redis, prefix: QUEUE_PREFIX });
      try {
        const counts = await queue.getJobCounts();
        // BullMQ names a worker's connection '<prefix>:<queue base64>:w:<worker name>'.
        const workers = (await queue.getWorkers()).map((w) => String(w.rawname ?? w.name).split(':w:').slice(1).join(':w:') || String(w.name));
        const failedJobs = await queue.getFailed(0, 4);
        out.push({
          queue: name,
          current: name === current,
          counts,
          workers,
          failed: failedJobs.map((j) => ({ job: String(j.id), cell: String((j.data as { cell?: { id?: string } }).cell?.id ?? '?'), reason: j.failedReason ?? '' })),
        });
      } finally {
        await queue.close();
      }
    }
    return out;
  });
  return { current, queues };
}

/** Removes the current queue (or every cch-lab queue with `all`), jobs of running cells included; returns the names removed. */
export async function queueClean(url: QueueUrl, backend: string, options: { all?: boolean; connectTimeoutMs?: number } = {}): Promise<string[]> {
  const current = queueName(codeVersion(), backend);
  const { Queue } = await import('bullmq');
  return withQueues(url, options.connectTimeoutMs, async (redis, names) => {
    const removed: string[] = [];
    for (const name of names) {
      if (options.all !== true && name !== current) continue;
      const queue = new Queue(name, { connection: redis, prefix: QUEUE_PREFIX });
      try {
        await queue.obliterate({ force: true });
        removed.push(name);
      } finally {
        await queue.close();
      }
    }
    return removed;
  });
}
