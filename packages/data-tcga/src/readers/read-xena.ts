/** The Xena / Firehose layout: per-omics matrices (features × samples) and `<COHORT>_clinicalMatrix`. */
import type { ResolvedTcgaOptions } from '../files/resolve-options.js';
import { TCGA_COHORTS } from '../types.js';
import type { TcgaCohort } from '../types.js';
import { XENA_LABEL_COLUMNS } from './label-rules.js';
import { readLabelTable } from './read-label-table.js';
import { readXenaMatrix } from './read-xena-matrix.js';
import type { TcgaTables } from './tables.js';

/** @throws InvalidInputError (file, line, column) from readXenaMatrix / readLabelTable. */
export function readXena(resolved: ResolvedTcgaOptions, actual: (file: string) => string): TcgaTables {
  const omics = resolved.perOmics.map((p) => readXenaMatrix(actual(p.files[0]), p.omics));
  const known = (TCGA_COHORTS as readonly string[]).includes(resolved.cohort);
  const labels = readLabelTable(actual(resolved.labelFiles[0]), {
    kind: 'xena',
    labelColumn: resolved.labelColumn,
    defaultColumn: known ? XENA_LABEL_COLUMNS[resolved.cohort as TcgaCohort] : undefined,
  });
  return { omics, labels };
}
