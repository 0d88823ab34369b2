import { InvalidInputError } from '@cch-lab/core';
import type { ResultsFile } from './contract.js';

/**
 * Checks that a parsed results.json has the keys a report cannot do without (experiment, title,
 * sources, tables, figures); the rest is shown as "—" when absent, so older files still render.
 * @throws InvalidInputError naming the key and the file.
 */
export function checkResultsFile(value: unknown, file?: string): ResultsFile {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidInputError('a results file must hold one JSON object', {
      details: { file, received: Array.isArray(value) ? 'an array' : typeof value },
      hint: 'rerun the experiment (`cch run CONFIG`) to rewrite it',
    });
  }
  const r = value as Record<string, unknown>;
  for (const key of ['experiment', 'title'] as const) {
    if (typeof r[key] !== 'string' || r[key] === '') {
      throw missing(key, 'a non-empty string', r[key], file);
    }
  }
  for (const key of ['sources', 'tables', 'figures'] as const) {
    if (!Array.isArray(r[key])) throw missing(key, 'an array', r[key], file);
  }
  return value as ResultsFile;
}

function missing(field: string, expected: string, received: unknown, file: string | undefined): InvalidInputError {
  return new InvalidInputError(`must be ${expected}`, {
    details: { field, file, received: received === undefined ? 'nothing' : JSON.stringify(received)?.slice(0, 80) },
    hint: 'this does not look like a results.json written by cch-lab; rerun the experiment to rewrite it',
  });
}
