/**
 * Where a command's output goes. `--json` results are one object on stdout; everything for a
 * human watching (progress, warnings, notes) goes to stderr, so stdout stays machine-readable.
 */
import type { Reporter } from '@cch-lab/core';
import { createStderrReporter } from './stderr-reporter.js';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Progress and warnings for library code; writes to stderr. */
  reporter: Reporter;
  /** Environment (CCH_BACKEND, CCH_REPORTS_DIR, …). */
  env: Record<string, string | undefined>;
  /** Working directory that relative paths resolve against. */
  cwd: string;
}

export function createProcessIo(): Io {
  const stderr = (text: string) => {
    process.stderr.write(text);
  };
  return {
    stdout: (text) => {
      process.stdout.write(text);
    },
    stderr,
    reporter: createStderrReporter(stderr, { tty: process.stderr.isTTY === true, quiet: process.env.CCH_QUIET === '1' }),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** An Io that records everything, for tests. */
export function createBufferIo(options: { env?: Record<string, string | undefined>; cwd?: string } = {}): Io & {
  out: () => string;
  err: () => string;
} {
  let out = '';
  let err = '';
  const stderr = (text: string) => {
    err += text;
  };
  return {
    stdout: (text) => {
      out += text;
    },
    stderr,
    reporter: createStderrReporter(stderr, { tty: false, quiet: false }),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    out: () => out,
    err: () => err,
  };
}

/** Prints `value` as one JSON object and a newline. */
export function printJson(io: Io, value: unknown): void {
  io.stdout(`${JSON.stringify(value, jsonReplacer, 2)}\n`);
}

function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  return value;
}
