/**
 * What commands declare when they register: help texts and commander Options shared by several
 * commands. Nothing here imports a @cch-lab package (their parsers, in the other modules of this
 * folder, throw @cch-lab/core's errors and so load it, and with it tfjs): registering every
 * command, all that `cch --help` does, must stay that light.
 */
import { Option } from 'commander';

export const WORKERS_HELP = 'worker threads for the uncached sweep cells: a number or auto (one per core); the numbers do not depend on it';

/** `--header <mode>`, for `.addOption(headerOption())`; parsed by parseInputFormat. */
export function headerOption(): Option {
  return new Option(
    '--header <mode>',
    'yes | no | auto: whether CSV inputs start with a row of column names (auto: detected; pandas\' 0,1,… names too)',
  ).default('auto');
}

/** `--id-column <name>`, for `.addOption(idColumnOption())`; parsed by parseInputFormat. */
export function idColumnOption(): Option {
  return new Option(
    '--id-column <name>',
    "NAME | auto | none: the sample-id column of CSV matrices, left out of the data (auto: the first column when named id/sample/… or empty, as pandas' index, or when it holds text)",
  ).default('auto');
}
