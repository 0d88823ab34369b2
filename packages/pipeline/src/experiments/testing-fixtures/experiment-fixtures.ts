// Test helpers for the experiments: the repository's configs, temporary report directories, and a
// run of a config into a temporary directory on the cpu backend.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseYamlSource, readYamlSource } from '../../config/yaml-source.js';
import { resolveConfig } from '../../config/resolve-config.js';
import type { ResolvedConfig } from '../../config/resolve-config.js';
import { runExperiment } from '../../run/run-experiment.js';
import type { RunOutcome } from '../../run/run-experiment.js';
import { EXPERIMENTS } from '../index.js';

export const TEST_BACKEND = { name: 'cpu', reason: 'test', tfjsVersion: 'test' };

/** The path of configs/<name>.yaml, found by walking up from the working directory. */
export function repoConfig(name: string): string {
  let dir = process.cwd();
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, 'configs', `${name}.yaml`);
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`configs/${name}.yaml not found above ${process.cwd()}`);
}

/** The repository's config for `name`, resolved with `sets`. */
export function resolveRepoConfig(name: string, sets: string[] = []): ResolvedConfig {
  return resolveConfig(readYamlSource(repoConfig(name)), sets, EXPERIMENTS);
}

/** An inline YAML config resolved against the registered experiments. */
export function resolveInline(text: string, sets: string[] = []): ResolvedConfig {
  return resolveConfig(parseYamlSource(text, 'inline.yaml'), sets, EXPERIMENTS);
}

const tempDirs: string[] = [];

/** A fresh temporary directory, removed by `removeTempDirs`. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Runs a resolved config into a fresh temporary reports directory on the test backend. */
export function runInTemp(resolved: ResolvedConfig, prefix = 'cch-exp-'): Promise<RunOutcome> {
  return runExperiment(resolved, { reportsDir: tempDir(prefix), backend: TEST_BACKEND });
}
