/**
 * Removes the temporary files a killed run left behind. Atomic writes (data's writeFileAtomic, the
 * run lock) name their temporary file `.<target>.<pid>.<12 hex>.tmp`; a run killed with `kill -9`
 * between opening and renaming one leaves it. They never break a rerun (nothing reads them), but
 * they pile up, so each run removes those whose writer is dead. Files of live processes (another
 * run writing now) are left alone.
 */
import { readdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { isProcessAlive } from './process-alive.js';

const TEMP_FILE = /^\..+\.(\d+)\.[0-9a-f]{12}\.(tmp|stale)$/;

/** Removes dead writers' temporary files directly in `dir` (a missing dir is fine); returns how many. */
export function removeOrphanTempFiles(dir: string): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const match = TEMP_FILE.exec(name);
    if (match === null || isProcessAlive(Number(match[1]))) continue;
    try {
      unlinkSync(path.join(dir, name));
      removed++;
    } catch {
      // Another run removed it first.
    }
  }
  return removed;
}
