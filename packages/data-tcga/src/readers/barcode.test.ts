import { InvalidInputError } from '@cch-lab/core';
import { parseBarcode, selectPrimaryTumour } from './barcode.js';

const at = (i: number): { line: number; column: number } => ({ line: 1, column: i + 2 });

describe('data-tcga/barcode', () => {
  it('splits a barcode into patient and sample type', () => {
    expect(parseBarcode('TCGA-OR-A5J2-01A-11R-A29S-07')).toEqual({ barcode: 'TCGA-OR-A5J2-01A-11R-A29S-07', patient: 'TCGA-OR-A5J2', sampleType: '01' });
    expect(parseBarcode('TCGA-OR-A5J2-11')?.sampleType).toBe('11');
    expect(parseBarcode(' TCGA-OR-A5J2 ')).toEqual({ barcode: 'TCGA-OR-A5J2', patient: 'TCGA-OR-A5J2', sampleType: undefined });
    expect(parseBarcode('TCGA.OR.A5J2.01')?.patient).toBe('TCGA-OR-A5J2');
    expect(parseBarcode('sample')).toBeUndefined();
    expect(parseBarcode('TCGA-OR-A5J2-1')).toBeUndefined();
  });

  it('keeps primary tumours, one per patient (first in sorted order), and a bare patient barcode', () => {
    const s = selectPrimaryTumour(
      ['TCGA-AA-0001-01B-02R', 'TCGA-AA-0001-01A-01R', 'TCGA-AA-0002-11A', 'TCGA-AA-0002-01A', 'TCGA-AA-0003', 'TCGA-AA-0004-06A'],
      'f',
      at,
    );
    expect(s.kept).toEqual([
      { index: 1, patient: 'TCGA-AA-0001' },
      { index: 3, patient: 'TCGA-AA-0002' },
      { index: 4, patient: 'TCGA-AA-0003' },
    ]);
    expect(s.notPrimaryTumour).toEqual(['TCGA-AA-0002-11A', 'TCGA-AA-0004-06A']);
    expect(s.duplicateAliquot).toEqual(['TCGA-AA-0001-01B-02R']);
  });

  it('rejects a non-barcode and a repeated barcode with file, line and column', () => {
    const bad = (() => {
      try {
        selectPrimaryTumour(['TCGA-AA-0001-01A', 'oops'], 'm.tsv', at);
      } catch (e) {
        return e as InvalidInputError;
      }
    })();
    expect(bad).toBeInstanceOf(InvalidInputError);
    expect(bad?.details).toMatchObject({ file: 'm.tsv', line: 1, column: 3, received: '"oops"' });
    expect(() => selectPrimaryTumour(['TCGA-AA-0001-01A', 'TCGA-AA-0001-01A'], 'm.tsv', at)).toThrow(/m.tsv:1:3: duplicate sample id/);
  });
});
