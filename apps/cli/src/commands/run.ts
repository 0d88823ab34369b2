/** `cch run CONFIG [--set key=value]…` — one experiment from a YAML config, then its report. */
import path from 'node:path';
import type { ExperimentRegistry, ResultsFile } from '@cch-lab/pipeline';
import type { Command } from 'commander';
import { printJson, type Io } from '../io.js';
import { WORKERS_HELP, collect, globalBackend, parseWorkers, selectBackend } from '../options/index.js';
import { resolveReportsDir } from '../paths.js';

export interface RunCommandOptions {
  config: string;
  set: string[];
  profile?: string;
  force?: boolean;
  reports?: string;
  backend?: string;
  /** Worker threads for the cells: a number or 'auto' (default: one per core). */
  workers?: string | number;
  /** The experiments to resolve against. Default: every registered one (EXPERIMENTS). */
  experiments?: ExperimentRegistry;
}

export interface RunCommandResult {
  experiment: string;
  profile: string;
  results: string;
  csv: string;
  report: string;
  cells: ResultsFile['cellCounts'];
  seconds: number;
  sources: ResultsFile['sources'];
  summary: Record<string, unknown>;
  warnings: string[];
}

export function registerRun(program: Command, io: Io): void {
  program
    .command('run')
    .description('run one experiment from a YAML config and write reports/<experiment>/ (results.json, results.csv, index.html)')
    .argument('<config>', 'the experiment YAML, e.g. configs/synthetic.yaml')
    .option('--set <key=value>', 'override a config key (repeatable); the value is YAML: --set kd.lambda=[0.2,0.5]', collect, [])
    .option('--profile <name>', 'smoke | quick | paper (same as --set profile=NAME)')
    .option('--force', 'recompute every cell, ignoring the cache')
    .option('--workers <n>', WORKERS_HELP, 'auto')
    .option('--reports <dir>', 'where results and reports go (env CCH_REPORTS_DIR; default ./reports)')
    .option('--json', 'print one JSON object on stdout instead of the summary')
    .addHelpText(
      'after',
      `
Each cell of the sweep is cached under the hash of its resolved config and the code version;
rerunning skips finished cells. Results are written only when every cell has finished. Each cell
draws from its own stream (the config seed and the cell id), so the numbers are the same with any
--workers count.

Examples:
  $ cch run configs/synthetic.yaml --profile smoke
  $ cch run configs/synthetic.yaml --set repeats=10 --set kd.lambda=[0.2,0.5] --json`,
    )
    .action(async (config: string, options: Omit<RunCommandOptions, 'config'> & { json?: boolean }, command: Command) => {
      const backend = globalBackend(command);
      const result = await runRun({ ...options, config, backend }, io);
      if (options.json) printJson(io, result);
      else printRunSummary(result, io);
    });
}

export async function runRun(options: RunCommandOptions, io: Io): Promise<RunCommandResult> {
  const { EXPERIMENTS, readYamlSource, resolveConfig, runExperiment } = await import('@cch-lab/pipeline');
  const { writeExperimentReport, writeReportIndex } = await import('@cch-lab/report');
  const sets = [...(options.profile !== undefined ? [`profile=${options.profile}`] : []), ...options.set];
  const source = readYamlSource(path.resolve(io.cwd, options.config));
  const resolved = resolveConfig(source, sets, options.experiments ?? EXPERIMENTS);
  const workers = parseWorkers(options.workers);
  const backend = await selectBackend(options.backend, io);
  const reportsDir = resolveReportsDir(options.reports, io.env, io.cwd);
  io.reporter.info(`running ${resolved.definition.name} (profile ${resolved.config.profile}, seed ${resolved.config.seed})`);
  const outcome = await runExperiment(resolved, {
    reportsDir,
    backend: { name: backend.name, reason: backend.reason, tfjsVersion: backend.tfjsVersion },
    reporter: io.reporter,
    force: options.force === true,
    workers,
  });
  const page = await writeExperimentReport(outcome.dir, outcome.results);
  const index = await writeReportIndex(reportsDir);
  const warnings = [...page.warnings, ...index.warnings];
  for (const w of warnings) io.reporter.warn(w);
  return {
    experiment: outcome.results.experiment,
    profile: outcome.results.profile,
    results: outcome.jsonPath,
    csv: outcome.csvPath,
    report: page.htmlPath,
    cells: outcome.results.cellCounts,
    seconds: outcome.results.seconds,
    sources: outcome.results.sources,
    summary: outcome.results.summary,
    warnings,
  };
}

export function printRunSummary(result: RunCommandResult, io: Io): void {
  const c = result.cells;
  io.stdout(
    `${result.experiment} (${result.profile}, data: ${result.sources.join(', ')}): ${c.total} cells (${c.ran} ran, ${c.cached} cached) in ${result.seconds.toFixed(1)} s\n` +
      `  results: ${result.results}\n  report:  ${result.report}\n`,
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
