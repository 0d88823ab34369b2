/**
 * `--header yes|no|auto` and `--id-column NAME|auto|none`: how `cch mi` and `cch criterion` read
 * their CSV inputs, mapped to the readers' options. The readers decide what `auto` means and
 * record it; this prints one line per file on stderr ("x.csv: header yes (…), id column 'sample'
 * (…), 200 rows × 2 columns") and hands the full record on for `--json` (`inputs`). The two
 * Options themselves are in definitions.ts.
 */
import { UsageError } from '@cch-lab/core';
import type { AlignedFiles, AlignedFilesOptions, InputReport } from '@cch-lab/data';
import type { Io } from '../io.js';

/** The two flags as commander passes them (strings; both default to 'auto'). */
export interface InputFormatFlags {
  /** yes | no | auto. Default 'auto'. */
  header?: string;
  /** A column name, auto or none. Default 'auto'. */
  idColumn?: string;
}

/** The flags as reader options. */
export interface InputFormat {
  header: boolean | 'auto';
  idColumn: 'auto' | false | string;
}

const HEADER_MODES: Readonly<Record<string, boolean | 'auto'>> = Object.freeze({ yes: true, no: false, auto: 'auto' });

/**
 * @throws UsageError for a --header other than yes / no / auto, or an empty --id-column.
 */
export function parseInputFormat(flags: InputFormatFlags, where: string): InputFormat {
  const headerText = (flags.header ?? 'auto').trim().toLowerCase();
  const header = HEADER_MODES[headerText];
  if (header === undefined) {
    throw new UsageError(`${where}: --header must be yes, no or auto, got ${flags.header}`, {
      details: { field: '--header', received: String(flags.header), valid: Object.keys(HEADER_MODES) },
    });
  }
  const id = (flags.idColumn ?? 'auto').trim();
  if (id === '') {
    throw new UsageError(`${where}: --id-column needs a column name, auto or none`, { details: { field: '--id-column', received: '' } });
  }
  const idColumn = id === 'none' ? false : id === 'auto' ? 'auto' : id;
  return { header, idColumn };
}

/**
 * Reads the matrix files and the y file (matrix or labels) with the format flags, puts their rows
 * in one order (by id when every file has one) and says on stderr what the readers decided, one
 * line per file.
 * @throws UsageError for bad flags; InvalidInputError / DataNotFoundError from the readers.
 */
export async function readInputs(files: string[], yFile: string, labels: boolean, flags: InputFormatFlags, io: Io, where: string): Promise<AlignedFiles> {
  const format = parseInputFormat(flags, where);
  const { readAlignedFiles } = await import('@cch-lab/data');
  const options: AlignedFilesOptions = { labels, cwd: io.cwd, header: format.header, idColumn: format.idColumn };
  const inputs = readAlignedFiles(files, yFile, options);
  reportInputs(inputs.inputs, io);
  return inputs;
}

/** One stderr line per file (dropped with CCH_QUIET=1, as all notes are). */
export function reportInputs(reports: readonly InputReport[], io: Io): void {
  for (const r of reports) io.reporter.info(r.summary);
}
