/**
 * How library code reports progress without printing: it calls a Reporter passed in by the
 * caller. The CLI's reporter writes to stderr; tests and library defaults stay silent.
 */
export interface Reporter {
  /** A one-line message for a human (the CLI prints it to stderr). */
  info(message: string): void;
  /** A warning that does not stop the work (recorded, printed to stderr). */
  warn(message: string): void;
  /** Progress of a long task: `done` of `total` units, with an optional short status. */
  progress(task: string, done: number, total: number, status?: string): void;
}

/** A reporter that drops everything. */
export const silentReporter: Reporter = Object.freeze({
  info: () => undefined,
  warn: () => undefined,
  progress: () => undefined,
});

/** A reporter that keeps every call, for tests and for `meta.warnings`. */
export function recordingReporter(): Reporter & { messages: string[]; warnings: string[] } {
  const messages: string[] = [];
  const warnings: string[] = [];
  return {
    messages,
    warnings,
    info: (m) => messages.push(m),
    warn: (m) => warnings.push(m),
    progress: (task, done, total, status) => messages.push(`${task} ${done}/${total}${status ? ` ${status}` : ''}`),
  };
}
