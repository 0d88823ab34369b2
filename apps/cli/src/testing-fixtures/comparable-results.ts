/** Comparing results.json files of runs that should give the same numbers (the spawn tests). */
import { readFileSync } from 'node:fs';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * results.json without what describes when, where and how the run ran: timings (startedAt,
 * finishedAt, seconds, and every `…seconds` key inside cells and cellMeta, e.g. the estimators'
 * wall time), cache counts (cellCounts), the worker count and the environment (command line, host).
 */
export function comparableResults(file: string): Json {
  const { startedAt: _a, finishedAt: _b, seconds: _c, cellCounts: _d, workers: _e, environment: _f, ...rest } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Json>;
  const strip = (value: Json): Json => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).filter(([k]) => !/seconds$/i.test(k)).map(([k, v]) => [k, strip(v)]));
  };
  return strip(rest as Json);
}
