/**
 * Runs a resolved experiment: take the results folder's lock → expand cells → for each, take it
 * from the cache or run it with its own seeded stream → summarise → write `results.json` and
 * `results.csv` atomically. Nothing is written to the results files until every cell has
 * finished, so a failed or killed run leaves the previous results intact; finished cells stay in
 * the cache (one atomic file each, a torn one is a miss), so the rerun computes only the rest and
 * ends with the same results an uninterrupted run gives.
 */
import os from 'node:os';
import path from 'node:path';
import { ConfigError, InternalError, contentHash, silentReporter, type Reporter } from '@cch-lab/core';
import { writeCsvAtomic, writeJsonAtomic } from '@cch-lab/data';
import type { ResolvedConfig } from '../config/resolve-config.js';
import type { Cell, CellOutput, CellRecord, ExperimentDefinition, ResultsFile } from '../types.js';
import { CellCache } from './cell-cache.js';
import { keyCell } from './cell-keys.js';
import { codeVersion } from './code-version.js';
import { gitCommit } from './git-commit.js';
import { removeOrphanTempFiles } from './orphan-temp-files.js';
import { resultsDirName } from './results-dir.js';
import { ProgressTracker, type RunProgress } from './run-progress.js';
import { acquireRunLock, type RunLock } from './run-lock.js';
import { collectAdjustments } from './adjustments.js';
import { runCells } from './run-cells.js';
import { runCellsOnQueue, type QueueRunOptions } from '../queue/queue-run-cells.js';

export interface RunOptions {
  /** Results go to `<reportsDir>/<config name>/` (see resultsDirName); the cell cache to `<reportsDir>/.cache/<experiment>/`. */
  reportsDir: string;
  /** The tensor backend in use and why (from core's chooseBackend). */
  backend: { name: string; reason: string; tfjsVersion: string };
  /** Warnings and notes (cells' own progress is not forwarded: the run reports one progress). Default: silent. */
  reporter?: Reporter;
  /** The run's progress (cache scan, each cell's start and end, ETA). Default: `reporter.progress` per finished cell. */
  onProgress?: (progress: RunProgress) => void;
  /** Recompute every cell even when cached. Default false. */
  force?: boolean;
  /**
   * Worker threads for the cells that are not cached. Default 1 (this thread). The numbers are
   * the same for any count: each cell's stream comes from the seed and its id alone.
   */
  workers?: number;
  /** The command line, for results.json's `environment` and the lock (e.g. `cch run configs/x.yaml --profile smoke`). */
  command?: string;
  /**
   * The results folder's lock, when the caller took it (to keep it while it writes the report
   * page too). Default: this run takes it and releases it when done.
   */
  lock?: RunLock;
  /**
   * Run the uncached cells as jobs on this BullMQ queue (Redis) instead of here: `cch worker`
   * processes on any machine run them; outputs are cached here as they arrive. `workers` is then
   * not used.
   */
  queue?: QueueRunOptions;
  /** Clock, for tests. */
  now?: () => Date;
}

export interface RunOutcome {
  results: ResultsFile;
  /** The directory holding results.json, results.csv (and the report's index.html). */
  dir: string;
  jsonPath: string;
  csvPath: string;
}

export async function runExperiment(resolved: ResolvedConfig, options: RunOptions): Promise<RunOutcome> {
  const dir = path.join(options.reportsDir, resultsDirName(resolved));
  if (options.lock !== undefined && path.resolve(options.lock.dir) !== path.resolve(dir)) {
    throw new InternalError(`runExperiment was given the lock of ${options.lock.dir}, not of ${dir}`);
  }
  const lock = options.lock ?? (await acquireRunLock(dir, options.command !== undefined ? { command: options.command } : {}));
  try {
    return await runLocked(resolved, options, dir);
  } finally {
    if (options.lock === undefined) lock.release();
  }
}

