/** `cch run CONFIG [--set key=value]…` — one experiment from a YAML config, then its report. */
import path from 'node:path';
import type { ExperimentRegistry, ResultsFile } from '@cch-lab/pipeline';
import type { Command } from 'commander';
import { printJson, type Io } from '../io.js';
import { globalBackend, selectBackend } from '../options/backend.js';
import { commandLine, shellQuote } from '../options/command-line.js';
import { WORKERS_HELP } from '../options/definitions.js';
import { QUEUE_HELP, resolveQueueUrl } from '../options/queue.js';
import { collect } from '../options/repeatable.js';
import { resolveReportsDir } from '../paths.js';
import { createRunDisplay, type RunDisplay } from '../stderr-reporter.js';

/** How long a run waits for another run's report index write (held for well under a second). */
const INDEX_LOCK_WAIT_MS = 120_000;

export interface RunCommandOptions {
  config: string;
  set: string[];
  profile?: string;
  force?: boolean;
  reports?: string;
  backend?: string;
  /** Worker threads for the cells: a number or 'auto' (default: one per core). */
  workers?: string | number;
  /** Run the uncached cells as jobs on this queue (redis://…; default CCH_QUEUE, else locally). */
  queue?: string;
  /** The experiments to resolve against. Default: every registered one (EXPERIMENTS). */
  experiments?: ExperimentRegistry;
  /** No progress or notes on stderr; warnings and errors still print. */
  quiet?: boolean;
  /** The command line, recorded in results.json (default: rebuilt from these options). */
  command?: string;
  /** The display to report to (a reproduction's, which spans several runs). Default: a display of this run. */
  display?: RunDisplay;
}

export interface RunCommandResult {
  experiment: string;
  /** The results folder's name under the reports dir: the config file's name. */
  name: string;
  profile: string;
  results: string;
  csv: string;
  report: string;
  cells: ResultsFile['cellCounts'];
  seconds: number;
  sources: ResultsFile['sources'];
  summary: Record<string, unknown>;
  /** Every automatic adjustment the cells made (lowered or capped k, drops, imputation), with how many cells made it. */
  adjustments: NonNullable<ResultsFile['adjustments']>;
  /** The scorecard's one-sentence verdict, when the experiment scores one. */
  verdict?: string;
  /** The experiment's first note (what a reproduction shows when there is no verdict). */
  note?: string;
  warnings: string[];
}

export function registerRun(program: Command, io: Io): void {
  program
    .command('run')
    .description('run one experiment from a YAML config and write reports/<config name>/ (results.json, results.csv, index.html)')
    .argument('<config>', 'the experiment YAML, e.g. configs/synthetic.yaml')
    .option('--set <key=value>', 'override a config key (repeatable); the value is YAML: --set kd.lambda=[0.2,0.5]', collect, [])
    .option('--profile <name>', 'smoke | quick | paper (same as --set profile=NAME)')
    .option('--force', 'recompute every cell, ignoring the cache')
    .option('--workers <n>', WORKERS_HELP, 'auto')
    .option('--queue <url>', QUEUE_HELP)
    .option('--reports <dir>', 'where results and reports go (env CCH_REPORTS_DIR; default ./reports)')
    .option('--quiet', 'no progress on stderr (warnings and errors still print)')
    .option('--json', 'print one JSON object on stdout instead of the summary')
    .addHelpText(
      'after',
      `
Results go to <reports>/<config name>/ (configs/ablation-lambda.yaml → reports/ablation-lambda/).
Each cell of the sweep is cached under the hash of its resolved config and the code version;
rerunning skips finished cells, so a run stopped at any moment (Ctrl-C, kill -9) resumes where it
was and ends with the results an uninterrupted run gives. Results are written only when every
cell has finished. Each cell draws from its own stream (the config seed and the cell id), so the
numbers are the same with any --workers count. One run at a time per results folder: another run
on the same config and --reports exits 2 naming the pid that holds it (a dead run's lock is
taken over).

With --queue the uncached cells become jobs on a BullMQ queue in Redis (job id = cache key) and
\`cch worker --queue URL\` processes, on this or other machines with the same code, run them; this
command waits, caches each output as it arrives and writes the same results.json a local run
writes. Stopped and started again, it attaches to the jobs already queued or finished.

Examples:
  $ cch run configs/synthetic.yaml --profile smoke
  $ cch run configs/synthetic.yaml --set repeats=10 --set kd.lambda=[0.2,0.5] --json
  $ cch run configs/tcga.yaml --profile paper --queue redis://queue.lab:6379`,
    )
    .action(async (config: string, options: Omit<RunCommandOptions, 'config'> & { json?: boolean }, command: Command) => {
      const backend = globalBackend(command);
      const result = await runRun({ ...options, config, backend, command: commandLine(command) }, io);
      if (options.json) printJson(io, result);
      else printRunSummary(result, io);
    });
}

