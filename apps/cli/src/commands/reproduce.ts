/**
 * `cch reproduce` — every config in configs/ (or the ones named), one profile, then the index.
 * One progress display spans the whole reproduction (experiment i/n, its cells, ETA); it ends with
 * where the report is and one line per experiment: its verdict (or first note), or why it failed.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ErrorCode } from '@cch-lab/core';
import type { Command } from 'commander';
import { printJson, type Io } from '../io.js';
import { resolveConfigsDir, resolveReportsDir } from '../paths.js';
import { globalBackend } from '../options/backend.js';
import { commandLine } from '../options/command-line.js';
import { WORKERS_HELP } from '../options/definitions.js';
import { QUEUE_HELP, resolveQueueUrl } from '../options/queue.js';
import { createRunDisplay } from '../stderr-reporter.js';
import { printRunSummary, runRun, type RunCommandResult } from './run.js';

export interface ReproduceOptions {
  profile: string;
  only?: string;
  configs?: string;
  reports?: string;
  force?: boolean;
  backend?: string;
  workers?: string | number;
  /** Run the uncached cells as jobs on this queue (see cch run --queue). */
  queue?: string;
  /** No progress or notes on stderr; warnings and errors still print. */
  quiet?: boolean;
  /** The command line, recorded in each results.json. */
  command?: string;
}

export interface ReproduceResult {
  profile: string;
  /** reports/index.html, when any experiment ran. */
  index?: string;
  ran: RunCommandResult[];
  failed: { config: string; code: ErrorCode; message: string }[];
}

export function registerReproduce(program: Command, io: Io): void {
  program
    .command('reproduce')
    .description('run every experiment config in configs/ with one profile and rebuild reports/index.html')
    .option('--profile <name>', 'smoke (minutes, CI) | quick (default) | paper (the paper\'s sizes; hours)', 'quick')
    .option('--only <names>', 'comma-separated experiment or config names, e.g. synthetic,mfh-gauss')
    .option('--configs <dir>', 'the directory of experiment YAMLs (default ./configs or the repository\'s)')
    .option('--reports <dir>', 'where results and reports go (env CCH_REPORTS_DIR; default ./reports)')
    .option('--force', 'recompute every cell, ignoring the cache')
    .option('--workers <n>', WORKERS_HELP, 'auto')
    .option('--queue <url>', QUEUE_HELP)
    .option('--quiet', 'no progress on stderr (warnings and errors still print)')
    .option('--json', 'print one JSON object on stdout')
    .addHelpText(
      'after',
      `
A failing experiment does not stop the others; the exit code is non-zero if any failed. Each
config's results go to <reports>/<config name>/; a reproduction stopped at any moment resumes from
the cell cache.

Examples:
  $ cch reproduce --profile smoke
  $ cch reproduce --only synthetic --profile paper`,
    )
    .action(async (options: ReproduceOptions & { json?: boolean }, command: Command) => {
      const backend = globalBackend(command);
      const result = await runReproduce({ ...options, backend, command: commandLine(command) }, io);
      if (options.json) printJson(io, result);
      else printReproduceSummary(result, io);
      if (result.failed.length > 0) {
        const { CchError } = await import('@cch-lab/core');
        for (const f of result.failed) io.stderr(`failed: ${f.config}: ${f.message}\n`);
        // The first failure's code decides the exit code (2 for a bad config, 3 for missing data, …).
        throw new CchError(result.failed[0].code, `${result.failed.length} of ${result.failed.length + result.ran.length} experiments failed`);
      }
    });
}

export async function runReproduce(options: ReproduceOptions, io: Io): Promise<ReproduceResult> {
  const { DataNotFoundError, UsageError, isCchError } = await import('@cch-lab/core');
  const { parseWorkers } = await import('../options/index.js');
  parseWorkers(options.workers); // a bad --workers or --queue fails once, before any experiment starts
  await resolveQueueUrl(options.queue, io.env);
  const dir = resolveConfigsDir(options.configs, io.cwd);
  let files: string[];
  try {
    files = readdirSync(dir)
      // `*.example.yaml` are templates for a user's own data, not paper experiments.
      .filter((f) => (f.endsWith('.yaml') || f.endsWith('.yml')) && !/\.example\.ya?ml$/.test(f))
      .sort();
  } catch {
    throw new DataNotFoundError(`no configs directory at ${dir}`, [dir], { hint: 'pass --configs DIR' });
  }
  const wanted = options.only?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (wanted !== undefined) {
    const stems = files.map((f) => path.basename(f).replace(/\.ya?ml$/, ''));
    const unknown = wanted.filter((w) => !stems.includes(w));
    if (unknown.length > 0) {
      throw new UsageError(`--only names no config: ${unknown.join(', ')}; available: ${stems.join(', ')}`, {
        details: { field: '--only', received: options.only },
      });
    }
    files = files.filter((f) => wanted.includes(path.basename(f).replace(/\.ya?ml$/, '')));
  }
  if (files.length === 0) throw new DataNotFoundError(`no experiment configs in ${dir}`, [path.join(dir, '*.yaml')]);

  const ran: RunCommandResult[] = [];
  const failed: ReproduceResult['failed'] = [];
  const display = createRunDisplay(io.reporter, { quiet: options.quiet === true });
  try {
    for (const [i, file] of files.entries()) {
      display.experiment(i + 1, files.length, file);
      try {
        ran.push(
          await runRun(
            {
              config: path.join(dir, file),
              set: [],
              profile: options.profile,
              force: options.force,
              reports: options.reports,
              backend: options.backend,
              workers: options.workers,
              ...(options.queue !== undefined ? { queue: options.queue } : {}),
              quiet: options.quiet,
              ...(options.command !== undefined ? { command: options.command } : {}),
              display,
            },
            io,
          ),
        );
      } catch (error) {
        // Without the queue's Redis every other experiment would fail the same way: stop here.
        if (!isCchError(error) || error.code === 'EUNAVAILABLE') throw error;
        failed.push({ config: file, code: error.code, message: error.message });
        display.reporter.warn(`${file}: ${error.message} (going on with the others)`);
      }
    }
  } finally {
    display.stop();
  }
  const index = path.join(resolveReportsDir(options.reports, io.env, io.cwd), 'index.html');
  return { profile: options.profile, ...(ran.length > 0 && existsSync(index) ? { index } : {}), ran, failed };
}

/** Each run's summary, then where the report is and one line per experiment. */
export function printReproduceSummary(result: ReproduceResult, io: Io): void {
  for (const r of result.ran) printRunSummary(r, io);
  const total = result.ran.length + result.failed.length;
  io.stdout(`\nreproduced ${result.ran.length} of ${total} experiments (${result.profile})${result.index !== undefined ? `: ${result.index}` : ''}\n`);
  for (const r of result.ran) io.stdout(`  ${r.name}: ${r.verdict ?? r.note ?? 'done (no verdict)'}\n`);
  for (const f of result.failed) io.stdout(`  ${f.config.replace(/\.ya?ml$/, '')}: failed (${f.code}): ${f.message}\n`);
}
