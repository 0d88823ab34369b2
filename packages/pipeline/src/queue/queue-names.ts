/**
 * Where jobs live: one BullMQ queue per code fingerprint and tensor backend, so a worker built
 * from other code or running another backend never sees (and never answers) a run's cells; each
 * cell's job id is its cache key, so a rerun or a second coordinator attaches to the jobs already
 * there instead of duplicating them.
 */

/** Every cch-lab key in Redis starts with this (BullMQ's `prefix`), so `cch queue` can find them all. */
export const QUEUE_PREFIX = 'cch';

/** 'cells-0.1.0-3f2a9c1d0b7e-wasm' for code version '0.1.0+3f2a9c1d0b7e' and backend 'wasm'. */
export function queueName(codeVersion: string, backend: string): string {
  // BullMQ queue names may not contain ':' (its key separator); keep them to a plain alphabet.
  return `cells-${codeVersion}-${backend}`.replace(/[^A-Za-z0-9._-]/g, '-');
}

/** A job id for a cache key: BullMQ ids may not contain ':' nor be plain integers. */
export function jobIdOf(key: string): string {
  return `cell-${key}`;
}
