import fs from 'node:fs';
import path from 'node:path';
import { InvalidInputError } from '@cch-lab/core';
import { makeTempDir, removeDir, tinyCohort, writeMogcnFolder, writeMogonetFolder, writeText, writeXenaFolder } from '../testing-fixtures/index.js';
import { formatTcgaVerify } from './format-tcga-verify.js';
import { verifyTcga } from './verify-tcga.js';

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeDir(dir));

const source = tinyCohort();
const n = source.labels.length;

describe('data-tcga/verify-tcga', () => {
  it('reports samples, features, intersection, classes, drops and files of a loadable folder', () => {
    const folder = path.join(dir, 'x', 'brca');
    writeXenaFolder(folder, source, { missingLabels: 2, missingCells: 3 });
    const r = verifyTcga({ path: folder, layout: 'xena' });
    expect(r.ok).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.omics.mrna).toMatchObject({ samplesRead: n + 2, samples: n, features: 12, missingCells: 0 });
    expect(r.omics.rppa?.missingCells).toBe(3);
    expect(r.labels).toMatchObject({ samplesRead: n + 1, samples: n, missing: 2, labelColumn: 'PAM50Call_RNAseq' });
    expect(r.intersection).toBe(n - 2);
    expect(Object.values(r.classCounts).reduce((a, b) => a + b, 0)).toBe(n - 2);
    expect(Object.keys(r.classCounts)).toEqual(source.classes);
    expect(r.drops.cnv?.counts).toEqual({ notPrimaryTumour: 1, duplicateAliquot: 1, missingLabel: 2, notInEveryOmics: 0 });
    expect(r.files).toHaveLength(4);
    const text = formatTcgaVerify(r);
    expect(text).toMatch(/: ok/);
    expect(text).toMatch(/mrna +40 samples \(42 read\) × 12 features/);
    expect(text).toMatch(/dropped from cnv: 1 not primary tumour \(e\.g\. TCGA-SB-0001-11A/);
  });

  it('reports fixable problems instead of throwing: missing files, no label column, no shared samples, one class', () => {
    const mogonet = writeMogonetFolder(path.join(dir, 'm'), source);
    fs.rmSync(path.join(mogonet, '3_featname.csv'));
    const missing = verifyTcga({ path: mogonet, layout: 'mogonet' });
    expect(missing.ok).toBe(false);
    expect(missing.missingFiles).toEqual([path.join(mogonet, '3_featname.csv')]);
    expect(formatTcgaVerify(missing)).toMatch(/NOT loadable[\s\S]*problem: 1 file\(s\) missing/);

    const luad = path.join(dir, 'luad');
    writeXenaFolder(luad, source, { cohort: 'luad', labelColumn: 'subtype' });
    const column = verifyTcga({ path: luad, layout: 'xena' });
    expect(column.problems[0]).toMatch(/no labelColumn given/);
    expect(column.labels?.columns).toEqual(['sampleID', 'sample_type', 'subtype', 'age']);

    const mogcn = writeMogcnFolder(path.join(dir, 'c'), source);
    writeText(mogcn, 'sample_classes.csv', 'sample,label\nX1,a\n');
    expect(verifyTcga({ path: mogcn, layout: 'mogcn' }).problems).toEqual(['no sample is in every omics file and has a label']);
    const ids = source.meta.sampleIds as string[];
    writeText(mogcn, 'sample_classes.csv', ['sample,label', ...ids.map((id) => `${id},LumA`)].join('\n'));
    const one = verifyTcga({ path: mogcn, layout: 'mogcn' });
    expect([one.ok, one.intersection, one.classCounts]).toEqual([false, n, { LumA: n }]);
  });

  it('throws the loader’s errors for malformed files', () => {
    const mogcn = writeMogcnFolder(path.join(dir, 'bad'), source);
    const file = path.join(mogcn, 'rppa_data.csv');
    fs.appendFileSync(file, 'TCGA-ZZ-0001,1,2\n');
    expect(() => verifyTcga({ path: mogcn, layout: 'mogcn' })).toThrow(InvalidInputError);
    expect(() => verifyTcga({ path: mogcn, layout: 'mogcn' })).toThrow(/rppa_data\.csv:42: ragged row/);
  });
});
