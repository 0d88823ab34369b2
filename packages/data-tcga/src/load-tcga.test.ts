import path from 'node:path';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { DataNotFoundError, InvalidInputError } from '@cch-lab/core';
import { splitCounts } from '@cch-lab/data';
import type { PairedDataset } from '@cch-lab/data';
import { loadTcga, TCGA_DEFAULT_SPLIT_SEED } from './load-tcga.js';
import {
  ALIQUOT_OFFSET,
  makeTempDir,
  removeDir,
  tinyCohort,
  writeMogcnFolder,
  writeMogonetFolder,
  writeText,
  writeXenaFolder,
} from './testing-fixtures/index.js';
import type { TcgaMeta } from './types.js';

let root: string;
let count = 0;
beforeAll(() => {
  root = makeTempDir();
});
afterAll(() => removeDir(root));

/** A fresh folder under the suite's temp dir, named like a cohort so the default cohort is predictable. */
function folder(cohort = 'brca'): string {
  count += 1;
  return path.join(root, String(count), cohort);
}

function metaOf(ds: PairedDataset): TcgaMeta {
  return ds.meta as unknown as TcgaMeta;
}

/** The InvalidInputError that `fn` throws. */
function errorOf(fn: () => unknown): InvalidInputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return error as InvalidInputError;
  }
  throw new Error('expected a throw');
}

const source = tinyCohort();
const ids = source.meta.sampleIds as string[];

describe('data-tcga/load-tcga: MOGONET', () => {
  it('reads the views, keeps the given split (train rows first), names features', () => {
    const dir = writeMogonetFolder(folder(), source);
    const ds = loadTcga({ path: dir, layout: 'mogonet' });
    const meta = metaOf(ds);
    const ntr = source.splits.train.length;
    expect(ds.name).toBe('tcga-brca');
    expect(ds.source).toBe('real');
    expect(ds.task).toBe('classification');
    expect(ds.labels.length).toBe(source.labels.length);
    expect(Array.from(ds.splits.train)).toEqual(Array.from({ length: ntr }, (_, i) => i));
    expect(ds.splits.test.length).toBe(source.splits.test.length);
    expect(meta.fixedSplit).toBe(true);
    expect(meta.splitSeed).toBeUndefined();
    expect(ds.classes).toEqual(['0', '1', '2', '3', '4']);
    // Row 0 is the first train row of the source; the last row the last test row.
    const firstTrain = source.splits.train[0];
    const lastTest = source.splits.test[source.splits.test.length - 1];
    expect(Array.from(ds.modalities.cnv.row(0))).toEqual(Array.from(source.modalities.cnv.row(firstTrain)));
    expect(Array.from(ds.modalities.rppa.row(ds.labels.length - 1))).toEqual(Array.from(source.modalities.rppa.row(lastTest)));
    expect(ds.labels[0]).toBe(source.labels[firstTrain]);
    expect(meta.featureNames.mrna).toEqual((source.meta.featureNames as Record<string, string[]>).mrna);
    expect(meta.sampleIds.slice(0, 2)).toEqual(['tr-1', 'tr-2']);
    expect(meta.files.map((f) => path.basename(f))).toEqual([
      '1_tr.csv', '1_te.csv', '1_featname.csv', '2_tr.csv', '2_te.csv', '2_featname.csv',
      '3_tr.csv', '3_te.csv', '3_featname.csv', 'labels_tr.csv', 'labels_te.csv',
    ]);
    expect(JSON.parse(JSON.stringify(ds.meta))).toEqual(ds.meta);
  });

  it('maps views to omics as configured and loads a subset of omics', () => {
    const dir = writeMogonetFolder(folder(), source, { views: { mrna: 3, rppa: 1 } });
    const ds = loadTcga({ path: dir, layout: 'mogonet', views: { mrna: 3, rppa: 1 }, omics: ['rppa', 'mrna'] });
    expect(Object.keys(ds.modalities)).toEqual(['rppa', 'mrna']);
    expect(ds.modalities.mrna.cols).toBe(12);
    expect(ds.modalities.rppa.cols).toBe(8);
  });

  it('names the label file whose length does not match the rows', () => {
    const dir = writeMogonetFolder(folder(), source);
    writeText(dir, 'labels_te.csv', '0\n1\n');
    const e = errorOf(() => loadTcga({ path: dir, layout: 'mogonet' }));
    expect(e.details.file).toBe(path.join(dir, 'labels_te.csv'));
    expect(e.message).toMatch(/holds 2 labels but .*1_te\.csv has \d+ rows/);
  });

  it('names a feature-name file of the wrong length, a non-integer label, a non-numeric cell', () => {
    const dir = writeMogonetFolder(folder(), source);
    writeText(dir, '2_featname.csv', 'a\nb\n');
    expect(errorOf(() => loadTcga({ path: dir, layout: 'mogonet' })).details.file).toBe(path.join(dir, '2_featname.csv'));

    const dir2 = writeMogonetFolder(folder(), source);
    writeText(dir2, 'labels_tr.csv', fs.readFileSync(path.join(dir2, 'labels_tr.csv'), 'utf8').replace(/^\d+/, 'x'));
    const e2 = errorOf(() => loadTcga({ path: dir2, layout: 'mogonet' }));
    expect([e2.details.file, e2.details.line]).toEqual([path.join(dir2, 'labels_tr.csv'), 1]);

    const dir3 = writeMogonetFolder(folder(), source);
    const lines = fs.readFileSync(path.join(dir3, '1_te.csv'), 'utf8').split('\n');
    lines[2] = lines[2].replace(/^[^,]+,[^,]+/, (m) => `${m.split(',')[0]},abc`);
    writeText(dir3, '1_te.csv', lines.join('\n'));
    const e3 = errorOf(() => loadTcga({ path: dir3, layout: 'mogonet' }));
    expect([e3.details.file, e3.details.line, e3.details.column, e3.details.received]).toEqual([path.join(dir3, '1_te.csv'), 3, 2, 'abc']);
  });
});

