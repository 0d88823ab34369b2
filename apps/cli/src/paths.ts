/** Where the CLI looks for configs, reports and data by default. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (apps/cli/{src,dist}/ → ../../..). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** `--reports`, else CCH_REPORTS_DIR, else ./reports. */
export function resolveReportsDir(option: string | undefined, env: Record<string, string | undefined>, cwd: string): string {
  return path.resolve(cwd, option ?? env.CCH_REPORTS_DIR ?? 'reports');
}

/** `--configs`, else ./configs when it exists, else the repository's configs/. */
export function resolveConfigsDir(option: string | undefined, cwd: string): string {
  if (option !== undefined) return path.resolve(cwd, option);
  const local = path.resolve(cwd, 'configs');
  return existsSync(local) ? local : path.join(REPO_ROOT, 'configs');
}

/** `--data`, else CCH_DATA_DIR, else ./data. */
export function resolveDataDir(option: string | undefined, env: Record<string, string | undefined>, cwd: string): string {
  return path.resolve(cwd, option ?? env.CCH_DATA_DIR ?? 'data');
}
