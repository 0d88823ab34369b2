import fs from 'node:fs';
import path from 'node:path';
import { DataNotFoundError, InvalidInputError } from '@cch-lab/core';
import type { PairedDataset } from '@cch-lab/data';
import { moseiDataFiles } from './files/mosei-files.js';
import { loadMosei } from './load-mosei.js';
import { SDK_FIXTURE_DIR } from './testing-fixtures/sdk-fixture.js';
import { makeTempDir, removeDir } from './testing-fixtures/temp-dir.js';
import { tinyExpectedMean } from './testing-fixtures/tiny-mosei.js';
import { writeCsdFolder } from './testing-fixtures/write-csd-folder.js';
import type { MoseiModality } from './types.js';

/** float32 storage of values around 1…240 with 1e-3 steps. */
const F32_ATOL = 1e-4;

const IDS = ['-3nNcZdcdvU[0]', '-3nNcZdcdvU[1]', '188343[0]', '188343[1]', 'zzFixtureVid[0]', 'zzFixtureVid[1]', 'zzFixtureVid[2]'];
const SENTIMENT = [1, -0.5, 0, -2, 0.5, -1, 1.5];

/** The frames each kept segment takes, per modality (worked out by hand from make-sdk-fixture.py). */
const ROWS: Record<MoseiModality, number[][]> = {
  text: [[0, 1, 2], [2, 3], [0, 1], [2], [0, 1], [2], [3]],
  audio: [[0, 1], [2, 3], [0, 1], [1, 2], [0], [1], [2]],
  visual: [[0, 1], [1, 2], [0], [0], [0, 1], [1, 2], [3]],
};

function expectMeans(ds: PairedDataset, rowsOf: number[], ids: string[]): void {
  for (const m of ['text', 'audio', 'visual'] as const) {
    const x = ds.modalities[m];
    for (const [k, id] of ids.entries()) {
      const video = id.slice(0, id.indexOf('['));
      const segment = rowsOf[k];
      for (const d of [0, 3, x.cols - 1]) {
        expect(Math.abs(x.data[k * x.cols + d] - tinyExpectedMean(m, video, ROWS[m][segment], d))).toBeLessThan(F32_ATOL);
      }
    }
  }
}

