import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveConfig } from '../config/resolve-config.js';
import { parseYamlSource } from '../config/yaml-source.js';
import { tinyExperiment, tinyRunCounter } from '../testing/tiny-experiment.js';
import type { ExperimentDefinition, ResultsFile } from '../types.js';
import { runExperiment } from './run-experiment.js';

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

function resolved(experiment: ExperimentDefinition = tinyExperiment as unknown as ExperimentDefinition, sets: string[] = []) {
  return resolveConfig(parseYamlSource(text, 'tiny.yaml'), sets, { tiny: experiment });
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
});
