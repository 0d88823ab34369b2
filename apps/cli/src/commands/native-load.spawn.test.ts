/**
 * The native backend's load on the built CLI, in child processes (TensorFlow reads the real
 * environment, which jest's process.env is not): with setup:native's stderr helper, oneDNN is on by
 * default and its load-time notice stays off stderr, while TF_CPP_MIN_LOG_LEVEL=0 still shows it,
 * TF_ENABLE_ONEDNN_OPTS=0 turns oneDNN off, and without a usable temporary directory it loads
 * anyway. Runs where tfjs-node loads and always under CCH_EXPECT_NATIVE=1 (CI after a successful
 * setup); skipped otherwise.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { probeBackend } from '@cch-lab/core';

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
const bin = path.join(repoRoot, 'apps', 'cli', 'bin', 'cch.js');
const run = (await probeBackend('node')).available || process.env.CCH_EXPECT_NATIVE === '1';
const NOTICE = /oneDNN custom operations are on|absl::InitializeLog/;

/** `cch --backend node doctor --json` with the CLI's own TensorFlow defaults, plus `env`. */
function doctor(env: Record<string, string> = {}): { reason: string; native: string; stderr: string } {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.NODE_OPTIONS;
  delete childEnv.CCH_BACKEND;
  for (const name of ['TF_CPP_MIN_LOG_LEVEL', 'TF_ENABLE_ONEDNN_OPTS']) if (env[name] === undefined) delete childEnv[name];
  const child = spawnSync(process.execPath, [bin, '--backend', 'node', 'doctor', '--json'], { cwd: repoRoot, env: childEnv, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`cch doctor exited ${child.status}: ${child.stderr}`);
  const out = JSON.parse(child.stdout) as { backend: { reason: string }; native: { line: string } };
  return { reason: out.backend.reason, native: out.native.line, stderr: child.stderr };
}

(run ? describe : describe.skip)('the native backend load (cch doctor in a child process)', () => {
  beforeAll(() => {
    execFileSync('npx', ['tsc', '-b', 'apps/cli/tsconfig.build.json'], { cwd: repoRoot, stdio: 'pipe' });
  }, 240_000);

  it('finds the stderr helper setup:native builds beside tfjs-node', () => {
    const dir = path.dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-node/package.json'));
    expect(existsSync(path.join(dir, 'cch-stderr-redirect.node'))).toBe(true);
  });

  it('turns oneDNN on by default and keeps its notice off stderr', () => {
    const { reason, native, stderr } = doctor();
    expect(reason).toMatch(/oneDNN kernels on/);
    expect(native).toMatch(/oneDNN on \(the default with setup:native's stderr helper\)/);
    expect(stderr).not.toMatch(NOTICE);
  }, 60_000);

  it('shows the notice when TensorFlow’s INFO log is asked for (the capture is what hides it)', () => {
    expect(doctor({ TF_CPP_MIN_LOG_LEVEL: '0' }).stderr).toMatch(/oneDNN custom operations are on/);
  }, 60_000);

  it('still loads, notice and all, where no temporary file can hold it', () => {
    const { reason, stderr } = doctor({ TMPDIR: path.join(repoRoot, 'no-such-dir', 'tmp') });
    expect(reason).toMatch(/oneDNN kernels on/);
    expect(stderr).toMatch(/oneDNN custom operations are on/);
  }, 60_000);

  it('leaves oneDNN off under TF_ENABLE_ONEDNN_OPTS=0', () => {
    const { reason, native, stderr } = doctor({ TF_ENABLE_ONEDNN_OPTS: '0' });
    expect(reason).toMatch(/oneDNN kernels off/);
    expect(native).toMatch(/oneDNN off \(TF_ENABLE_ONEDNN_OPTS\)/);
    expect(stderr).not.toMatch(NOTICE);
  }, 60_000);
});
