/** `cch queue status|clean --queue URL` — what the cch-lab queues in a Redis hold, and clearing them. */
import type { Command } from 'commander';
import { printJson, type Io } from '../io.js';
import { globalBackend } from '../options/backend.js';
import { requireQueueUrl } from '../options/queue.js';

interface QueueCommandOptions {
  queue?: string;
  json?: boolean;
  all?: boolean;
}

export function registerQueue(program: Command, io: Io): void {
  const queue = program
    .command('queue')
    .description('show or clear the cell jobs in a queue: cch queue status|clean --queue URL')
    .addHelpText(
      'after',
      `
There is one queue per code version and tensor backend (this installation's is marked *).

Examples:
  $ cch queue status --queue redis://127.0.0.1:6379
  $ cch queue clean --queue redis://127.0.0.1:6379          this code's queue
  $ cch queue clean --queue redis://127.0.0.1:6379 --all    every cch-lab queue`,
    );
  queue
    .command('status')
    .description("jobs by state, connected workers and the latest failures, for every cch-lab queue")
    .option('--queue <url>', 'redis://[user:pass@]host:port[/db] or rediss:// (env CCH_QUEUE)')
    .option('--json', 'print one JSON object on stdout')
    .action(async (options: QueueCommandOptions, command: Command) => {
      const { queueStatus } = await import('@cch-lab/pipeline');
      const url = await requireQueueUrl(options.queue, io.env, 'cch queue status');
      const backend = await backendName(command, io);
      const status = await queueStatus(url, backend);
      if (options.json) return printJson(io, { url: url.display, ...status });
      if (status.queues.length === 0) io.stdout(`no cch-lab queues at ${url.display} (this code's would be ${status.current})\n`);
      for (const q of status.queues) {
        const c = q.counts;
        io.stdout(
          `${q.current ? '*' : ' '} ${q.queue}: ${c.waiting ?? 0} waiting, ${c.active ?? 0} running, ${c.completed ?? 0} done, ${c.failed ?? 0} failed; ${q.workers.length} workers${q.workers.length > 0 ? ` (${q.workers.join(', ')})` : ''}\n`,
        );
        for (const f of q.failed) io.stdout(`    failed ${f.cell}: ${f.reason}\n`);
      }
    });
  queue
    .command('clean')
    .description("remove this code's queue and its jobs (--all: every cch-lab queue); cached results on disk stay")
    .option('--queue <url>', 'redis://[user:pass@]host:port[/db] or rediss:// (env CCH_QUEUE)')
    .option('--all', 'every cch-lab queue, of any code version and backend')
    .option('--json', 'print one JSON object on stdout')
    .action(async (options: QueueCommandOptions, command: Command) => {
      const { queueClean } = await import('@cch-lab/pipeline');
      const url = await requireQueueUrl(options.queue, io.env, 'cch queue clean');
      const backend = await backendName(command, io);
      const removed = await queueClean(url, backend, { all: options.all === true });
      if (options.json) return printJson(io, { url: url.display, removed });
      io.stdout(removed.length === 0 ? `nothing to remove at ${url.display}\n` : `removed ${removed.join(', ')}\n`);
    });
}

/** The backend this installation would use: its queue is the one marked and cleaned by default. */
async function backendName(command: Command, io: Io): Promise<string> {
  const { chooseBackend } = await import('@cch-lab/core');
  return (await chooseBackend({ requested: globalBackend(command), env: io.env })).name;
}
