/**
 * The native backend (tfjs-node) on the runner's worker threads, on the built CLI in child
 * processes: a sweep run on two worker threads gives the numbers of the same sweep on one, and
 * TensorFlow's start-up log stays off stderr. Runs where tfjs-node loads (`npm run setup:native`)
 * and always under CCH_EXPECT_NATIVE=1 (CI after a successful setup); skipped otherwise.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { probeBackend } from '@cch-lab/core';
import { comparableResults, type Json } from '../testing-fixtures/comparable-results.js';

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
const bin = path.join(repoRoot, 'apps', 'cli', 'bin', 'cch.js');
const run = (await probeBackend('node')).available || process.env.CCH_EXPECT_NATIVE === '1';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** `cch run configs/tcga.yaml --profile smoke --backend node` on `workers` threads. */
function tcgaSmokeOnNative(workers: number): { results: Json; backend: string; stderr: string } {
  const reports = mkdtempSync(path.join(os.tmpdir(), 'cch-native-workers-'));
  dirs.push(reports);
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // jest's --experimental-vm-modules is not the CLI's
  delete env.CCH_BACKEND;
  // The CLI's own defaults must keep TensorFlow quiet.
  delete env.TF_CPP_MIN_LOG_LEVEL;
  delete env.TF_ENABLE_ONEDNN_OPTS;
  const args = ['run', 'configs/tcga.yaml', '--profile', 'smoke', '--backend', 'node', '--workers', String(workers), '--quiet', '--reports', reports];
  const child = spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, env, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`cch ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  const file = path.join(reports, 'tcga', 'results.json');
  const backend = (JSON.parse(readFileSync(file, 'utf8')) as { backend: { name: string } }).backend.name;
  return { results: comparableResults(file), backend, stderr: child.stderr };
}

(run ? describe : describe.skip)('cli/run on the native backend with worker threads', () => {
  it('gives the same numbers on one and on two workers, and TensorFlow logs nothing on stderr', () => {
    execFileSync('npx', ['tsc', '-b', 'apps/cli/tsconfig.build.json'], { cwd: repoRoot, stdio: 'pipe' });
    const [one, two] = [tcgaSmokeOnNative(1), tcgaSmokeOnNative(2)];
    expect([one.backend, two.backend]).toEqual(['node', 'node']);
    expect(two.results).toEqual(one.results);
    for (const { stderr } of [one, two]) expect(stderr).not.toMatch(/absl::InitializeLog|oneDNN|port\.cc|cpu_feature_guard/);
  }, 240_000);
});
