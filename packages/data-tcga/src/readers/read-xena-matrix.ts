/**
 * A Xena / Firehose omics matrix: tab-separated, one feature per row, TCGA barcodes as columns.
 * Returned transposed (samples × features) after the barcode rule, so it lines up with the others.
 */
import { InvalidInputError, Matrix } from '@cch-lab/core';
import { parseDelimited, parseNumberCell } from '@cch-lab/data';
import type { DelimitedRecord } from '@cch-lab/data';
import { isBarcode, selectPrimaryTumour } from './barcode.js';
import type { OmicsTable } from './tables.js';
import { readTextFile } from './read-text.js';
import type { Omics } from '../types.js';

/** First cells of a Firehose second header row (`gene_id  normalized_count …`), which is skipped. */
const SECOND_HEADER_FIRST_CELLS: ReadonlySet<string> = new Set(['gene_id', 'composite element ref']);

/**
 * Reads `file` as features × samples and returns it as samples × features. The header's first cell
 * may hold any text (`sample`, `Gene Symbol`, `Hybridization REF`); header cells before the first
 * TCGA barcode are annotation columns (Firehose GISTIC's `Locus ID`, `Cytoband`) and are skipped.
 * Cells `NA`, `nan`, empty (MISSING_TOKENS) are missing and read as NaN.
 *
 * @throws DataNotFoundError for a missing file; InvalidInputError (file, line, column) for an empty
 *   file, a header without barcodes, a header cell after the first barcode that is not one, a
 *   duplicate barcode, a ragged row or a non-numeric cell.
 */
export function readXenaMatrix(file: string, omics: Omics): OmicsTable {
  const text = readTextFile(file, `${omics} matrix`);
  const records = parseDelimited(text, '\t', file);
  const head = records.next();
  if (head.done) {
    throw new InvalidInputError('the file is empty (no header row)', { details: { file }, hint: 'a Xena matrix starts with a header: sample, then one TCGA barcode per column' });
  }
  const header = head.value.fields.map((f) => f.trim());
  const firstSample = header.findIndex((h, j) => j > 0 && isBarcode(h));
  if (firstSample < 0) {
    throw new InvalidInputError('the header row names no TCGA barcode; a Xena / Firehose matrix has features as rows and samples as columns', {
      details: { file, line: head.value.line, received: header.slice(0, 4).join('\t') },
      hint: 'for samples-as-rows CSV files use the mogcn layout',
    });
  }
  const barcodes = header.slice(firstSample);
  const selection = selectPrimaryTumour(barcodes, file, (i) => ({ line: head.value.line, column: firstSample + i + 1 }));
  const width = header.length;
  const samples = barcodes.length;

  const featureNames: string[] = [];
  const values: Float64Array[] = [];
  let firstData = true;
  for (const rec of records) {
    if (firstData && SECOND_HEADER_FIRST_CELLS.has(rec.fields[0].trim().toLowerCase())) {
      firstData = false;
      continue;
    }
    firstData = false;
    checkWidth(rec, width, file);
    const row = new Float64Array(samples);
    for (let s = 0; s < samples; s++) {
      const j = firstSample + s;
      const cell = rec.fields[j];
      const v = parseNumberCell(cell);
      if (v === undefined) {
        throw new InvalidInputError(`non-numeric cell ${JSON.stringify(cell)} in column '${header[j]}'`, {
          details: { file, line: rec.line, column: j + 1, received: cell },
          hint: 'an omics matrix holds numbers (or NA for missing) apart from its header row and feature-name column',
        });
      }
      row[s] = v;
    }
    featureNames.push(rec.fields[0].trim());
    values.push(row);
  }
  if (values.length === 0) {
    throw new InvalidInputError('the file has a header row but no feature rows', { details: { file, line: head.value.line } });
  }

  const kept = selection.kept;
  const d = values.length;
  const matrix = Matrix.zeros(kept.length, d);
  for (let f = 0; f < d; f++) {
    const row = values[f];
    for (let s = 0; s < kept.length; s++) matrix.data[s * d + f] = row[kept[s].index];
  }
  return {
    omics,
    files: [file],
    ids: kept.map((k) => k.patient),
    read: samples,
    featureNames,
    matrix,
    notPrimaryTumour: selection.notPrimaryTumour,
    duplicateAliquot: selection.duplicateAliquot,
  };
}

function checkWidth(rec: DelimitedRecord, width: number, file: string): void {
  if (rec.fields.length !== width) {
    throw new InvalidInputError(`ragged row: ${rec.fields.length} fields where the header has ${width}`, {
      details: { file, line: rec.line, received: `${rec.fields.length} fields` },
      hint: 'every row needs one field per header cell; check for a missing or extra tab',
    });
  }
}