async function runLocked(resolved: ResolvedConfig, options: RunOptions, dir: string): Promise<RunOutcome> {
  const { definition, config } = resolved;
  const reporter = options.reporter ?? silentReporter;
  const now = options.now ?? (() => new Date());
  const started = now();
  const t0 = performance.now();

  const cells = definition.cells(config);
  const ids = new Set<string>();
  for (const cell of cells) {
    if (ids.has(cell.id)) throw new InternalError(`experiment ${definition.name} produced the cell id '${cell.id}' twice`);
    ids.add(cell.id);
  }

  const cacheDir = path.join(options.reportsDir, '.cache', definition.name);
  const dataCacheDir = path.join(options.reportsDir, '.cache', 'data');
  for (const d of [cacheDir, dataCacheDir, dir]) removeOrphanTempFiles(d);
  const cache = new CellCache(cacheDir);
  const dataFingerprints: Record<string, string> = {};
  // Missing data files fail here, before any cell runs.
  const keyed = cells.map((cell) => keyCell(definition, config, cell, options.backend.name));
  for (const k of keyed) Object.assign(dataFingerprints, k.data);
  const keys = keyed.map((k) => k.key);
  const outputs: (CellOutput | undefined)[] = new Array(cells.length);
  const misses: { index: number; cell: Cell }[] = [];
  for (const [index, cell] of cells.entries()) {
    const hit = options.force ? undefined : cache.get(keys[index]);
    if (hit === undefined) misses.push({ index, cell });
    else outputs[index] = hit.output;
  }
  if (misses.length > 0 && definition.preflight !== undefined) {
    const issues = await definition.preflight(config);
    if (issues.length > 0) throw new ConfigError(resolved.file, issues, { hint: 'these checks read the data the config points at; change the keys named (or the data)' });
  }
  const cached = cells.length - misses.length;
  const name = path.basename(dir);
  const emit =
    options.onProgress ??
    ((p: RunProgress) => {
      if (p.event === 'done') reporter.progress(name, p.done, p.total, p.cell);
      else if (p.event === 'cache' && p.cached > 0) reporter.progress(name, p.done, p.total, `${p.cached} cached`);
    });
  const progress = new ProgressTracker({ experiment: definition.name, name, total: cells.length, cached }, emit);
  progress.scanned();
  const cellReporter: Reporter = { info: (m) => reporter.info(m), warn: (m) => reporter.warn(m), progress: () => undefined };
  let workers: number;
  if (options.queue !== undefined) {
    const queued = await runCellsOnQueue(misses, {
      ...options.queue,
      definition,
      config: config as unknown as Record<string, unknown>,
      configFile: resolved.file,
      backend: options.backend.name,
      keyed,
      reporter,
      onStart(index) {
        progress.started(cells[index].id);
      },
      async onDone(index, output, seconds, worker) {
        outputs[index] = cache.put(keys[index], cells[index].id, output, seconds);
        progress.finished(`${cells[index].id} (${worker})`);
      },
    });
    const counts = Object.entries(queued.byWorker);
    if (counts.length > 0) reporter.info(`${definition.name}: ${counts.map(([w, n]) => `${n} cells on ${w}`).join(', ')}`);
    workers = counts.length;
  } else {
    workers = await runCells(misses, {
      definition: definition,
      config,
      seed: config.seed,
      backend: options.backend.name,
      dataCacheDir,
      // Cells' own progress (epochs, subsamples) would start a display per model; the run reports one.
      reporter: cellReporter,
      workers: options.workers ?? 1,
      onStart(index) {
        progress.started(cells[index].id);
      },
      async onDone(index, output, seconds) {
        outputs[index] = cache.put(keys[index], cells[index].id, output, seconds);
        progress.finished(cells[index].id);
      },
    });
  }
  const records: CellRecord[] = cells.map((cell, index) => ({ cell, output: outputs[index] as CellOutput }));

  const summary = definition.summarize(records, config);
  const cellMeta: Record<string, Record<string, unknown>> = {};
  for (const { cell, output } of records) if (output.meta !== undefined) cellMeta[cell.id] = output.meta;
  const adjustments = collectAdjustments(records);
  const finished = now();
  const results: ResultsFile = {
    experiment: definition.name,
    title: config.title ?? definition.title,
    description: definition.description,
    profile: config.profile,
    seed: config.seed,
    config: config as unknown as Record<string, unknown>,
    configFile: resolved.file,
    backend: { name: options.backend.name, reason: options.backend.reason },
    environment: {
      ...(options.command !== undefined ? { command: options.command } : {}),
      gitCommit: gitCommit(),
      configHash: contentHash(config),
      platform: `${process.platform}-${process.arch}`,
      cores: typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length,
    },
    versions: {
      cchLab: codeVersion(),
      experiment: definition.version,
      node: process.versions.node,
      tfjs: options.backend.tfjsVersion,
    },
    sources: summary.sources,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    seconds: (performance.now() - t0) / 1000,
    cellCounts: { total: cells.length, cached, ran: cells.length - cached },
    workers,
    cells: summary.rows,
    ...(adjustments.length > 0 ? { adjustments } : {}),
    ...(Object.keys(cellMeta).length > 0 ? { cellMeta } : {}),
    ...(Object.keys(dataFingerprints).length > 0 ? { dataFingerprints } : {}),
    summary: summary.summary,
    ...(summary.scorecard !== undefined ? { scorecard: summary.scorecard } : {}),
    tables: summary.tables,
    figures: summary.figures,
    notes: summary.notes ?? [],
  };

  const jsonPath = path.join(dir, 'results.json');
  const csvPath = path.join(dir, 'results.csv');
  await writeCsvAtomic(csvPath, summary.rows);
  await writeJsonAtomic(jsonPath, results);
  return { results, dir, jsonPath, csvPath };
}
