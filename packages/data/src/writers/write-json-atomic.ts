/** JSON results and cache entries, written atomically. */
import { writeFileAtomic } from './write-file-atomic.js';

export interface JsonWriteOptions {
  /** Spaces per indentation level. Default 2. */
  indent?: number;
}

/**
 * Writes `value` as pretty JSON with a final newline, atomically (see writeFileAtomic). Beyond
 * JSON.stringify: typed arrays become plain arrays, Maps objects, Sets arrays, BigInts numbers (or
 * strings when unsafe). NaN and ±Infinity become null (as in JSON.stringify) — JSON has no such
 * numbers, so a reader sees a missing value, not a silently different one.
 *
 * @throws what serialisation throws (a cycle, a failing toJSON), before anything is written;
 *   CchError 'EWRITE' for I/O failures. Either way the previous file is left intact.
 */
export function writeJsonAtomic(file: string, value: unknown, options: JsonWriteOptions = {}): void {
  const text = JSON.stringify(value, jsonReplacer, options.indent ?? 2);
  if (text === undefined) throw new TypeError(`writeJsonAtomic: ${typeof value} has no JSON form (${file})`);
  writeFileAtomic(file, `${text}\n`);
}

/** The replacer used by writeJsonAtomic; exported for callers that stringify themselves. */
export function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  if (value instanceof Map) return Object.fromEntries(value);
  if (value instanceof Set) return [...value];
  return value;
}
