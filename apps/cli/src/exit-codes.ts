/**
 * The one place errors become exit codes: 0 success, 2 usage / invalid input / config / backend,
 * 3 data not found, 4 a service unavailable (the queue's Redis), 1 anything unexpected (a bug:
 * ask for a report) or a cell that failed on a queue worker for a reason of its own.
 */
import type { ErrorCode } from '@cch-lab/core';
import { CommanderError } from 'commander';
import type { Io } from './io.js';
import { printJson } from './io.js';
import { FlagAsValueError } from './options/flag-values.js';

export const EXIT = Object.freeze({ ok: 0, unexpected: 1, usage: 2, dataNotFound: 3, unavailable: 4 });

/** Every error code's exit code: a new ErrorCode does not compile until it is listed here. */
const CODE_TO_EXIT: Record<ErrorCode, number> = {
  EINVALID: EXIT.usage,
  EUSAGE: EXIT.usage,
  ECONFIG: EXIT.usage,
  EUNKNOWN: EXIT.usage,
  EBACKEND: EXIT.usage,
  ENODATA: EXIT.dataNotFound,
  EINTERNAL: EXIT.unexpected,
  // A failed write (disk full, permissions) is the environment's, not a bug; exit 1 without the bug note.
  EWRITE: EXIT.unexpected,
  EUNAVAILABLE: EXIT.unavailable,
  // A cell failed on a queue worker for a reason outside cch-lab's errors (e.g. the job stalled: its worker died too often).
  EREMOTE: EXIT.unexpected,
};

export async function handleError(thrown: unknown, io: Io, json: boolean): Promise<number> {
  if (thrown instanceof CommanderError) {
    if (thrown.exitCode === 0) return EXIT.ok; // --help, --version
    // commander has already printed its message (and the help) to stderr
    if (json) printJson(io, { error: { code: thrown.code, message: thrown.message.replace(/^error: /, '') } });
    return EXIT.usage;
  }
  // Not on the paths of --help and commander's usage errors: @cch-lab/core loads tfjs.
  const { CchError, UsageError } = await import('@cch-lab/core');
  const error = thrown instanceof FlagAsValueError ? new UsageError(thrown.message, { hint: thrown.hint, details: thrown.details }) : thrown;
  if (error instanceof CchError) {
    // A code outside ErrorCode can still arrive at run time (a CchError built by other code): exit 1 with the bug note.
    const exit = (CODE_TO_EXIT as Partial<Record<string, number>>)[error.code];
    if (json) {
      printJson(io, { error: { code: error.code, message: error.message, hint: error.hint } });
    } else {
      io.stderr(`error: ${error.message}\n`);
      if (error.hint) io.stderr(`hint: ${error.hint}\n`);
    }
    if (error.code === 'EINTERNAL' || exit === undefined) io.stderr(bugNote());
    return exit ?? EXIT.unexpected;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  if (json) printJson(io, { error: { code: 'EUNEXPECTED', message: error instanceof Error ? error.message : String(error) } });
  io.stderr(`unexpected error: ${message}\n${bugNote()}`);
  return EXIT.unexpected;
}

function bugNote(): string {
  return 'This looks like a bug in cch-lab. Please file an issue with the command you ran and the output above.\n';
}
