/**
 * Content fingerprints of data files, for cache keys and provenance: the sha256 of the bytes, so
 * changing one value in a file changes its fingerprint while touching it (mtime) does not. Hashes
 * are remembered per (path, size, mtime) within a process, so a sweep that asks for the same file
 * in every cell reads it once.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DataNotFoundError } from '@cch-lab/core';

const remembered = new Map<string, { stamp: string; hash: string }>();

/** Hex sha256 of a file's bytes (first 16 characters). @throws DataNotFoundError when it is missing. */
export function fingerprintFile(file: string): string {
  const absolute = path.resolve(file);
  let stamp: string;
  try {
    // Nanosecond times: two writes within one millisecond must not share a stamp.
    const st = statSync(absolute, { bigint: true });
    stamp = `${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
  } catch {
    throw new DataNotFoundError('a data file is missing', [absolute], { details: { file: absolute } });
  }
  const known = remembered.get(absolute);
  if (known !== undefined && known.stamp === stamp) return known.hash;
  const hash = createHash('sha256').update(readFileSync(absolute)).digest('hex').slice(0, 16);
  remembered.set(absolute, { stamp, hash });
  return hash;
}

/** Fingerprints of several files by absolute path, in sorted path order. */
export function fingerprintFiles(files: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of [...new Set(files.map((f) => path.resolve(f)))].sort()) out[file] = fingerprintFile(file);
  return out;
}
