/** The command line a command was called with, as a shell would take it back (for results.json's `environment`). */
import type { Command } from 'commander';

/** `cch run configs/x.yaml --set 'kd.lambda=[0.2, 0.5]'` from the program's raw arguments, or undefined when it was not parsed from a command line. */
export function commandLine(command: Command): string | undefined {
  let root = command;
  while (root.parent !== null) root = root.parent;
  const args = (root as Command & { rawArgs?: string[] }).rawArgs ?? [];
  return args.length === 0 ? undefined : ['cch', ...args].map(shellQuote).join(' ');
}

/** Quotes an argument for a POSIX shell when it needs it. */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}
