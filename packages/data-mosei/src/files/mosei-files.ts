/** The exact files a MOSEI load reads (cache fingerprints) and the error when some are missing. */
import { DataNotFoundError } from '@cch-lab/core';
import { MOSEI_ARRAYS_HDF5, MOSEI_DATA_SCRIPT, resolveMoseiOptions } from './resolve-options.js';
import type { MoseiLoadOptions, ResolvedMosei } from './resolve-options.js';

/**
 * The absolute files `loadMosei(options)` reads, in reading order.
 *
 * @throws InvalidInputError for invalid options; DataNotFoundError listing every missing file.
 */
export function moseiDataFiles(options: MoseiLoadOptions): string[] {
  const resolved = resolveMoseiOptions(options);
  if (resolved.missing.length > 0) throw moseiNotFound(resolved);
  return [...resolved.files];
}

export function moseiNotFound(resolved: ResolvedMosei): DataNotFoundError {
  const hint =
    resolved.layout === 'csd'
      ? `${MOSEI_DATA_SCRIPT} says how to fetch the SDK's .csd files; other file names can be set per sequence with 'files'`
      : `${MOSEI_DATA_SCRIPT} says how to get the word-aligned arrays: text.npy audio.npy vision.npy labels.npy in train/ valid/ test/ (or at the top), or one ${MOSEI_ARRAYS_HDF5} ('arraysFile')`;
  return new DataNotFoundError(`CMU-MOSEI (${resolved.layout} layout): ${resolved.missing.length} file(s) missing in ${resolved.path}`, resolved.missing, {
    details: { field: 'path', layout: resolved.layout },
    hint,
  });
}
