import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { effectiveWorkers } from './run-cells.js';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const repoRoot = path.resolve(packageDir, '../..');

/**
 * Runs in the compiled dist (worker_threads cannot load TypeScript): small smoke runs of the
 * registered experiments with one thread and with two cell workers, which must give the same
 * numbers. mfh-gauss and tcga train with tfjs, so the workers also activate the parent's backend.
 */
const SCRIPT = `
import { mkdtempSync, rmSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { chooseBackend } from '@cch-lab/core';
import { EXPERIMENTS, readYamlSource, resolveConfig, runExperiment } from './dist/index.js';
const backend = await chooseBackend({ requested: 'wasm', env: {} });
const sets = {
  synthetic: ['profile=smoke', 'margins=[-0.2, 0.3]', 'data.n=[300]', 'repeats=3'],
  'mfh-gauss': ['profile=smoke', 'sweeps.gamma=[10]', 'sweeps.alpha=[0]', 'repeats=2', 'train.epochs=20'],
  tcga: ['profile=smoke', 'repeats=1', 'train.epochs=5'],
};
const out = {};
for (const [name, set] of Object.entries(sets)) {
  const resolved = resolveConfig(readYamlSource(path.join(${JSON.stringify(repoRoot)}, 'configs', name + '.yaml')), set, EXPERIMENTS);
  const runs = [];
  for (const workers of [1, 2]) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cch-cell-workers-'));
    try {
      const { results } = await runExperiment(resolved, { reportsDir: dir, backend: { name: backend.name, reason: '', tfjsVersion: '' }, workers });
      runs.push(results);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  out[name] = { workers: runs.map((r) => r.workers), cells: runs[0].cells.length, same: isDeepStrictEqual(runs[0].cells, runs[1].cells) && isDeepStrictEqual(runs[0].summary, runs[1].summary) };
}
console.log(JSON.stringify(out));
`;

describe('pipeline/run-cells', () => {
  it('runs cells in this thread under jest, saying why', () => {
    expect(effectiveWorkers('synthetic', 2, 10)).toEqual({ workers: 1, note: 'running from TypeScript sources: cells run in this thread' });
    expect(effectiveWorkers('synthetic', 4, 1)).toEqual({ workers: 1 });
  });

  it('gives the same numbers on two cell workers as in one thread (compiled dist)', () => {
    execFileSync('npx', ['tsc', '-b', 'packages/pipeline/tsconfig.build.json'], { cwd: repoRoot, stdio: 'pipe' });
    const out = execFileSync(process.execPath, ['--input-type=module'], { cwd: packageDir, encoding: 'utf8', input: SCRIPT });
    const result = JSON.parse(out.trim().split('\n').pop() as string) as Record<string, { workers: number[]; cells: number; same: boolean }>;
    for (const name of ['synthetic', 'mfh-gauss', 'tcga']) {
      expect(result[name].workers).toEqual([1, 2]);
      expect(result[name].cells).toBeGreaterThan(0);
      expect(result[name].same).toBe(true);
    }
  }, 240_000);
});
