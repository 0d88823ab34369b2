import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, UsageError } from '@cch-lab/core';
import { testing, type ExperimentRegistry } from '@cch-lab/pipeline';
import { createBufferIo } from '../io.js';
import { runRun } from './run.js';

// The tiny test experiment is not registered in EXPERIMENTS, so it is passed in.
const experiments = { tiny: testing.tinyExperiment } as unknown as ExperimentRegistry;

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function workspace(config: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cch-cli-run-'));
  tempDirs.push(dir);
  writeFileSync(path.join(dir, 'tiny.yaml'), config);
  return dir;
}

describe('cli/commands/run', () => {
  it('runs a config into results.json, results.csv, the experiment page and the index', async () => {
    const dir = workspace('experiment: tiny\nrepeats: 2\nslopes: [1, 2]\n');
    const io = createBufferIo({ cwd: dir, env: { CCH_BACKEND: 'cpu' } });
    const result = await runRun({ config: 'tiny.yaml', set: [], experiments }, io);
    expect(result.cells).toEqual({ total: 4, cached: 0, ran: 4 });
    expect(result.sources).toEqual(['simulated']);
    const page = readFileSync(result.report, 'utf8');
    expect(page).toContain('<svg');
    expect(page).toContain('Fitted slopes');
    expect(existsSync(path.join(dir, 'reports', 'index.html'))).toBe(true);
    expect(readFileSync(path.join(dir, 'reports', 'index.html'), 'utf8')).toContain('tiny/index.html');
    expect(io.err()).toMatch(/backend: cpu/);
  });

  it('names a misspelt key, its file and line, and writes nothing', async () => {
    const dir = workspace('experiment: tiny\nrepeats: 2\nslopez: [1, 2]\n');
    const io = createBufferIo({ cwd: dir, env: { CCH_BACKEND: 'cpu' } });
    const run = runRun({ config: 'tiny.yaml', set: [], experiments }, io);
    await expect(run).rejects.toThrow(ConfigError);
    await expect(runRun({ config: 'tiny.yaml', set: [], experiments }, io)).rejects.toThrow(
      /tiny\.yaml:3: slopez: unknown key 'slopez' \(did you mean 'slopes'\?\)/,
    );
    expect(existsSync(path.join(dir, 'reports'))).toBe(false);
  });

  it('refuses a --workers value that is not a count or auto, before running anything', async () => {
    const dir = workspace('experiment: tiny\nrepeats: 2\nslopes: [1, 2]\n');
    const io = createBufferIo({ cwd: dir, env: { CCH_BACKEND: 'cpu' } });
    for (const workers of ['0', 'two', '1.5']) {
      await expect(runRun({ config: 'tiny.yaml', set: [], experiments, workers }, io)).rejects.toThrow(UsageError);
    }
    expect(existsSync(path.join(dir, 'reports'))).toBe(false);
    const result = await runRun({ config: 'tiny.yaml', set: [], experiments, workers: 'auto' }, io);
    expect(result.cells.ran).toBe(4);
  });
});
