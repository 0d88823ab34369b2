import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, UsageError } from '@cch-lab/core';
import { testing, type ExperimentRegistry } from '@cch-lab/pipeline';
import { createBufferIo } from '../io.js';
import { printRunSummary, runRun, type RunCommandResult } from './run.js';

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

  it('prints one progress line per cell with an ETA on a non-terminal, and a line for the cached cells on a rerun', async () => {
    const dir = workspace('experiment: tiny\nrepeats: 2\nslopes: [1, 2]\n');
    const io = createBufferIo({ cwd: dir, env: { CCH_BACKEND: 'cpu' } });
    await runRun({ config: 'tiny.yaml', set: [], experiments }, io);
    const lines = io.err().split('\n').filter((l) => l.startsWith('tiny '));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^tiny 1\/4 slope=1\/rep=0 \(ETA (<1 s|\d+ s)\)$/);
    expect(lines[3]).toBe('tiny 4/4 slope=2/rep=1');
    const again = createBufferIo({ cwd: dir, env: { CCH_BACKEND: 'cpu' } });
    await runRun({ config: 'tiny.yaml', set: ['slopes=[1, 2, 3]'], experiments }, again);
    expect(again.err()).toMatch(/^tiny 4\/6 cached$/m);
    expect(again.err()).toMatch(/^tiny 6\/6 slope=3\/rep=1$/m);
  });

  it('--quiet prints no progress and no notes, but still the warnings', async () => {
    const dir = workspace('experiment: tiny\nrepeats: 2\nslopes: [1, 2]\n');
    const warning = { ...testing.tinyExperiment, runCell: async (...args: Parameters<typeof testing.tinyExperiment.runCell>) => {
      args[2].reporter.warn('a cell noticed something');
      args[2].reporter.info('a cell note');
      return testing.tinyExperiment.runCell(...args);
    } };
    const io = createBufferIo({ cwd: dir, env: { CCH_BACKEND: 'cpu' } });
    const result = await runRun({ config: 'tiny.yaml', set: [], experiments: { tiny: warning } as unknown as ExperimentRegistry, quiet: true }, io);
    expect(result.cells.ran).toBe(4);
    expect(io.err()).toBe('warning: a cell noticed something\n'.repeat(4));
  });

  it("records the command line without a queue URL's password", async () => {
    const dir = workspace('experiment: tiny\nrepeats: 1\nslopes: [1]\n');
    const io = createBufferIo({ cwd: dir, env: { CCH_BACKEND: 'cpu' } });
    const out = await runRun({ config: 'tiny.yaml', set: [], experiments, command: "cch run tiny.yaml --queue 'redis://lab:s3cret@q:6379/0'" }, io);
    const results = JSON.parse(readFileSync(out.results, 'utf8')) as { environment: { command: string } };
    expect(results.environment.command).toBe("cch run tiny.yaml --queue 'redis://lab:***@q:6379/0'");
  });

  it('writes reports/<config name>/ so two configs of one experiment keep their own results; records the command', async () => {
    const dir = workspace('experiment: tiny\nrepeats: 2\nslopes: [1, 2]\n');
    writeFileSync(path.join(dir, 'tiny-steep.yaml'), 'experiment: tiny\nrepeats: 2\nslopes: [5, 6]\n');
    const io = createBufferIo({ cwd: dir, env: { CCH_BACKEND: 'cpu' } });
    const plain = await runRun({ config: 'tiny.yaml', set: [], experiments }, io);
    const steep = await runRun({ config: 'tiny-steep.yaml', set: ['seed=3'], experiments }, io);
    expect(plain.results).toBe(path.join(dir, 'reports', 'tiny', 'results.json'));
    expect(steep.results).toBe(path.join(dir, 'reports', 'tiny-steep', 'results.json'));
    expect(steep.name).toBe('tiny-steep');
    const results = JSON.parse(readFileSync(steep.results, 'utf8')) as { environment: { command: string }; config: { slopes: number[] } };
    expect(results.config.slopes).toEqual([5, 6]);
    expect(results.environment.command).toBe('cch run tiny-steep.yaml --set seed=3');
    expect(JSON.parse(readFileSync(plain.results, 'utf8')).config.slopes).toEqual([1, 2]);
    const index = readFileSync(path.join(dir, 'reports', 'index.html'), 'utf8');
    expect(index).toContain('tiny/index.html');
    expect(index).toContain('tiny-steep/index.html');
    const out = createBufferIo();
    printRunSummary(steep, out);
    expect(out.out()).toMatch(/^tiny-steep \(tiny, quick, data: simulated\): 4 cells \(4 ran, 0 cached\) in [\d.]+ s\n/);
  });

  it('ends the summary with the scorecard verdict when there is one', () => {
    const result: RunCommandResult = {
      experiment: 'mosei', name: 'mosei', profile: 'smoke', results: '/r/mosei/results.json', csv: '/r/mosei/results.csv', report: '/r/mosei/index.html',
      cells: { total: 2, cached: 0, ran: 2 }, seconds: 5.23, sources: ['simulated'], summary: {}, adjustments: [], verdict: 'The CCH agreed in 3 of 3.', warnings: [],
    };
    const io = createBufferIo();
    printRunSummary(result, io);
    expect(io.out()).toBe(
      'mosei (smoke, data: simulated): 2 cells (2 ran, 0 cached) in 5.2 s\n  results: /r/mosei/results.json\n  report:  /r/mosei/index.html\n  verdict: The CCH agreed in 3 of 3.\n',
    );
  });
});
