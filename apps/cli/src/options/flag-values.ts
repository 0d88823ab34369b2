/**
 * An option that needs a value must not swallow the next flag: commander takes the word after
 * `--estimator` whatever it is, so `cch mi --estimator --json` would estimate with "--json" and
 * drop the flag. Every option with a `<value>` refuses a value that is itself a flag.
 */
import type { Command, Option } from 'commander';

/**
 * A flag given as an option's value. The check runs while commander parses, synchronously and
 * before any action, so it cannot load @cch-lab/core (and tfjs) for a UsageError: this carries the
 * UsageError's message, hint and details, and exit-codes.ts turns it into one.
 */
export class FlagAsValueError extends Error {
  readonly hint: string;
  readonly details: { field: string; received: string };

  constructor(flag: string, value: string) {
    super(`${flag} needs a value; got the flag ${value.split('=')[0]}`);
    this.name = 'FlagAsValueError';
    this.hint = `give ${flag} its value right after it; for a file whose name starts with '-', write ./${value}`;
    this.details = { field: flag, received: value };
  }
}

/** A word that reads as a flag (`--json`, `-h`), not a negative number (`-1`) or `-` (stdin). */
export function looksLikeFlag(value: string): boolean {
  return /^--?[A-Za-z]/.test(value);
}

/** Makes every `<value>` option of `program` and its subcommands refuse a flag as its value (FlagAsValueError). */
export function refuseFlagsAsValues(program: Command): void {
  for (const option of program.options) guard(option);
  for (const command of program.commands) refuseFlagsAsValues(command);
}

function guard(option: Option): void {
  if (!option.required || option.variadic) return;
  const parse = option.parseArg as ((value: string, previous: unknown) => unknown) | undefined;
  const flag = option.long ?? option.short ?? option.flags;
  option.parseArg = <T>(value: string, previous: T): T => {
    if (looksLikeFlag(value)) throw new FlagAsValueError(flag, value);
    return (parse === undefined ? value : parse(value, previous)) as T;
  };
}