describe('load-mosei (csd)', () => {
  let ds: PairedDataset;
  beforeAll(async () => {
    ds = await loadMosei({ path: SDK_FIXTURE_DIR, layout: 'csd' });
  });

  test('the h5py fixture: ids, sentiment-derived labels, dims, source', () => {
    expect(ds.name).toBe('cmu-mosei');
    expect(ds.source).toBe('real');
    expect(ds.meta.segmentIds).toEqual(IDS);
    expect(Object.keys(ds.modalities)).toEqual(['text', 'audio', 'visual']);
    expect([ds.modalities.text.cols, ds.modalities.audio.cols, ds.modalities.visual.cols]).toEqual([300, 74, 35]);
    expect(ds.task).toBe('classification');
    expect(ds.classes).toEqual(['negative', 'non-negative']);
    expect(Array.from(ds.labels)).toEqual(SENTIMENT.map((s) => (s >= 0 ? 1 : 0)));
    expect(ds.meta.roots).toEqual({ text: 'CMU_MOSEI_TimestampedWordVectors', audio: 'CMU_MOSEI_COVAREP', visual: 'CMU_MOSEI_VisualFacet42', labels: 'CMU_MOSEI_Labels' });
  });

  test('each segment is the mean of the frames it intersects (clipped, touching frames excluded, −inf/NaN as 0)', () => {
    expectMeans(ds, [0, 1, 2, 3, 4, 5, 6], IDS);
    // By hand: text of -3nNcZdcdvU[0] = mean of rows 0,1,2 = 1 + 1 + d/1000; audio column 3 = (0 + 102.003)/2.
    expect(ds.modalities.text.data[0]).toBeCloseTo(2, 5);
    expect(ds.modalities.audio.data[3]).toBeCloseTo(102.003 / 2, 5);
  });

  test('drops are counted: missing video, no visual frames, zero length, non-finite values', () => {
    expect(ds.meta.drops).toEqual({
      videosMissing: { text: 0, audio: 0, visual: 1 },
      segmentsNoFrames: { text: 0, audio: 0, visual: 1 },
      zeroLengthSegments: 1,
      nonFinite: { text: 0, audio: 1, visual: 1 },
      sentimentZero: 0,
    });
    expect(ds.meta.alignment).toEqual({
      videosLabelled: 4,
      segmentsLabelled: 11,
      segmentsAligned: 7,
      segmentsOfMissingVideos: { text: 0, audio: 0, visual: 2 },
      segmentsDropped: 4,
    });
  });

  test('meta keeps small metadata and summarises long lists', () => {
    const seqs = ds.meta.sequences as Record<string, { metadata: Record<string, unknown>; videos: number; frames: number; dim: number }>;
    expect(seqs.audio).toMatchObject({ videos: 4, frames: 14, dim: 74 });
    expect(seqs.labels).toMatchObject({ videos: 4, frames: 11, dim: 7 });
    expect(seqs.text.metadata['dimension names']).toBe('(300 entries)');
    expect(seqs.text.metadata['featureset bib citation']).toBe('@article{fixture, title={not json}}');
  });

  test('standard folds for listed videos, a seeded whole-video assignment for the rest', () => {
    const split = (rows: Int32Array | undefined): string[] => Array.from(rows ?? [], (r) => (ds.meta.segmentIds as string[])[r]);
    expect(split(ds.splits.train).filter((id) => id.startsWith('-3nNcZdcdvU'))).toHaveLength(2);
    expect(split(ds.splits.val)).toEqual(expect.arrayContaining(['188343[0]', '188343[1]']));
    const zz = ['train', 'val', 'test'].map((s) => split(ds.splits[s as 'train']).filter((id) => id.startsWith('zz')).length);
    expect(zz.filter((n) => n > 0)).toEqual([3]); // one split holds all three segments of the unlisted video
    expect(ds.meta.split).toMatchObject({ rule: 'standard-folds', byFold: 4, bySeed: 3 });
  });

  test('label modes on the loaded data', async () => {
    const nonzero = await loadMosei({ path: SDK_FIXTURE_DIR, layout: 'csd', label: 'binary-nonzero' });
    expect(nonzero.meta.segmentIds).toEqual(IDS.filter((_, i) => SENTIMENT[i] !== 0));
    expect(Array.from(nonzero.labels)).toEqual([1, 0, 0, 1, 0, 1]);
    expect((nonzero.meta.drops as { sentimentZero: number }).sentimentZero).toBe(1);
    expect(nonzero.meta.labelBalance).toEqual({ negative: 3, positive: 3 });
    expectMeans(nonzero, [0, 1, 3, 4, 5, 6], IDS.filter((_, i) => SENTIMENT[i] !== 0));
    const seven = await loadMosei({ path: SDK_FIXTURE_DIR, layout: 'csd', label: 'seven-class' });
    expect(seven.classes).toHaveLength(7);
    expect(Array.from(seven.labels)).toEqual(SENTIMENT.map((s) => Math.min(3, Math.max(-3, Math.round(s))) + 3));
    const reg = await loadMosei({ path: SDK_FIXTURE_DIR, layout: 'csd', label: 'sentiment' });
    expect(reg.task).toBe('regression');
    expect(Array.from(reg.labels)).toEqual(SENTIMENT);
  });

  test('an h5wasm-written folder (new-format HDF5) loads to the same numbers as the h5py one', async () => {
    const dir = makeTempDir();
    try {
      await writeCsdFolder(dir, { roots: { audio: 'some other root' } });
      const other = await loadMosei({ path: dir, layout: 'csd' });
      expect(other.meta.segmentIds).toEqual(IDS);
      expect((other.meta.roots as Record<string, string>).audio).toBe('some other root');
      for (const m of ['text', 'audio', 'visual']) expect(Array.from(other.modalities[m].data)).toEqual(Array.from(ds.modalities[m].data));
      expect(other.meta.drops).toEqual(ds.meta.drops);
    } finally {
      removeDir(dir);
    }
  });

  test('missing files: DataNotFoundError listing each, pointing at the data script; moseiDataFiles', () => {
    const dir = makeTempDir();
    try {
      fs.copyFileSync(path.join(SDK_FIXTURE_DIR, 'CMU_MOSEI_Labels.csd'), path.join(dir, 'CMU_MOSEI_Labels.csd'));
      let error: unknown;
      try {
        moseiDataFiles({ path: dir, layout: 'csd' });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DataNotFoundError);
      const e = error as DataNotFoundError;
      expect(e.expectedPaths.map((p) => path.basename(p))).toEqual(['CMU_MOSEI_TimestampedWordVectors.csd', 'CMU_MOSEI_COVAREP.csd', 'CMU_MOSEI_VisualFacet42.csd']);
      expect(e.hint).toContain('data-scripts/mosei/README.md');
      expect(moseiDataFiles({ path: SDK_FIXTURE_DIR, layout: 'csd' }).map((p) => path.basename(p))).toEqual([
        'CMU_MOSEI_TimestampedWordVectors.csd',
        'CMU_MOSEI_COVAREP.csd',
        'CMU_MOSEI_VisualFacet42.csd',
        'CMU_MOSEI_Labels.csd',
      ]);
    } finally {
      removeDir(dir);
    }
  });

  test('configurable file names; a corrupt file among them is an InvalidInputError naming it', async () => {
    const dir = makeTempDir();
    try {
      await writeCsdFolder(dir, { files: { visual: 'facet.csd' } });
      const ok = await loadMosei({ path: dir, layout: 'csd', files: { visual: 'facet.csd' } });
      expect(ok.meta.segmentIds).toEqual(IDS);
      const bytes = fs.readFileSync(path.join(dir, 'facet.csd'));
      fs.writeFileSync(path.join(dir, 'facet.csd'), bytes.subarray(0, bytes.length >> 1));
      await expect(loadMosei({ path: dir, layout: 'csd', files: { visual: 'facet.csd' } })).rejects.toThrow(InvalidInputError);
      await expect(loadMosei({ path: dir, layout: 'csd', files: { visual: 'facet.csd' } })).rejects.toThrow(/facet\.csd/);
    } finally {
      removeDir(dir);
    }
  });

  test('bad options are InvalidInputErrors', async () => {
    await expect(loadMosei({ path: SDK_FIXTURE_DIR, layout: 'pickle' as 'csd' })).rejects.toThrow(InvalidInputError);
    await expect(loadMosei({ path: SDK_FIXTURE_DIR, layout: 'csd', label: 'five' as 'binary' })).rejects.toThrow(/label mode/);
    await expect(loadMosei({ path: SDK_FIXTURE_DIR, layout: 'csd', split: { test: 0.6, val: 0.5, seed: 1 } })).rejects.toThrow(/split/);
  });
});
