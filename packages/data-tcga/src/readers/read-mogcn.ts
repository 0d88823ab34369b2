/** The MoGCN layout: per-omics CSV (samples × features, header row, first column the sample id) and `sample_classes.csv`. */
import { InvalidInputError, Matrix } from '@cch-lab/core';
import { parseCsvMatrix, parseDelimited, detectDelimiter } from '@cch-lab/data';
import type { ResolvedTcgaOptions } from '../files/resolve-options.js';
import type { Omics } from '../types.js';
import { readLabelTable } from './read-label-table.js';
import { readTextFile } from './read-text.js';
import type { OmicsTable, TcgaTables } from './tables.js';

/**
 * @param actual The file actually read for each expected path (its `.gz` variant when only that exists).
 * @throws InvalidInputError (file, line, column) for a ragged row, a non-numeric cell, an empty or duplicate id.
 */
export function readMogcn(resolved: ResolvedTcgaOptions, actual: (file: string) => string): TcgaTables {
  const omics = resolved.perOmics.map((p) => readMogcnMatrix(actual(p.files[0]), p.omics));
  const knownIds = new Set(omics.flatMap((t) => t.ids));
  const labels = readLabelTable(actual(resolved.labelFiles[0]), { kind: 'mogcn', labelColumn: resolved.labelColumn, knownIds });
  return { omics, labels };
}

function readMogcnMatrix(file: string, omics: Omics): OmicsTable {
  const text = readTextFile(file, `${omics} matrix`);
  const csv = parseCsvMatrix(text, file, { header: true, idColumn: 0, allowMissing: true, dtype: 'float64' });
  const ids = csv.ids as string[];
  const seen = new Map<string, number>();
  for (const [i, id] of ids.entries()) {
    // An empty id would silently drop the row (or match another file's empty id).
    if (id === '') {
      throw new InvalidInputError('empty sample id', {
        details: { file, line: dataLines(text, file)[i], column: 1, received: '""' },
        hint: 'the first column of an omics file names the sample of each row',
      });
    }
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      const lines = dataLines(text, file);
      throw new InvalidInputError(`duplicate sample id ${JSON.stringify(id)} (also at line ${lines[earlier]})`, {
        details: { file, line: lines[i], column: 1, received: id },
        hint: 'each sample must appear once per omics file',
      });
    }
    seen.set(id, i);
  }
  return {
    omics,
    files: [file],
    ids,
    read: ids.length,
    featureNames: csv.header ?? [],
    matrix: csv.matrix as Matrix<Float64Array>,
    notPrimaryTumour: [],
    duplicateAliquot: [],
  };
}

/** 1-based line of each data row (the header row excluded); only computed for a message. */
function dataLines(text: string, file: string): number[] {
  return [...parseDelimited(text, detectDelimiter(file, text), file)].slice(1).map((r) => r.line);
}
