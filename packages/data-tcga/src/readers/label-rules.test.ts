import { isMissingLabel, labelValue, stageGroup } from './label-rules.js';

describe('data-tcga/label-rules', () => {
  it('reads empty, NA and bracketed TCGA placeholders as missing', () => {
    for (const t of ['', ' ', 'NA', 'nan', 'null', '[Not Available]', '[Discrepancy]']) expect(isMissingLabel(t)).toBe(true);
    for (const t of ['LumA', 'Normal', '0']) expect(isMissingLabel(t)).toBe(false);
  });

  it('bins pathologic stage into early (I–II) and late (III–IV), Stage X as missing', () => {
    expect(['Stage I', 'Stage IA', 'Stage II', 'Stage IIB'].map(stageGroup)).toEqual(['early', 'early', 'early', 'early']);
    expect(['Stage III', 'Stage IIIC', 'Stage IV', 'stage ivb'].map(stageGroup)).toEqual(['late', 'late', 'late', 'late']);
    expect(stageGroup('Stage X')).toBeUndefined();
    expect(labelValue('pathologic_stage', '[Discrepancy]')).toBeUndefined();
    expect(labelValue('pathologic_stage', 'Stage IIIA')).toBe('late');
    expect(labelValue('PAM50Call_RNAseq', ' LumB ')).toBe('LumB');
  });
});
