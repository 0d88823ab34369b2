/**
 * Redis clients for BullMQ. BullMQ 6 under native ESM needs constructed ioredis clients (options
 * alone fail to load its optional ioredis), one per Queue / Worker / QueueEvents, with
 * `maxRetriesPerRequest: null` so its blocking commands wait through a reconnect instead of
 * failing. A first probe with a bounded connect time turns an unreachable server into a clear
 * error (exit 4) instead of a hang; after that the clients reconnect forever, so a Redis restart
 * mid-run is survived.
 */
import { ServiceUnavailableError, type Reporter } from '@cch-lab/core';
import type { Redis, RedisOptions } from 'ioredis';
import type { QueueUrl } from './queue-url.js';

/** How long the first connection may take before the command gives up. */
export const CONNECT_TIMEOUT_MS = 5_000;
const RECONNECT_MAX_DELAY_MS = 2_000;

function redisOptions(url: QueueUrl): RedisOptions {
  return {
    host: url.host,
    port: url.port,
    db: url.db,
    ...(url.username !== undefined ? { username: url.username } : {}),
    ...(url.password !== undefined ? { password: url.password } : {}),
    ...(url.tls ? { tls: { servername: url.host } } : {}),
    connectTimeout: CONNECT_TIMEOUT_MS,
    // After disconnect(), ioredis keeps a timer (default 2 s) for a socket that does not close: it held the process open.
    disconnectTimeout: 100,
  };
}

async function redisClass(): Promise<typeof Redis> {
  // Loaded on demand: a local run never pays for ioredis.
  return (await import('ioredis')).Redis;
}

/**
 * A client for a BullMQ Queue, Worker or QueueEvents: reconnects forever, commands wait for it.
 * With `reporter`, a lost connection is warned about once (`lostNote` after the message) and its
 * return noted, however many retries lie between.
 */
export async function openRedis(url: QueueUrl, watch?: { reporter: Reporter; lostNote?: string }): Promise<Redis> {
  const Client = await redisClass();
  const client = new Client({
    ...redisOptions(url),
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(100 * times, RECONNECT_MAX_DELAY_MS),
  });
  if (watch !== undefined) {
    let down = false;
    client.on('error', () => {
      if (!down) watch.reporter.warn(`lost the connection to ${url.display}; reconnecting${watch.lostNote ?? ''}`);
      down = true;
    });
    client.on('ready', () => {
      if (down) watch.reporter.info(`reconnected to ${url.display}`);
      down = false;
    });
  }
  return client;
}

/**
 * Connects once, pings and disconnects; throws ServiceUnavailableError when that does not succeed
 * within `timeoutMs` (refused, unknown host, wrong password, TLS mismatch, or silence).
 */
export async function probeRedis(url: QueueUrl, timeoutMs = CONNECT_TIMEOUT_MS): Promise<{ version: string }> {
  const Client = await redisClass();
  // No socket timeout of ioredis's own (its timer outlives a refused connection): the race below bounds the wait.
  const client = new Client({ ...redisOptions(url), connectTimeout: 0, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  let lastError: unknown;
  client.on('error', (error: unknown) => (lastError = error));
  let timer: NodeJS.Timeout | undefined;
  try {
    const info = await Promise.race([
      (async () => {
        await client.connect();
        return client.info('server');
      })(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${(timeoutMs / 1000).toFixed(1)} s`)), timeoutMs);
      }),
    ]);
    return { version: /redis_version:([^\r\n]+)/.exec(info)?.[1] ?? 'unknown' };
  } catch (error) {
    // ioredis rejects connect() with 'Connection is closed'; the socket's own error says why.
    const why = describe(lastError) ?? describe(error) ?? 'no answer';
    throw new ServiceUnavailableError(`cannot reach the job queue's Redis at ${url.display}: ${why}`, {
      details: { field: 'queue', received: url.display },
      hint: 'start Redis there (e.g. redis-server --port 6379), check the host, port, password and TLS (rediss://), or drop --queue / CCH_QUEUE to run locally',
    });
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}

function describe(error: unknown): string | undefined {
  if (error === undefined || error === null) return undefined;
  const e = error as { code?: string; message?: string };
  if (e.code !== undefined && e.message !== undefined && !e.message.includes(e.code)) return `${e.code}: ${e.message}`;
  return e.message ?? String(error);
}
