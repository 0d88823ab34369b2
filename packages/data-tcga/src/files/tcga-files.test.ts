import fs from 'node:fs';
import path from 'node:path';
import { DataNotFoundError, InvalidInputError } from '@cch-lab/core';
import { makeTempDir, removeDir, tinyCohort, writeMogonetFolder, writeXenaFolder } from '../testing-fixtures/index.js';
import { tcgaFiles } from './tcga-files.js';

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeDir(dir));

describe('data-tcga/tcga-files', () => {
  it('lists the files a load reads, absolute, per omics then labels; .gz when only that exists', () => {
    const xena = path.join(dir, 'kipan');
    writeXenaFolder(xena, tinyCohort({ cohort: 'kipan', samples: 20 }));
    fs.renameSync(path.join(xena, 'HiSeqV2'), path.join(xena, 'HiSeqV2.gz'));
    expect(tcgaFiles({ path: xena, layout: 'xena', omics: ['mrna', 'rppa'] })).toEqual([
      path.join(xena, 'HiSeqV2.gz'),
      path.join(xena, 'RPPA'),
      path.join(xena, 'KIPAN_clinicalMatrix'),
    ]);
  });

  it('throws DataNotFoundError listing every missing file', () => {
    const mogonet = writeMogonetFolder(path.join(dir, 'm'), tinyCohort());
    fs.rmSync(path.join(mogonet, '2_te.csv'));
    fs.rmSync(path.join(mogonet, 'labels_tr.csv'));
    expect(() => tcgaFiles({ path: mogonet, layout: 'mogonet' })).toThrow(DataNotFoundError);
    try {
      tcgaFiles({ path: mogonet, layout: 'mogonet' });
    } catch (e) {
      expect((e as DataNotFoundError).expectedPaths).toEqual([path.join(mogonet, '2_te.csv'), path.join(mogonet, 'labels_tr.csv')]);
    }
    expect(() => tcgaFiles({ path: path.join(dir, 'none'), layout: 'mogcn' })).toThrow(/4 file\(s\) missing/);
  });

  it('checks the options', () => {
    expect(() => tcgaFiles({ path: dir, layout: 'csv' as never })).toThrow(InvalidInputError);
    expect(() => tcgaFiles({ path: dir, layout: 'mogcn', omics: ['mrna', 'mrna'] })).toThrow(/omics.1/);
    expect(() => tcgaFiles({ path: dir, layout: 'mogcn', omics: ['methylation' as never] })).toThrow(/unknown omics/);
    expect(() => tcgaFiles({ path: dir, layout: 'mogonet', views: { cnv: 1 } })).toThrow(/view 1 is assigned to both mrna and cnv/);
  });
});