export async function runRun(options: RunCommandOptions, io: Io): Promise<RunCommandResult> {
  const { EXPERIMENTS, acquireRunLock, adjustmentLines, readYamlSource, redactQueueUrl, resolveConfig, resultsDirName, runExperiment } = await import('@cch-lab/pipeline');
  const { writeExperimentReport, writeReportIndex } = await import('@cch-lab/report');
  const { parseWorkers } = await import('../options/index.js');
  const sets = [...(options.profile !== undefined ? [`profile=${options.profile}`] : []), ...options.set];
  const source = readYamlSource(path.resolve(io.cwd, options.config));
  const resolved = resolveConfig(source, sets, options.experiments ?? EXPERIMENTS);
  const workers = parseWorkers(options.workers);
  const queue = await resolveQueueUrl(options.queue, io.env);
  const quiet = options.quiet === true;
  const reportsDir = resolveReportsDir(options.reports, io.env, io.cwd);
  // The queue URL's password never reaches results.json or the lock file.
  const command = redactQueueUrl(options.command ?? rebuiltCommand(options));
  const dir = path.join(reportsDir, resultsDirName(resolved));

  // Taken before anything slow and held until the page is written: a second run on this folder fails at once, naming this one.
  const lock = await acquireRunLock(dir, { command });
  const display = options.display ?? createRunDisplay(io.reporter, { quiet });
  let outcome;
  let page;
  try {
    const backend = await selectBackend(options.backend, { ...io, reporter: display.reporter });
    display.reporter.info(`running ${resolved.definition.name} (profile ${resolved.config.profile}, seed ${resolved.config.seed})`);
    outcome = await runExperiment(resolved, {
      reportsDir,
      backend: { name: backend.name, reason: backend.reason, tfjsVersion: backend.tfjsVersion },
      reporter: display.reporter,
      onProgress: (p) => display.progress(p),
      force: options.force === true,
      workers,
      ...(queue !== undefined ? { queue: { url: queue } } : {}),
      command,
      lock,
    });
    page = await writeExperimentReport(outcome.dir, outcome.results);
  } finally {
    lock.release();
    if (options.display === undefined) display.stop();
  }
  // The index reads every results folder: one writer at a time, so none misses a run that just finished.
  const indexLock = await acquireRunLock(reportsDir, { command, fileName: '.index.lock', waitMs: INDEX_LOCK_WAIT_MS, pollMs: 50 });
  let index;
  try {
    index = await writeReportIndex(reportsDir);
  } finally {
    indexLock.release();
  }
  const warnings = [...page.warnings, ...index.warnings];
  for (const w of warnings) io.reporter.warn(w);
  const { results } = outcome;
  const adjustments = results.adjustments ?? [];
  for (const line of adjustmentLines(adjustments, results.cellCounts.total)) io.reporter.warn(`${path.basename(outcome.dir)}: adjusted: ${line}`);
  return {
    experiment: results.experiment,
    name: path.basename(outcome.dir),
    profile: results.profile,
    results: outcome.jsonPath,
    csv: outcome.csvPath,
    report: page.htmlPath,
    cells: results.cellCounts,
    seconds: results.seconds,
    sources: results.sources,
    summary: results.summary,
    adjustments,
    ...(results.scorecard?.verdict !== undefined ? { verdict: results.scorecard.verdict } : {}),
    ...(results.notes[0] !== undefined ? { note: results.notes[0] } : {}),
    warnings,
  };
}

/** `cch run CONFIG --profile P --set …` from the options, for callers that did not pass the command line. */
function rebuiltCommand(options: RunCommandOptions): string {
  const args = ['run', options.config];
  if (options.profile !== undefined) args.push('--profile', options.profile);
  for (const set of options.set) args.push('--set', set);
  if (options.force === true) args.push('--force');
  if (options.workers !== undefined) args.push('--workers', String(options.workers));
  if (options.queue !== undefined) args.push('--queue', options.queue);
  if (options.reports !== undefined) args.push('--reports', options.reports);
  return ['cch', ...args].map(shellQuote).join(' ');
}

export function printRunSummary(result: RunCommandResult, io: Io): void {
  const c = result.cells;
  const experiment = result.name !== result.experiment ? `${result.experiment}, ` : '';
  io.stdout(
    `${result.name} (${experiment}${result.profile}, data: ${result.sources.join(', ')}): ${c.total} cells (${c.ran} ran, ${c.cached} cached) in ${result.seconds.toFixed(1)} s\n` +
      `  results: ${result.results}\n  report:  ${result.report}\n` +
      (result.verdict !== undefined ? `  verdict: ${result.verdict}\n` : ''),
  );
  for (const [key, value] of Object.entries(result.summary)) {
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
      io.stdout(`  ${key}: ${typeof value === 'number' ? formatNumber(value) : value}\n`);
    }
  }
}

function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toPrecision(4);
}
