/**
 * The runner's guarantees, on the built CLI in child processes: a run killed with SIGKILL at any
 * moment resumes and ends with the results an uninterrupted run gives; a torn cache entry is a
 * miss; two runs at once on one reports folder corrupt neither the cache nor the results.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { comparableResults } from '../testing-fixtures/comparable-results.js';

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
const bin = path.join(repoRoot, 'apps', 'cli', 'bin', 'cch.js');
const config = path.join(repoRoot, 'configs', 'synthetic.yaml');
// Smoke with more repeats: 60 cells of ~0.1 s, so a kill lands between the first cached cell and the end.
const ARGS = ['run', config, '--profile', 'smoke', '--set', 'repeats=10'];

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function cch(args: string[]): { child: ChildProcess; exit: Promise<Exit> } {
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // jest's --experimental-vm-modules is not the CLI's
  delete env.CCH_REPORTS_DIR;
  const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<Exit>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, exit };
}

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cch-cli-spawn-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

const comparable = comparableResults;

const cacheFiles = (reports: string): string[] => {
  try {
    return readdirSync(path.join(reports, '.cache', 'synthetic')).filter((f) => f.endsWith('.json') && !f.startsWith('.'));
  } catch {
    return [];
  }
};
/** Every leftover of a run that is not a result: temporary files and locks. */
const leftovers = (reports: string): string[] =>
  [reports, path.join(reports, 'synthetic'), path.join(reports, '.cache', 'synthetic'), path.join(reports, '.cache', 'data')]
    .filter((d) => existsSync(d))
    .flatMap((d) => readdirSync(d).filter((f) => /\.(tmp|stale)$|^\.(index\.)?lock$/.test(f)).map((f) => path.join(d, f)));

const resultsOf = (reports: string) => path.join(reports, 'synthetic', 'results.json');

describe('cli/run in child processes (kill -9, torn cache, two runs at once)', () => {
  let reference: Promise<Exit>;
  let referenceDir: string;

  beforeAll(() => {
    execFileSync('npx', ['tsc', '-b', 'apps/cli/tsconfig.build.json'], { cwd: repoRoot, stdio: 'pipe' });
    referenceDir = tempDir();
    // The uninterrupted run, on one worker (the others use two: the numbers do not depend on it).
    reference = cch([...ARGS, '--workers', '1', '--reports', referenceDir]).exit;
  }, 120_000);

  it('resumes a run killed with SIGKILL and ends with the uninterrupted results; a torn cache entry is recomputed', async () => {
    const reports = tempDir();
    const victim = cch([...ARGS, '--workers', '2', '--reports', reports]);
    let finishedFirst = false;
    void victim.exit.then(() => (finishedFirst = true));
    while (cacheFiles(reports).length === 0 && !finishedFirst) await new Promise((r) => setTimeout(r, 10));
    victim.child.kill('SIGKILL');
    const killed = await victim.exit;
    expect(killed.signal).toBe('SIGKILL'); // it had not finished
    const cachedAtKill = cacheFiles(reports).length;
    expect(cachedAtKill).toBeGreaterThan(0);
    expect(cachedAtKill).toBeLessThan(60);
    expect(existsSync(resultsOf(reports))).toBe(false);
    // The dead run's lock is still there; the rerun takes it over.
    expect(existsSync(path.join(reports, 'synthetic', '.lock'))).toBe(true);

    const resumed = await cch([...ARGS, '--workers', '2', '--reports', reports]).exit;
    expect(resumed.stderr).not.toMatch(/error/);
    expect(resumed.code).toBe(0);
    const counts = (JSON.parse(readFileSync(resultsOf(reports), 'utf8')) as { cellCounts: { total: number; cached: number; ran: number } }).cellCounts;
    expect(counts.total).toBe(60);
    expect(counts.cached).toBeGreaterThanOrEqual(cachedAtKill);
    expect(resumed.stdout).toContain(`60 cells (${counts.ran} ran, ${counts.cached} cached)`);
    expect(leftovers(reports)).toEqual([]);

    const whole = await reference;
    expect(whole.code).toBe(0);
    expect(comparable(resultsOf(reports))).toEqual(comparable(resultsOf(referenceDir)));

    // A half-written cache entry (as a crash of another writer could leave) is a miss, recomputed.
    const torn = path.join(reports, '.cache', 'synthetic', cacheFiles(reports)[0]);
    const text = readFileSync(torn, 'utf8');
    writeFileSync(torn, text.slice(0, Math.floor(text.length / 2)));
    const repaired = await cch([...ARGS, '--workers', '2', '--reports', reports]).exit;
    expect(repaired.code).toBe(0);
    expect(repaired.stdout).toContain('60 cells (1 ran, 59 cached)');
    expect(() => JSON.parse(readFileSync(torn, 'utf8')) as unknown).not.toThrow(); // rewritten whole
    expect(comparable(resultsOf(reports))).toEqual(comparable(resultsOf(referenceDir)));
  }, 240_000);

  it('two runs started at once on one reports folder: one finishes, the other says which pid holds it; the results are a single run’s', async () => {
    const reports = tempDir();
    const [a, b] = await Promise.all([cch([...ARGS, '--reports', reports]).exit, cch([...ARGS, '--reports', reports]).exit]);
    for (const run of [a, b]) {
      if (run.code === 0) continue;
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/error: another run holds \S*synthetic \(pid \d+, since [^)]*: cch run \S*synthetic\.yaml --profile smoke/);
    }
    expect([a.code, b.code]).toContain(0);
    for (const file of cacheFiles(reports)) expect(() => JSON.parse(readFileSync(path.join(reports, '.cache', 'synthetic', file), 'utf8')) as unknown).not.toThrow();
    expect(leftovers(reports)).toEqual([]);
    expect((await reference).code).toBe(0);
    expect(comparable(resultsOf(reports))).toEqual(comparable(resultsOf(referenceDir)));
  }, 240_000);
});
