/**
 * Loads a tfjs-node package (libtensorflow) with TensorFlow's oneDNN switch decided and its
 * load-time notice kept off stderr.
 *
 * TensorFlow 2.21 with oneDNN on writes an absl notice to fd 2 while its library loads ("oneDNN
 * custom operations are on …"), before any log level it reads applies. oneDNN trains the small
 * CNNs here about twice as fast, so where `npm run setup:native` built its stderr helper
 * (cch-stderr-redirect.node beside the package: scripts/native/stderr-redirect.c) fd 2 goes to a
 * temporary file during the load, every other line is written back to stderr, and oneDNN is on
 * unless TF_ENABLE_ONEDNN_OPTS says otherwise. Without the helper oneDNN stays off (no notice).
 * Either way the numbers repeat per machine and thread count; oneDNN changes their last bits,
 * so it is part of the backend's identity in cache keys (backendNumerics).
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread } from 'node:worker_threads';

interface StderrHelper {
  redirect(file: string): number;
  restore(saved: number): void;
}

/** The lines TensorFlow writes at load with oneDNN on; nothing else is held back. */
const LOAD_NOTICE = [/^WARNING: All log messages before absl::InitializeLog\(\) is called are written to STDERR$/, /\] oneDNN custom operations are on\. /];

export const STDERR_HELPER_FILE = 'cch-stderr-redirect.node';

export interface NativeLoad {
  /** TensorFlow's oneDNN kernels are on (TF_ENABLE_ONEDNN_OPTS as TensorFlow reads it). */
  oneDnn: boolean;
  /** How oneDNN was decided, for `cch doctor`. */
  oneDnnBy: 'TF_ENABLE_ONEDNN_OPTS' | 'default (stderr helper present)' | 'default (no stderr helper)';
}

let loaded: NativeLoad | undefined;

/** The native load's oneDNN state once a tfjs-node package has loaded in this process. */
export function nativeLoadState(): NativeLoad | undefined {
  return loaded;
}

/**
 * Imports `pkg` (`@tensorflow/tfjs-node` or `-gpu`). Sets TF_CPP_MIN_LOG_LEVEL=2 and
 * TF_ENABLE_ONEDNN_OPTS in process.env when unset (child processes inherit both, so cells in
 * workers load with the same numerics).
 */
export async function importNativePackage(pkg: string): Promise<NativeLoad> {
  const env = process.env;
  // Not installed: fail before touching the environment (node-gpu is probed before node).
  const dir = packageDir(pkg);
  const helper = stderrHelper(dir);
  const set: string[] = [];
  // TensorFlow's C++ start-up log (the CPU-feature notice) would go to stderr on every load.
  if (env.TF_CPP_MIN_LOG_LEVEL === undefined) {
    env.TF_CPP_MIN_LOG_LEVEL = '2';
    set.push('TF_CPP_MIN_LOG_LEVEL');
  }
  let oneDnnBy: NativeLoad['oneDnnBy'] = 'TF_ENABLE_ONEDNN_OPTS';
  if (env.TF_ENABLE_ONEDNN_OPTS === undefined) {
    env.TF_ENABLE_ONEDNN_OPTS = helper === undefined ? '0' : '1';
    set.push('TF_ENABLE_ONEDNN_OPTS');
    oneDnnBy = helper === undefined ? 'default (no stderr helper)' : 'default (stderr helper present)';
  }
  // TensorFlow reads 0/false as off; anything else leaves its x86 default, on.
  const oneDnn = !['0', 'false'].includes(env.TF_ENABLE_ONEDNN_OPTS.trim().toLowerCase());
  // A user who asked for TensorFlow's INFO log (level 0) sees the notice too. fd 2 is the
  // process's: only the main thread moves it (a worker thread's load finds the library loaded and
  // prints nothing, and two threads swapping fd 2 at once could leave it on a temporary file).
  const quiet = helper !== undefined && oneDnn && Number(env.TF_CPP_MIN_LOG_LEVEL) >= 1 && isMainThread;
  try {
    if (quiet) await importQuietly(pkg, helper);
    else await import(pkg);
  } catch (error) {
    // Nothing loaded: leave the environment as it was for the next backend probed.
    for (const name of set) delete env[name];
    throw error;
  }
  loaded = { oneDnn, oneDnnBy };
  return loaded;
}

async function importQuietly(pkg: string, helper: StderrHelper): Promise<void> {
  let dir: string | undefined;
  let saved: number | undefined;
  try {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cch-tf-load-'));
    saved = helper.redirect(path.join(dir, 'stderr.txt'));
  } catch {
    // No temporary file (a full or read-only tmpdir): load with the notice rather than not at all.
    if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
    await import(pkg);
    return;
  }
  try {
    await import(pkg);
  } finally {
    helper.restore(saved);
    passOn(fs.readFileSync(path.join(dir, 'stderr.txt'), 'utf8'));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes back to stderr what the load printed, but TensorFlow's oneDNN notice. */
function passOn(text: string): void {
  const kept = text.split('\n').filter((line) => line !== '' && !LOAD_NOTICE.some((re) => re.test(line)));
  if (kept.length > 0) process.stderr.write(`${kept.join('\n')}\n`);
}

/** The installed package's directory; throws MODULE_NOT_FOUND when it is not installed. */
function packageDir(pkg: string): string {
  return path.dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`));
}

/** The helper setup:native builds beside the package, or undefined (not built, or not loadable here). */
function stderrHelper(dir: string): StderrHelper | undefined {
  const file = path.join(dir, STDERR_HELPER_FILE);
  if (!fs.existsSync(file)) return undefined;
  try {
    const helper = createRequire(import.meta.url)(file) as Partial<StderrHelper>;
    return typeof helper.redirect === 'function' && typeof helper.restore === 'function' ? (helper as StderrHelper) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The backend as the numbers depend on it: its name, with `+oneDNN` when the native backend
 * loaded with TensorFlow's oneDNN kernels (which change results in their last bits).
 */
export function backendNumerics(name: string): string {
  return (name === 'node' || name === 'node-gpu') && loaded?.oneDnn === true ? `${name}+oneDNN` : name;
}
