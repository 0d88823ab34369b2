import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveConfig } from '../config/resolve-config.js';
import { parseYamlSource } from '../config/yaml-source.js';
import { tinyExperiment, tinyRunCounter } from '../testing/tiny-experiment.js';
import type { ExperimentDefinition, ResultsFile } from '../types.js';
import { runExperiment } from './run-experiment.js';
import { acquireRunLock } from './run-lock.js';
import type { RunProgress } from './run-progress.js';

const backend = { name: 'cpu', reason: 'test', tfjsVersion: 'test' };
const text = 'experiment: tiny\nseed: 11\nrepeats: 2\nslopes: [1, 2, 3]\n';

const tempDirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function resolved(experiment: ExperimentDefinition = tinyExperiment as unknown as ExperimentDefinition, sets: string[] = [], file = 'tiny.yaml') {
  return resolveConfig(parseYamlSource(text, file), sets, { tiny: experiment });
}

/** results.json without what depends on when, where and how the run ran (timings, cache counts, environment). */
function comparable(results: ResultsFile): Partial<ResultsFile> {
  const { startedAt: _s, finishedAt: _f, seconds: _sec, cellCounts: _c, workers: _w, environment: _e, ...rest } = results;
  return rest;
}

describe('pipeline/run/run-experiment', () => {
  it('writes results.json and results.csv with every cell and the provenance', async () => {
    const dir = tempDir('cch-run-');
    const out = await runExperiment(resolved(), { reportsDir: dir, backend });
    const results = JSON.parse(readFileSync(out.jsonPath, 'utf8')) as ResultsFile;
    expect(results.experiment).toBe('tiny');
    expect(results.cells).toHaveLength(6);
    expect(results.cellCounts).toEqual({ total: 6, cached: 0, ran: 6 });
    expect(results.sources).toEqual(['simulated']);
    expect(results.backend.name).toBe('cpu');
    expect(results.config).toMatchObject({ seed: 11, repeats: 2 });
    const csv = readFileSync(out.csvPath, 'utf8').trim().split(/\r?\n/);
    expect(csv).toHaveLength(7);
    expect(csv[0]).toBe('slope,rep,estimate,error');
  });

  it("lists the cells' automatic adjustments once each in results.json, with how many cells made them", async () => {
    const adjusting: ExperimentDefinition = {
      ...(tinyExperiment as unknown as ExperimentDefinition),
      async runCell(cell, config, context) {
        const out = await tinyExperiment.runCell(cell as never, config as never, context);
        const slope = (cell.params as { slope: number }).slope;
        return { ...out, meta: { adjustments: slope > 1 ? ['k lowered to 3 for 20 rows'] : [] } };
      },
    };
    const out = await runExperiment(resolved(adjusting), { reportsDir: tempDir('cch-adjust-'), backend });
    const results = JSON.parse(readFileSync(out.jsonPath, 'utf8')) as ResultsFile;
    expect(results.adjustments).toEqual([{ note: 'k lowered to 3 for 20 rows', cells: 4, examples: ['slope=2/rep=0', 'slope=2/rep=1', 'slope=3/rep=0'] }]);
    const plain = await runExperiment(resolved(), { reportsDir: tempDir('cch-plain-'), backend });
    expect(plain.results.adjustments).toBeUndefined();
  });

  it('gives the same numbers for the same seed and different ones for another seed', async () => {
    const a = await runExperiment(resolved(), { reportsDir: tempDir('cch-a-'), backend });
    const b = await runExperiment(resolved(), { reportsDir: tempDir('cch-b-'), backend });
    const c = await runExperiment(resolved(undefined, ['seed=12']), { reportsDir: tempDir('cch-c-'), backend });
    expect(a.results.cells).toEqual(b.results.cells);
    expect(a.results.cells).not.toEqual(c.results.cells);
  });

  it('reuses cached cells and recomputes only what changed', async () => {
    const dir = tempDir('cch-cache-');
    await runExperiment(resolved(), { reportsDir: dir, backend });
    const before = tinyRunCounter.count;
    const again = await runExperiment(resolved(), { reportsDir: dir, backend });
    expect(tinyRunCounter.count).toBe(before);
    expect(again.results.cellCounts).toEqual({ total: 6, cached: 6, ran: 0 });
    const more = await runExperiment(resolved(undefined, ['slopes=[1, 2, 3, 4]']), { reportsDir: dir, backend });
    expect(more.results.cellCounts).toEqual({ total: 8, cached: 6, ran: 2 });
    const forced = await runExperiment(resolved(), { reportsDir: dir, backend, force: true });
    expect(forced.results.cellCounts.ran).toBe(6);
  });

  it('leaves earlier results intact when a cell fails', async () => {
    const dir = tempDir('cch-fail-');
    const first = await runExperiment(resolved(), { reportsDir: dir, backend });
    const earlier = readFileSync(first.jsonPath, 'utf8');
    const failing = {
      ...tinyExperiment,
      version: 2,
      runCell: async () => {
        throw new Error('boom');
      },
    } as unknown as ExperimentDefinition;
    await expect(runExperiment(resolved(failing), { reportsDir: dir, backend })).rejects.toThrow('boom');
    expect(readFileSync(first.jsonPath, 'utf8')).toBe(earlier);
  });

  it('treats a torn cache file as a miss', async () => {
    const dir = tempDir('cch-torn-');
    await runExperiment(resolved(), { reportsDir: dir, backend });
    const cacheDir = path.join(dir, '.cache', 'tiny');
    const { readdirSync } = await import('node:fs');
    const file = readdirSync(cacheDir)[0];
    writeFileSync(path.join(cacheDir, file), '{"key": "tr');
    const again = await runExperiment(resolved(), { reportsDir: dir, backend });
    expect(again.results.cellCounts).toEqual({ total: 6, cached: 5, ran: 1 });
  });
  it('keys cells on the config they read and on the content of their data files', async () => {
    const dir = tempDir('cch-run-data-');
    const file = path.join(dir, 'values.csv');
    writeFileSync(file, '1,2\n3,4\n');
    const reading: ExperimentDefinition = {
      ...(tinyExperiment as unknown as ExperimentDefinition),
      cellConfig: (config) => ({ title: (config as { title?: string }).title ?? null }),
      dataFiles: () => [file],
    };
    const first = await runExperiment(resolved(reading), { reportsDir: dir, backend });
    expect(first.results.cellCounts.ran).toBe(6);
    expect(Object.values(first.results.dataFingerprints ?? {})).toHaveLength(1);
    expect((await runExperiment(resolved(reading), { reportsDir: dir, backend })).results.cellCounts.cached).toBe(6);
    writeFileSync(file, '1,2\n3,5\n');
    expect((await runExperiment(resolved(reading), { reportsDir: dir, backend })).results.cellCounts.ran).toBe(6);
    // A config value the cells read (here the title) is part of their key.
    expect((await runExperiment(resolved(reading, ['title=other']), { reportsDir: dir, backend })).results.cellCounts.ran).toBe(6);
    rmSync(file);
    await expect(runExperiment(resolved(reading), { reportsDir: dir, backend })).rejects.toThrow(/a data file is missing/);
  });

  it('writes to reports/<config name>/, or the experiment name for an inline config', async () => {
    const dir = tempDir('cch-run-name-');
    const named = await runExperiment(resolved(undefined, [], path.join('configs', 'ablation-slopes.yaml')), { reportsDir: dir, backend });
    expect(named.dir).toBe(path.join(dir, 'ablation-slopes'));
    const inline = await runExperiment(resolved(undefined, ['seed=5'], '<inline>'), { reportsDir: dir, backend });
    expect(inline.dir).toBe(path.join(dir, 'tiny'));
    // Two configs of one experiment keep their own results; the cell cache is the experiment's.
    expect(JSON.parse(readFileSync(named.jsonPath, 'utf8')).seed).toBe(11);
    expect(JSON.parse(readFileSync(inline.jsonPath, 'utf8')).seed).toBe(5);
    expect(readdirSync(path.join(dir, '.cache'))).toEqual(['tiny']);
  });

  it('records the environment: command, git commit, config hash, platform, cores', async () => {
    const a = await runExperiment(resolved(), { reportsDir: tempDir('cch-env-'), backend, command: 'cch run tiny.yaml' });
    const env = a.results.environment;
    expect(env).toMatchObject({ command: 'cch run tiny.yaml', platform: `${process.platform}-${process.arch}` });
    expect(env?.gitCommit === null || /^[0-9a-f]{40}$/.test(env?.gitCommit ?? '')).toBe(true);
    expect(env?.cores).toBeGreaterThanOrEqual(1);
    expect(env?.configHash).toMatch(/^[0-9a-f]{16}$/);
    const b = await runExperiment(resolved(undefined, ['seed=12']), { reportsDir: tempDir('cch-env-'), backend });
    expect(b.results.environment?.configHash).not.toBe(env?.configHash);
    expect(b.results.environment).not.toHaveProperty('command');
  });

  it('reports the cache scan and each cell start and end, with an ETA', async () => {
    const dir = tempDir('cch-progress-');
    const events: RunProgress[] = [];
    await runExperiment(resolved(), { reportsDir: dir, backend, onProgress: (p) => events.push(p) });
    expect(events[0]).toMatchObject({ event: 'cache', name: 'tiny', experiment: 'tiny', done: 0, total: 6, cached: 0 });
    expect(events.filter((e) => e.event === 'start')).toHaveLength(6);
    const done = events.filter((e) => e.event === 'done');
    expect(done.map((e) => e.done)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(done.every((e) => typeof e.etaSeconds === 'number' && e.etaSeconds >= 0)).toBe(true);
    expect(done[5].etaSeconds).toBe(0);
    const again: RunProgress[] = [];
    await runExperiment(resolved(undefined, ['slopes=[1, 2, 3, 4]']), { reportsDir: dir, backend, onProgress: (p) => again.push(p) });
    expect(again[0]).toMatchObject({ event: 'cache', done: 6, total: 8, cached: 6 });
  });

  it('refuses a folder another live run holds, naming its pid, and leaves its results alone', async () => {
    const dir = tempDir('cch-held-');
    const first = await runExperiment(resolved(), { reportsDir: dir, backend });
    const before = readFileSync(first.jsonPath, 'utf8');
    const lock = await acquireRunLock(path.join(dir, 'tiny'), { command: 'cch run tiny.yaml' });
    try {
      await expect(runExperiment(resolved(), { reportsDir: dir, backend })).rejects.toThrow(`(pid ${process.pid}`);
      // The holder itself passes its lock in.
      await runExperiment(resolved(), { reportsDir: dir, backend, lock });
      expect(existsSync(lock.file)).toBe(true);
    } finally {
      lock.release();
    }
    expect(JSON.parse(readFileSync(first.jsonPath, 'utf8')).cells).toEqual(JSON.parse(before).cells);
  });

  it('resumes after an interruption with the results an uninterrupted run gives (fresh cells summarised as the cache stores them)', async () => {
    const whole = await runExperiment(resolved(), { reportsDir: tempDir('cch-whole-'), backend });
    const dir = tempDir('cch-resume-');
    let calls = 0;
    const dying = {
      ...tinyExperiment,
      async runCell(...args: Parameters<typeof tinyExperiment.runCell>) {
        if (++calls > 3) throw new Error('killed');
        return { ...(await tinyExperiment.runCell(...args)), meta: { ratio: Number.NaN, values: new Float32Array([0.1, 0.2]) } };
      },
    } as unknown as ExperimentDefinition;
    await expect(runExperiment(resolved(dying), { reportsDir: dir, backend })).rejects.toThrow('killed');
    expect(existsSync(path.join(dir, 'tiny', 'results.json'))).toBe(false);
    // The same code (same cache keys) without the interruption: 3 cells cached, 3 computed.
    calls = -100;
    const resumed = await runExperiment(resolved(dying), { reportsDir: dir, backend });
    expect(resumed.results.cellCounts).toEqual({ total: 6, cached: 3, ran: 3 });
    const fresh = await runExperiment(resolved(dying), { reportsDir: tempDir('cch-fresh-'), backend });
    expect(comparable(resumed.results)).toEqual(comparable(fresh.results));
    expect(resumed.results.cells).toEqual(whole.results.cells);
    expect(Object.values(fresh.results.cellMeta ?? {})[0]).toEqual({ ratio: null, values: [Math.fround(0.1), Math.fround(0.2)] });
  });
});
