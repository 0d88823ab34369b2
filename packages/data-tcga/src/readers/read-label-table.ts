/** The label table of the mogcn (`sample_classes.csv`) and xena (`<COHORT>_clinicalMatrix`) layouts. */
import { InvalidInputError } from '@cch-lab/core';
import { detectDelimiter, parseDelimited } from '@cch-lab/data';
import type { DelimitedRecord } from '@cch-lab/data';
import { selectPrimaryTumour } from './barcode.js';
import { labelValue } from './label-rules.js';
import type { LabelTable } from './tables.js';
import { readTextFile } from './read-text.js';

export interface LabelTableOptions {
  /** The requested column; undefined uses `defaultColumn`. */
  labelColumn?: string;
  /** xena: the cohort's documented default column, when there is one. */
  defaultColumn?: string;
  /**
   * 'xena': tab-separated, a header row (`sampleID` first), ids are TCGA barcodes put through the
   * barcode rule. 'mogcn': any delimiter, ids as written, the first row is a header when a
   * labelColumn is asked for or when its id is none of `knownIds`; the label is the second column.
   */
  kind: 'xena' | 'mogcn';
  /** mogcn: the ids of the omics files, for header detection. */
  knownIds?: ReadonlySet<string>;
}

/**
 * Reads a label table; a label column that cannot be chosen is reported in `columnProblem`
 * (with the available columns) rather than thrown, so verifyTcga can show it.
 *
 * @throws DataNotFoundError for a missing file; InvalidInputError (file, line) for an empty table,
 *   a ragged row, an empty or duplicate id, or (xena) an id that is not a TCGA barcode.
 */
export function readLabelTable(file: string, options: LabelTableOptions): LabelTable {
  const text = readTextFile(file, 'label table');
  const delimiter = options.kind === 'xena' ? '\t' : detectDelimiter(file, text);
  const records = [...parseDelimited(text, delimiter, file)];
  if (records.length === 0) {
    throw new InvalidInputError('the label table is empty', { details: { file }, hint: 'write one row per sample: id, label' });
  }
  const first = records[0];
  const width = first.fields.length;
  if (width < 2) {
    throw new InvalidInputError(`a label table needs an id column and a label column, but line ${first.line} has ${width} field`, {
      details: { file, line: first.line, received: `${width} field` },
    });
  }
  const hasHeader =
    options.kind === 'xena' || options.labelColumn !== undefined || !(options.knownIds?.has(first.fields[0].trim()) ?? false);
  const columns = hasHeader ? first.fields.map((f) => f.trim()) : undefined;
  const data = hasHeader ? records.slice(1) : records;
  for (const rec of data) checkWidth(rec, width, file);

  const requested = options.labelColumn ?? options.defaultColumn;
  let labelIndex: number;
  let columnProblem: string | undefined;
  if (requested !== undefined) {
    labelIndex = columns === undefined ? -1 : columns.indexOf(requested);
    if (labelIndex <= 0) {
      const source = options.labelColumn !== undefined ? 'labelColumn' : 'the default label column';
      columnProblem = `${source} '${requested}' is not a column of ${file}; available: ${(columns ?? []).slice(1).join(', ')}`;
    }
  } else if (options.kind === 'xena') {
    labelIndex = -1;
    columnProblem = `no labelColumn given and no default for this cohort; columns of ${file}: ${(columns ?? []).slice(1).join(', ')}`;
  } else {
    labelIndex = 1;
  }
  const labelColumn = labelIndex > 0 && columns !== undefined ? columns[labelIndex] : undefined;

  const rawIds = data.map((r) => r.fields[0].trim());
  const read = rawIds.length;
  let rows: { index: number; id: string }[];
  let notPrimaryTumour: string[] = [];
  let duplicateAliquot: string[] = [];
  if (options.kind === 'xena') {
    const selection = selectPrimaryTumour(rawIds, file, (i) => ({ line: data[i].line, column: 1 }));
    rows = selection.kept.map((k) => ({ index: k.index, id: k.patient }));
    ({ notPrimaryTumour, duplicateAliquot } = selection);
  } else {
    checkUniqueIds(rawIds, data, file);
    rows = rawIds.map((id, index) => ({ index, id }));
  }
  const values = rows.map((r) => (labelIndex > 0 ? labelValue(labelColumn, data[r.index].fields[labelIndex]) : undefined));
  return {
    file,
    ids: rows.map((r) => r.id),
    read,
    values,
    labelColumn,
    columns,
    notPrimaryTumour,
    duplicateAliquot,
    columnProblem,
  };
}

function checkWidth(rec: DelimitedRecord, width: number, file: string): void {
  if (rec.fields.length !== width) {
    throw new InvalidInputError(`ragged row: ${rec.fields.length} fields where the first row has ${width}`, {
      details: { file, line: rec.line, received: `${rec.fields.length} fields` },
      hint: 'every row needs the same number of fields; check for a missing or extra delimiter',
    });
  }
}

function checkUniqueIds(ids: string[], data: DelimitedRecord[], file: string): void {
  const seen = new Map<string, number>();
  for (const [i, id] of ids.entries()) {
    if (id === '') {
      throw new InvalidInputError('empty sample id', {
        details: { file, line: data[i].line, column: 1, received: JSON.stringify(data[i].fields[0]) },
        hint: 'the first column of the label table names the sample of each row',
      });
    }
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      throw new InvalidInputError(`duplicate sample id ${JSON.stringify(id)} (also at line ${data[earlier].line})`, {
        details: { file, line: data[i].line, column: 1, received: id },
        hint: 'each sample must appear once in the label table',
      });
    }
    seen.set(id, i);
  }
}
