/**
 * The git commit of the code that ran, for results.json's `environment`: `git rev-parse HEAD` in
 * this package's checkout, or null when there is no git, no repository or any other failure — a
 * run never fails for it. Asked once per process.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null | undefined;

export function gitCommit(): string | null {
  if (cached !== undefined) return cached;
  try {
    const out = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: path.dirname(fileURLToPath(import.meta.url)),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5_000,
    }).trim();
    cached = /^[0-9a-f]{40,64}$/.test(out) ? out : null;
  } catch {
    cached = null;
  }
  return cached;
}
