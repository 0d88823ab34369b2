/**
 * Writes a dataset in the Xena layout (features × samples TSV per omics, `<COHORT>_clinicalMatrix`),
 * with the barcode rule's edge cases on the first three patients so tests can check each one.
 */
import type { PairedDataset } from '@cch-lab/data';
import { XENA_FILES } from '../files/resolve-options.js';
import { STAGE_COLUMN, XENA_LABEL_COLUMNS } from '../readers/label-rules.js';
import { OMICS, TCGA_COHORTS } from '../types.js';
import type { Omics, TcgaCohort } from '../types.js';
import { writeText } from './temp-dir.js';
import { featureNamesOf, sampleIdsOf } from './tiny-cohort.js';

export interface XenaFixtureOptions {
  /** Names the clinical file and picks the label column. Default `meta.cohort`, else 'brca'. */
  cohort?: string;
  /** Default the cohort's XENA_LABEL_COLUMNS entry. */
  labelColumn?: string;
  /**
   * Default true: patient 1 also has a solid-normal column (`-11A`, values + 1000) and a normal
   * clinical row with another label; patient 2 has a second aliquot `-01B` (values + 500) written
   * before its `-01A` column; patient 3 is written as a bare 12-character barcode.
   */
  edgeCases?: boolean;
  /** The last k patients get an empty label in the clinical matrix. Default 0. */
  missingLabels?: number;
  /** The first k samples' first RPPA feature is written NA. Default 0. */
  missingCells?: number;
  /** Write the last RPPA feature as NA in every column. Default false. */
  allMissingFeature?: boolean;
}

/** What was written, for assertions. */
export interface XenaFixture {
  dir: string;
  cohort: string;
  labelColumn: string;
  /** Barcodes the loader must drop: the normal column, and the second aliquot. */
  normalBarcode?: string;
  extraAliquot?: string;
  /** The patient written without sample type. */
  patientOnly?: string;
  /** Patients whose label is empty. */
  missingLabelPatients: string[];
}

/** Offsets that mark the decoy columns' values, so a test can see they were not read. */
export const NORMAL_OFFSET = 1000;
export const ALIQUOT_OFFSET = 500;

export function writeXenaFolder(dir: string, ds: PairedDataset, options: XenaFixtureOptions = {}): XenaFixture {
  const cohort = options.cohort ?? (typeof ds.meta.cohort === 'string' ? ds.meta.cohort : 'brca');
  const labelColumn =
    options.labelColumn ?? ((TCGA_COHORTS as readonly string[]).includes(cohort) ? XENA_LABEL_COLUMNS[cohort as TcgaCohort] : 'subtype');
  const edge = options.edgeCases ?? true;
  const patients = sampleIdsOf(ds);
  const n = patients.length;
  const tumour = (i: number): string => (edge && i === 2 ? patients[i] : `${patients[i]}-01A-11R-A00${i % 10}-07`);

  // Columns: [header barcode, source row, value offset].
  const columns: [string, number, number][] = [];
  for (let i = 0; i < n; i++) {
    if (edge && i === 1) columns.push([`${patients[i]}-01B-02R-A00${i % 10}-07`, i, ALIQUOT_OFFSET]);
    columns.push([tumour(i), i, 0]);
    if (edge && i === 0) columns.push([`${patients[i]}-11A-01R-A00${i % 10}-07`, i, NORMAL_OFFSET]);
  }
  const missingCells = options.missingCells ?? 0;
  for (const o of OMICS as readonly Omics[]) {
    const x = ds.modalities[o];
    if (x === undefined) continue;
    const names = featureNamesOf(ds, o);
    const lines = [[o === 'cnv' ? 'Gene Symbol' : 'sample', ...columns.map((c) => c[0])].join('\t')];
    for (let j = 0; j < x.cols; j++) {
      const cells = columns.map(([, i, offset]) => {
        const na = o === 'rppa' && ((j === 0 && i < missingCells && offset === 0) || (options.allMissingFeature === true && j === x.cols - 1));
        return na ? 'NA' : String(x.get(i, j) + offset);
      });
      lines.push([names[j], ...cells].join('\t'));
    }
    writeText(dir, XENA_FILES[o], lines.join('\n') + '\n');
  }

  const classes = ds.classes ?? [];
  const written = (c: string): string => (labelColumn === STAGE_COLUMN ? (c === 'early' ? 'Stage IIA' : 'Stage IIIB') : c);
  const missingFrom = n - (options.missingLabels ?? 0);
  const rows = [['sampleID', 'sample_type', labelColumn, 'age'].join('\t')];
  for (let i = 0; i < n; i++) {
    const label = i >= missingFrom ? '' : written(classes[ds.labels[i]]);
    rows.push([`${patients[i]}-01`, 'Primary Tumor', label, String(40 + (i % 30))].join('\t'));
    if (edge && i === 0) {
      const other = classes[(ds.labels[i] + 1) % classes.length];
      rows.push([`${patients[i]}-11`, 'Solid Tissue Normal', written(other), String(40)].join('\t'));
    }
  }
  writeText(dir, `${cohort.toUpperCase()}_clinicalMatrix`, rows.join('\n') + '\n');

  const fixture: XenaFixture = { dir, cohort, labelColumn, missingLabelPatients: patients.slice(missingFrom) };
  if (edge) {
    fixture.normalBarcode = `${patients[0]}-11A-01R-A000-07`;
    fixture.extraAliquot = `${patients[1]}-01B-02R-A001-07`;
    fixture.patientOnly = patients[2];
  }
  return fixture;
}
