/**
 * `--queue redis://…` (or CCH_QUEUE): where a run's cells go as jobs and where `cch worker` takes
 * them from. The flag wins over the environment; both are parsed with an error naming which.
 */
import type { QueueUrl } from '@cch-lab/pipeline';

export const QUEUE_HELP = 'run the uncached cells as jobs on this BullMQ queue: redis://[user:pass@]host:port[/db] or rediss:// for TLS (env CCH_QUEUE); `cch worker` processes run them';

/** The queue URL from the flag or CCH_QUEUE, or undefined for a local run. */
export async function resolveQueueUrl(flag: string | undefined, env: NodeJS.ProcessEnv): Promise<QueueUrl | undefined> {
  const { parseQueueUrl } = await import('@cch-lab/pipeline');
  if (flag !== undefined) return parseQueueUrl(flag, '--queue');
  const fromEnv = env.CCH_QUEUE;
  return fromEnv !== undefined && fromEnv.trim() !== '' ? parseQueueUrl(fromEnv, 'CCH_QUEUE') : undefined;
}

/** The same, where a queue is required (`cch worker`, `cch queue`). */
export async function requireQueueUrl(flag: string | undefined, env: NodeJS.ProcessEnv, command: string): Promise<QueueUrl> {
  const url = await resolveQueueUrl(flag, env);
  if (url !== undefined) return url;
  const { UsageError } = await import('@cch-lab/core');
  throw new UsageError(`${command} needs a queue: pass --queue redis://host:port (or set CCH_QUEUE)`, { details: { field: '--queue' } });
}
