/**
 * Typed errors shared by every package. Each carries a stable `code`, a `hint` (what to do next)
 * and `details` (argument, file, line, …). Only the CLI entry maps them to exit codes:
 * 2 for usage / invalid input / config, 3 for missing data, 4 for a service that cannot be
 * reached (the job queue's Redis), 1 for anything unexpected.
 */

/**
 * Every stable error code, once. A new code does not compile until the CLI gives it an exit code
 * (apps/cli/src/exit-codes.ts maps `Record<ErrorCode, number>`).
 */
export const ERROR_CODES = ['EINVALID', 'EUSAGE', 'ECONFIG', 'EUNKNOWN', 'EBACKEND', 'ENODATA', 'EINTERNAL', 'EWRITE', 'EUNAVAILABLE', 'EREMOTE'] as const;
/** A stable, machine-readable error code (see ERROR_CODES). */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Where a bad value came from; every field optional, printed in this order. */
export interface ErrorDetails {
  /** The argument, option or config key at fault (dot-path for nested keys). */
  field?: string;
  /** The file at fault. */
  file?: string;
  /** 1-based line in that file. */
  line?: number;
  /** 1-based column in that file. */
  column?: number;
  /** The value received, already formatted for a message. */
  received?: string;
  /** Anything else worth showing (kept JSON-serialisable). */
  [key: string]: unknown;
}

export interface CchErrorOptions {
  hint?: string;
  details?: ErrorDetails;
  cause?: unknown;
}

/** Base of every expected error; `code` is stable and machine-readable. */
export class CchError extends Error {
  readonly code: ErrorCode;
  readonly hint?: string;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, options: CchErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CchError';
    this.code = code;
    this.hint = options.hint;
    this.details = options.details ?? {};
  }

  /** A plain object for `--json` error output. */
  toJSON(): { code: ErrorCode; message: string; hint?: string; details: ErrorDetails } {
    return { code: this.code, message: this.message, hint: this.hint, details: this.details };
  }
}

/** Bad input data or arguments: wrong shapes, NaN, too few samples, a ragged CSV row. */
export class InvalidInputError extends CchError {
  constructor(message: string, options: CchErrorOptions = {}) {
    super('EINVALID', withLocation(message, options.details), options);
    this.name = 'InvalidInputError';
  }
}

/** A usage error on the command line (unknown flag, missing argument). */
export class UsageError extends CchError {
  constructor(message: string, options: CchErrorOptions = {}) {
    super('EUSAGE', message, options);
    this.name = 'UsageError';
  }
}

/** One problem in a config file, with its dot-path and, when known, the line. */
export interface ConfigIssue {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

/** An invalid experiment config; `issues` lists every problem found, not just the first. */
export class ConfigError extends CchError {
  readonly issues: ConfigIssue[];

  constructor(file: string | undefined, issues: ConfigIssue[], options: CchErrorOptions = {}) {
    const where = file ?? 'config';
    const lines = issues.map(
      (i) => `  ${where}${i.line !== undefined ? `:${i.line}` : ''}: ${i.path === '' ? '(root)' : i.path}: ${i.message}`,
    );
    super('ECONFIG', `invalid config ${where}:\n${lines.join('\n')}`, {
      ...options,
      details: { ...options.details, file, issues },
    });
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

/** A data set or file that is not where it was expected. */
export class DataNotFoundError extends CchError {
  readonly expectedPaths: string[];

  constructor(message: string, expectedPaths: string[], options: CchErrorOptions = {}) {
    const list = expectedPaths.length > 0 ? `\n  expected:\n${expectedPaths.map((p) => `    ${p}`).join('\n')}` : '';
    super('ENODATA', `${message}${list}`, { ...options, details: { ...options.details, expectedPaths } });
    this.name = 'DataNotFoundError';
    this.expectedPaths = expectedPaths;
  }
}

/** A method, experiment or backend name that is not registered; lists the valid ones. */
export class UnknownMethodError extends CchError {
  constructor(kind: string, received: string, valid: readonly string[], options: CchErrorOptions = {}) {
    super('EUNKNOWN', `unknown ${kind} '${received}'; expected one of: ${valid.join(', ')}`, {
      ...options,
      details: { ...options.details, field: options.details?.field ?? kind, received, valid: [...valid] },
    });
    this.name = 'UnknownMethodError';
  }
}

/** A tensor backend that was asked for but cannot be used. */
export class BackendError extends CchError {
  constructor(message: string, options: CchErrorOptions = {}) {
    super('EBACKEND', message, options);
    this.name = 'BackendError';
  }
}

/** A service the command needs (the job queue's Redis) cannot be reached within its timeout. */
export class ServiceUnavailableError extends CchError {
  constructor(message: string, options: CchErrorOptions = {}) {
    super('EUNAVAILABLE', message, options);
    this.name = 'ServiceUnavailableError';
  }
}

/** A bug: an invariant that should never break. */
export class InternalError extends CchError {
  constructor(message: string, options: CchErrorOptions = {}) {
    super('EINTERNAL', message, options);
    this.name = 'InternalError';
  }
}

function withLocation(message: string, details: ErrorDetails | undefined): string {
  if (details === undefined) return message;
  const parts: string[] = [];
  if (details.file !== undefined) {
    let loc = details.file;
    if (details.line !== undefined) loc += `:${details.line}`;
    if (details.column !== undefined) loc += `:${details.column}`;
    parts.push(loc);
  }
  if (details.field !== undefined) parts.push(details.field);
  const prefix = parts.length > 0 ? `${parts.join(': ')}: ` : '';
  const received = details.received !== undefined ? ` (received ${details.received})` : '';
  return `${prefix}${message}${received}`;
}

/** True when `error` is one of ours (an expected failure, not a bug). */
export function isCchError(error: unknown): error is CchError {
  return error instanceof CchError;
}
