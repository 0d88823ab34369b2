/**
 * The TCGA barcode rule: which sample of a patient a column (or clinical row) stands for.
 *
 * A barcode is `TCGA-TSS-PPPP[-TTV[-PPA-AAAA-CC]]`: the first 12 characters name the patient,
 * characters 14–15 the sample type (01 primary solid tumour, 06 metastatic, 11 solid normal, …).
 * The rule keeps primary-tumour samples only (type 01) and accepts a bare 12-character patient
 * barcode as "type unknown" (some processed matrices are keyed by patient). Of several kept
 * barcodes of one patient (aliquots, vials, portions) the first in code-unit sorted order is kept,
 * so every patient contributes one sample and a tumour never merges with a normal. The sample id
 * after the rule is the patient barcode, which is what the omics files and the clinical table are
 * matched on. R-mangled barcodes (`TCGA.A1.A0SB.01`) are read with '.' as '-'.
 */
import { InvalidInputError } from '@cch-lab/core';

/** The sample type code kept: primary solid tumour. */
export const PRIMARY_TUMOUR_TYPE = '01';

const BARCODE = /^TCGA-[A-Z0-9]{2}-[A-Z0-9]{4}(?:-(\d{2})(?:[A-Z](?:-.*)?)?)?$/;

export interface ParsedBarcode {
  /** The barcode as written (trimmed). */
  barcode: string;
  /** The first 12 characters, upper-case, '.' read as '-'. */
  patient: string;
  /** Sample type code (chars 14–15), undefined for a bare patient barcode. */
  sampleType?: string;
}

/** The barcode's parts, or undefined when `text` is not a TCGA barcode. */
export function parseBarcode(text: string): ParsedBarcode | undefined {
  const barcode = text.trim();
  const canonical = barcode.toUpperCase().replace(/\./g, '-');
  const match = BARCODE.exec(canonical);
  if (match === null) return undefined;
  return { barcode, patient: canonical.slice(0, 12), sampleType: match[1] };
}

/** True when `text` looks like a TCGA barcode (used to find the first sample column of a Xena header). */
export function isBarcode(text: string): boolean {
  return parseBarcode(text) !== undefined;
}

/** Where each barcode sits in its file, for messages. */
export interface BarcodeLocation {
  line: number;
  column?: number;
}

export interface BarcodeSelection {
  /** Kept entries in input order: the position in the input list and the patient id. */
  kept: { index: number; patient: string }[];
  /** Barcodes (as written) dropped because their sample type is not 01. */
  notPrimaryTumour: string[];
  /** Barcodes dropped because an earlier-sorted barcode of the same patient was kept. */
  duplicateAliquot: string[];
}

/**
 * Applies the barcode rule to `barcodes` (in file order).
 *
 * @param locate The line (and column) of entry i, for messages.
 * @throws InvalidInputError (file, line, column) for a text that is not a TCGA barcode, or for the
 *   same barcode written twice (which of the two to keep would be a guess).
 */
export function selectPrimaryTumour(barcodes: readonly string[], file: string, locate: (i: number) => BarcodeLocation): BarcodeSelection {
  const notPrimaryTumour: string[] = [];
  const byPatient = new Map<string, { index: number; barcode: string }[]>();
  const seen = new Map<string, number>();
  for (const [i, text] of barcodes.entries()) {
    const parsed = parseBarcode(text);
    if (parsed === undefined) {
      throw new InvalidInputError('not a TCGA barcode (TCGA-XX-XXXX, optionally followed by -<sample type>…)', {
        details: { file, ...locate(i), received: JSON.stringify(text) },
        hint: 'Xena / Firehose matrices name their sample columns by TCGA barcode; use the mogcn layout for other ids',
      });
    }
    const key = parsed.barcode.toUpperCase().replace(/\./g, '-');
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const first = locate(earlier);
      throw new InvalidInputError(`duplicate sample id ${JSON.stringify(parsed.barcode)} (also at line ${first.line}${first.column !== undefined ? `, column ${first.column}` : ''})`, {
        details: { file, ...locate(i), received: parsed.barcode },
        hint: 'each sample must appear once per file; remove the repeated column or row',
      });
    }
    seen.set(key, i);
    if (parsed.sampleType !== undefined && parsed.sampleType !== PRIMARY_TUMOUR_TYPE) {
      notPrimaryTumour.push(parsed.barcode);
      continue;
    }
    let group = byPatient.get(parsed.patient);
    if (group === undefined) byPatient.set(parsed.patient, (group = []));
    group.push({ index: i, barcode: key });
  }
  const kept: { index: number; patient: string }[] = [];
  const duplicateAliquot: string[] = [];
  for (const [patient, group] of byPatient) {
    // Code-unit order, so the choice is the same in every locale.
    group.sort((a, b) => (a.barcode < b.barcode ? -1 : a.barcode > b.barcode ? 1 : 0));
    kept.push({ index: group[0].index, patient });
    for (const g of group.slice(1)) duplicateAliquot.push(barcodes[g.index].trim());
  }
  kept.sort((a, b) => a.index - b.index);
  return { kept, notPrimaryTumour, duplicateAliquot };
}
