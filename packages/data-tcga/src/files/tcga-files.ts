/** The exact files a TCGA load reads, for cache fingerprints and for `DataNotFoundError`. */
import { DataNotFoundError } from '@cch-lab/core';
import type { TcgaLoadOptions } from '../types.js';
import { TCGA_DATA_SCRIPT, existingVariant, resolveTcgaOptions } from './resolve-options.js';
import type { ResolvedTcgaOptions } from './resolve-options.js';

/** Files of `resolved`, each replaced by its `.gz` variant when only that exists; missing ones listed apart. */
export function locateTcgaFiles(resolved: ResolvedTcgaOptions): { found: Map<string, string>; missing: string[] } {
  const found = new Map<string, string>();
  const missing: string[] = [];
  const all = [...resolved.perOmics.flatMap((p) => p.files), ...resolved.labelFiles];
  for (const file of all) {
    const actual = existingVariant(file);
    if (actual === undefined) missing.push(file);
    else found.set(file, actual);
  }
  return { found, missing };
}

/**
 * The exact files `loadTcga(options)` reads, absolute, in reading order (per omics, then labels).
 *
 * @throws InvalidInputError for invalid options; DataNotFoundError listing every missing file and
 *   the data script that fetches them.
 */
export function tcgaFiles(options: TcgaLoadOptions): string[] {
  const resolved = resolveTcgaOptions(options);
  const { found, missing } = locateTcgaFiles(resolved);
  if (missing.length > 0) throw tcgaNotFound(resolved, missing);
  return [...found.values()];
}

export function tcgaNotFound(resolved: ResolvedTcgaOptions, missing: string[]): DataNotFoundError {
  return new DataNotFoundError(
    `TCGA ${resolved.cohort} (${resolved.layout} layout): ${missing.length} file(s) missing in ${resolved.path}`,
    missing,
    {
      details: { field: 'path', layout: resolved.layout },
      hint: `${TCGA_DATA_SCRIPT} says how to fetch them; file names can be set per omics with 'files' (and 'labelsFile')`,
    },
  );
}