describe('data-tcga/load-tcga: MoGCN', () => {
  it('reads samples × features CSV, text labels, and a seeded stratified default split', () => {
    const dir = writeMogcnFolder(folder(), source);
    const ds = loadTcga({ path: dir, layout: 'mogcn' });
    const meta = metaOf(ds);
    expect(ds.classes).toEqual(source.classes);
    expect(Array.from(ds.labels)).toEqual(Array.from(source.labels));
    expect(ds.modalities.mrna.data).toEqual(source.modalities.mrna.data);
    expect(meta.sampleIds).toEqual(ids);
    expect(meta.fixedSplit).toBe(false);
    expect(meta.splitSeed).toBe(TCGA_DEFAULT_SPLIT_SEED);
    expect(meta.labelColumn).toBe('label');
    expect(ds.splits.train.length + ds.splits.test.length).toBe(ds.labels.length);
    const perClass = Object.values(source.meta.classCounts as Record<string, number>);
    const expectedTest = perClass.reduce((a, n) => a + splitCounts(n, { train: 0.7, val: 0, test: 0.3 }).test, 0);
    expect(ds.splits.test.length).toBe(expectedTest);
    // The same folder gives the same split.
    expect(loadTcga({ path: dir, layout: 'mogcn' }).splits).toEqual(ds.splits);
    expect(meta.log2Hint.mrna).toBe('unknown');
  });

  it('intersects the samples across omics and labels and counts each drop per file', () => {
    const dir = writeMogcnFolder(folder(), source, { leaveOut: { cnv: [ids[0], ids[1]], labels: [ids[5]] } });
    const ds = loadTcga({ path: dir, layout: 'mogcn' });
    const meta = metaOf(ds);
    expect(ds.labels.length).toBe(ids.length - 3);
    expect(meta.sampleIds).not.toContain(ids[0]);
    expect(meta.drops.mrna?.counts.notInEveryOmics).toBe(3);
    expect(meta.drops.cnv?.counts.notInEveryOmics).toBe(1);
    expect(meta.drops.labels?.counts.notInEveryOmics).toBe(2);
    expect(meta.drops.mrna?.examples.notInEveryOmics).toEqual([ids[0], ids[1], ids[5]]);
    for (const d of Object.values(meta.drops)) {
      const dropped = Object.values(d.counts).reduce((a, b) => a + b, 0);
      expect(d.read).toBe(d.kept + dropped);
    }
  });

  it('reads integer labels and sorts them numerically', () => {
    const dir = writeMogcnFolder(folder(), source, { labelsAs: 'indices' });
    writeText(dir, 'sample_classes.csv', ['id,class', ...ids.map((id, i) => `${id},${i % 2 === 0 ? 10 : 2}`)].join('\n'));
    const ds = loadTcga({ path: dir, layout: 'mogcn' });
    expect(ds.classes).toEqual(['2', '10']);
    expect(ds.labels[0]).toBe(1);
  });

  it('names file and line for a ragged row, a non-numeric cell and a duplicate id', () => {
    const dir = writeMogcnFolder(folder(), source);
    const file = path.join(dir, 'gistic_data.csv');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    writeText(dir, 'gistic_data.csv', [...lines.slice(0, 4), lines[4].replace(/,[^,]+$/, ''), ...lines.slice(5)].join('\n'));
    const ragged = errorOf(() => loadTcga({ path: dir, layout: 'mogcn' }));
    expect([ragged.details.file, ragged.details.line]).toEqual([file, 5]);
    expect(ragged.message).toMatch(/ragged row/);

    writeText(dir, 'gistic_data.csv', [...lines.slice(0, 3), lines[3].replace(/,[^,]+,/, ',oops,'), ...lines.slice(4)].join('\n'));
    const cell = errorOf(() => loadTcga({ path: dir, layout: 'mogcn' }));
    expect([cell.details.file, cell.details.line, cell.details.column, cell.details.received]).toEqual([file, 4, 2, 'oops']);

    writeText(dir, 'gistic_data.csv', [...lines.slice(0, 3), lines[1], ...lines.slice(3)].join('\n'));
    const dup = errorOf(() => loadTcga({ path: dir, layout: 'mogcn' }));
    expect([dup.details.file, dup.details.line, dup.details.received]).toEqual([file, 4, ids[0]]);
    expect(dup.message).toMatch(/duplicate sample id .* \(also at line 2\)/);
  });

  it('rejects files with no shared samples, and a single class', () => {
    const dir = writeMogcnFolder(folder(), source);
    writeText(dir, 'sample_classes.csv', 'sample,label\nX1,a\nX2,b\n');
    const none = errorOf(() => loadTcga({ path: dir, layout: 'mogcn' }));
    expect(none.message).toMatch(/no sample is in every omics file/);
    expect(none.message).toMatch(/sample_classes\.csv: 2 \(e\.g\. X1, X2\)/);

    writeText(dir, 'sample_classes.csv', ['sample,label', ...ids.map((id) => `${id},LumA`)].join('\n'));
    const one = errorOf(() => loadTcga({ path: dir, layout: 'mogcn' }));
    expect(one.details.file).toBe(path.join(dir, 'sample_classes.csv'));
    expect(one.message).toMatch(/same class 'LumA'/);
  });

  it('throws DataNotFoundError listing every missing file and the data script', () => {
    const dir = writeMogcnFolder(folder(), source);
    fs.rmSync(path.join(dir, 'rppa_data.csv'));
    fs.rmSync(path.join(dir, 'sample_classes.csv'));
    let error: unknown;
    try {
      loadTcga({ path: dir, layout: 'mogcn' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataNotFoundError);
    const e = error as DataNotFoundError;
    expect(e.expectedPaths).toEqual([path.join(dir, 'rppa_data.csv'), path.join(dir, 'sample_classes.csv')]);
    expect(e.hint).toMatch(/data-scripts\/tcga\/README\.md/);
  });
});

describe('data-tcga/load-tcga: Xena', () => {
  it('transposes features × samples and applies the barcode rule', () => {
    const dir = folder();
    const fx = writeXenaFolder(dir, source);
    const ds = loadTcga({ path: dir, layout: 'xena' });
    const meta = metaOf(ds);
    expect(meta.sampleIds).toEqual(ids);
    expect(meta.sampleIds).toContain(fx.patientOnly);
    expect(ds.modalities.mrna.rows).toBe(ids.length);
    expect(ds.modalities.mrna.cols).toBe(12);
    // Values are the -01A aliquot's, not the normal's (+1000) or the -01B aliquot's (+500).
    expect(ds.modalities.cnv.data).toEqual(source.modalities.cnv.data);
    expect(ds.modalities.mrna.data).toEqual(source.modalities.mrna.data);
    expect(ds.modalities.mrna.get(1, 0)).not.toBe(source.modalities.mrna.get(1, 0) + ALIQUOT_OFFSET);
    expect(Array.from(ds.labels)).toEqual(Array.from(source.labels));
    expect(ds.classes).toEqual(source.classes);
    expect(meta.labelColumn).toBe('PAM50Call_RNAseq');
    expect(meta.featureNames.cnv).toEqual((source.meta.featureNames as Record<string, string[]>).cnv);
    for (const o of ['mrna', 'cnv', 'rppa'] as const) {
      expect(meta.drops[o]?.counts.notPrimaryTumour).toBe(1);
      expect(meta.drops[o]?.examples.notPrimaryTumour).toEqual([fx.normalBarcode]);
      expect(meta.drops[o]?.counts.duplicateAliquot).toBe(1);
      expect(meta.drops[o]?.examples.duplicateAliquot).toEqual([fx.extraAliquot]);
      expect(meta.drops[o]?.read).toBe(ids.length + 2);
    }
    expect(meta.drops.labels?.counts.notPrimaryTumour).toBe(1);
    expect(meta.log2Hint.mrna).toBe('already-logged');
    expect(meta.files.map((f) => path.basename(f))).toEqual(['HiSeqV2', 'Gistic2_CopyNumber_Gistic2_all_thresholded.by_genes', 'RPPA', 'BRCA_clinicalMatrix']);
  });

  it('drops and counts samples with a missing label', () => {
    const dir = folder();
    const fx = writeXenaFolder(dir, source, { missingLabels: 3 });
    const ds = loadTcga({ path: dir, layout: 'xena' });
    const meta = metaOf(ds);
    expect(ds.labels.length).toBe(ids.length - 3);
    expect(meta.drops.labels?.counts.missingLabel).toBe(3);
    expect(meta.drops.labels?.examples.missingLabel).toEqual(fx.missingLabelPatients);
    expect(meta.drops.rppa?.counts.missingLabel).toBe(3);
    expect(meta.drops.rppa?.counts.notInEveryOmics).toBe(0);
  });

  it('reads missing cells as 0 placeholders listed in meta.missing', () => {
    const dir = folder();
    writeXenaFolder(dir, source, { missingCells: 4 });
    const ds = loadTcga({ path: dir, layout: 'xena' });
    const missing = metaOf(ds).missing;
    expect(missing.rppa?.count).toBe(4);
    expect(missing.rppa?.cells).toEqual([0, 8, 16, 24]);
    expect(ds.modalities.rppa.get(1, 0)).toBe(0);
    expect(missing.mrna?.count).toBe(0);
  });

  it('bins pathologic_stage into early / late for LIHC, and needs labelColumn for an unknown cohort', () => {
    const lihc = tinyCohort({ cohort: 'lihc', samples: 30 });
    const dir = folder('lihc');
    writeXenaFolder(dir, lihc);
    const ds = loadTcga({ path: dir, layout: 'xena' });
    expect(ds.classes).toEqual(['early', 'late']);
    expect(Array.from(ds.labels)).toEqual(Array.from(lihc.labels));

    const other = folder('luad');
    writeXenaFolder(other, source, { cohort: 'luad', labelColumn: 'subtype' });
    const e = errorOf(() => loadTcga({ path: other, layout: 'xena' }));
    expect(e.message).toMatch(/no labelColumn given .* columns of .*LUAD_clinicalMatrix: sample_type, subtype, age/);
    expect(loadTcga({ path: other, layout: 'xena', labelColumn: 'subtype' }).name).toBe('tcga-luad');
    expect(errorOf(() => loadTcga({ path: other, layout: 'xena', labelColumn: 'PAM50' })).details.field).toBe('labelColumn');
  });

  it('reads .gz files and Firehose annotation columns', () => {
    const dir = folder();
    writeXenaFolder(dir, source, { edgeCases: false });
    const file = path.join(dir, 'Gistic2_CopyNumber_Gistic2_all_thresholded.by_genes');
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n').map((l, i) => {
      const [first, ...rest] = l.split('\t');
      return [first, i === 0 ? 'Locus ID\tCytoband' : `${100 + i}\t1p36.${i}`, ...rest].join('\t');
    });
    fs.writeFileSync(file, lines.join('\n'));
    fs.writeFileSync(path.join(dir, 'RPPA.gz'), zlib.gzipSync(fs.readFileSync(path.join(dir, 'RPPA'))));
    fs.rmSync(path.join(dir, 'RPPA'));
    const ds = loadTcga({ path: dir, layout: 'xena' });
    expect(ds.modalities.cnv.data).toEqual(source.modalities.cnv.data);
    expect(ds.modalities.rppa.data).toEqual(source.modalities.rppa.data);
    expect(metaOf(ds).files).toContain(path.join(dir, 'RPPA.gz'));
  });

  it('names file, line and column for a bad barcode, a duplicate barcode, a non-numeric cell, a ragged row', () => {
    const dir = folder();
    writeXenaFolder(dir, source, { edgeCases: false });
    const file = path.join(dir, 'RPPA');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const header = lines[0].split('\t');
    const rewrite = (l0: string, rest = lines.slice(1)): void => void fs.writeFileSync(file, [l0, ...rest].join('\n'));

    rewrite([...header.slice(0, 3), 'not-a-barcode', ...header.slice(4)].join('\t'));
    const bad = errorOf(() => loadTcga({ path: dir, layout: 'xena' }));
    expect([bad.details.file, bad.details.line, bad.details.column]).toEqual([file, 1, 4]);

    rewrite([...header.slice(0, 3), header[1], ...header.slice(4)].join('\t'));
    const dup = errorOf(() => loadTcga({ path: dir, layout: 'xena' }));
    expect([dup.details.line, dup.details.column]).toEqual([1, 4]);
    expect(dup.message).toMatch(/duplicate sample id .*also at line 1, column 2/);

    const row = lines[2].split('\t');
    rewrite(lines[0], [lines[1], [...row.slice(0, 5), 'high', ...row.slice(6)].join('\t'), ...lines.slice(3)]);
    const cell = errorOf(() => loadTcga({ path: dir, layout: 'xena' }));
    expect([cell.details.line, cell.details.column, cell.details.received]).toEqual([3, 6, 'high']);

    rewrite(lines[0], [lines[1], row.slice(0, -1).join('\t'), ...lines.slice(3)]);
    const ragged = errorOf(() => loadTcga({ path: dir, layout: 'xena' }));
    expect([ragged.details.line, ragged.message]).toEqual([3, expect.stringMatching(/ragged row/)]);
  });
});
