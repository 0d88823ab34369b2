import { SDK_FIXTURE_DIR } from '../testing-fixtures/sdk-fixture.js';
import { makeTempDir, removeDir } from '../testing-fixtures/temp-dir.js';
import { writeArraysFolder } from '../testing-fixtures/write-arrays-folder.js';
import { formatMoseiVerify } from './format-mosei-verify.js';
import { verifyMosei } from './verify-mosei.js';

describe('verify/verify-mosei', () => {
  test('csd: sequences, segments, drops per reason, balance and split, as data and as text', async () => {
    const r = await verifyMosei({ path: SDK_FIXTURE_DIR, layout: 'csd' });
    expect(r.ok).toBe(true);
    expect(r.sequences?.visual).toMatchObject({ root: 'CMU_MOSEI_VisualFacet42', videos: 3, frames: 8, dim: 35 });
    expect(r.segments).toEqual({ labelled: 11, aligned: 7, kept: 7 });
    expect(r.labelBalance).toEqual({ negative: 3, 'non-negative': 4 });
    expect(r.split).toMatchObject({ rule: 'standard-folds', byFold: 4, bySeed: 3 });
    const text = formatMoseiVerify(r);
    expect(text).toContain('CMU-MOSEI (csd)');
    expect(text).toContain('dropped videos missing from a modality: visual 1 (their segments: visual 2)');
    expect(text).toContain('dropped segments without frames: visual 1');
    expect(text).toContain('dropped zero-length segments: 1');
    expect(text).toContain('non-finite values set to 0: audio 1, visual 1');
  });

  test('binary-nonzero reports the zero scores it drops', async () => {
    const r = await verifyMosei({ path: SDK_FIXTURE_DIR, layout: 'csd', label: 'binary-nonzero' });
    expect(r.drops?.sentimentZero).toBe(1);
    expect(r.segments.kept).toBe(6);
  });

  test('missing files are problems, not errors', async () => {
    const dir = makeTempDir();
    try {
      const r = await verifyMosei({ path: dir, layout: 'csd' });
      expect(r.ok).toBe(false);
      expect(r.missingFiles).toHaveLength(4);
      expect(formatMoseiVerify(r)).toContain('NOT loadable');
      await writeArraysFolder(dir);
      const a = await verifyMosei({ path: dir, layout: 'arrays' });
      expect(a).toMatchObject({ ok: true, arrays: { format: 'npy-splits', rowsRead: 13, steps: 4 }, split: { rule: 'stored' } });
      expect(formatMoseiVerify(a)).toContain('train 6, valid 3, test 4');
    } finally {
      removeDir(dir);
    }
  });
});
