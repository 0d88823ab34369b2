/**
 * Runs a resolved experiment: expand cells → for each, take it from the cache or run it with its
 * own seeded stream → summarise → write `results.json` and `results.csv` atomically. Nothing is
 * written to the results files until every cell has finished, so a failed run leaves the previous
 * results intact (finished cells stay in the cache and are not recomputed next time).
 */
import path from 'node:path';
import { InternalError, silentReporter, type Reporter } from '@cch-lab/core';
import { fingerprintFiles, writeCsvAtomic, writeJsonAtomic } from '@cch-lab/data';
import type { ResolvedConfig } from '../config/resolve-config.js';
import type { Cell, CellOutput, CellRecord, ExperimentDefinition, ResultsFile } from '../types.js';
import { CellCache, cellKey } from './cell-cache.js';
import { codeVersion } from './code-version.js';
import { runCells } from './run-cells.js';

export interface RunOptions {
  /** Results go to `<reportsDir>/<experiment>/`. */
  reportsDir: string;
  /** The tensor backend in use and why (from core's chooseBackend). */
  backend: { name: string; reason: string; tfjsVersion: string };
  /** Progress and warnings. Default: silent. */
  reporter?: Reporter;
  /** Recompute every cell even when cached. Default false. */
  force?: boolean;
  /**
   * Worker threads for the cells that are not cached. Default 1 (this thread). The numbers are
   * the same for any count: each cell's stream comes from the seed and its id alone.
   */
  workers?: number;
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

  const cache = new CellCache(path.join(options.reportsDir, '.cache', definition.name));
  const cellConfig = definition.cellConfig ? definition.cellConfig(config) : configReadByCells(config);
  const dataFingerprints: Record<string, string> = {};
  const keys = cells.map((cell) => {
    // Missing data files fail here, before any cell runs.
    const data = definition.dataFiles ? fingerprintFiles(definition.dataFiles(cell, config)) : undefined;
    Object.assign(dataFingerprints, data);
    return cellKey({
      experiment: definition.name,
      experimentVersion: definition.version,
      codeVersion: codeVersion(),
      seed: config.seed,
      backend: options.backend.name,
      cell,
      config: cellConfig,
      data,
    });
  });
  const outputs: (CellOutput | undefined)[] = new Array(cells.length);
  const misses: { index: number; cell: Cell }[] = [];
  let done = 0;
  for (const [index, cell] of cells.entries()) {
    const hit = options.force ? undefined : cache.get(keys[index]);
    if (hit === undefined) {
      misses.push({ index, cell });
      continue;
    }
    outputs[index] = hit.output;
    reporter.progress(definition.name, ++done, cells.length, `${cell.id} (cached)`);
  }
  const cached = cells.length - misses.length;
  const workers = await runCells(misses, {
    definition: definition,
    config,
    seed: config.seed,
    backend: options.backend.name,
    dataCacheDir: path.join(options.reportsDir, '.cache', 'data'),
    reporter,
    workers: options.workers ?? 1,
    async onDone(index, output, seconds) {
      await cache.put(keys[index], cells[index].id, output, seconds);
      outputs[index] = output;
      reporter.progress(definition.name, ++done, cells.length, cells[index].id);
    },
  });
  const records: CellRecord[] = cells.map((cell, index) => ({ cell, output: outputs[index] as CellOutput }));

  const summary = definition.summarize(records, config);
  const cellMeta: Record<string, Record<string, unknown>> = {};
  for (const { cell, output } of records) if (output.meta !== undefined) cellMeta[cell.id] = output.meta;
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
    ...(Object.keys(cellMeta).length > 0 ? { cellMeta } : {}),
    ...(Object.keys(dataFingerprints).length > 0 ? { dataFingerprints } : {}),
    summary: summary.summary,
    ...(summary.scorecard !== undefined ? { scorecard: summary.scorecard } : {}),
    tables: summary.tables,
    figures: summary.figures,
    notes: summary.notes ?? [],
  };

  const dir = path.join(options.reportsDir, definition.name);
  const jsonPath = path.join(dir, 'results.json');
  const csvPath = path.join(dir, 'results.csv');
  await writeCsvAtomic(csvPath, summary.rows);
  await writeJsonAtomic(jsonPath, results);
  return { results, dir, jsonPath, csvPath };
}

/** The default `cellConfig`: everything but the keys that only name or label the run. */
function configReadByCells(config: Record<string, unknown> | object): Record<string, unknown> {
  const { title: _title, profile: _profile, profiles: _profiles, ...rest } = config as Record<string, unknown>;
  return rest;
}
