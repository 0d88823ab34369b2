import fs from 'node:fs';
import path from 'node:path';
import { InvalidInputError } from '@cch-lab/core';
import { writeNpyAtomic } from '@cch-lab/data';
import { loadMosei } from '../load-mosei.js';
import { makeTempDir, removeDir } from '../testing-fixtures/temp-dir.js';
import { TINY_BASE } from '../testing-fixtures/tiny-mosei.js';
import { ARRAY_SENTIMENTS, writeArraysFolder } from '../testing-fixtures/write-arrays-folder.js';
import type { MoseiModality } from '../types.js';

const STEPS = 4;
/** float32 sums of a few values near 1…210. */
const F32_ATOL = 1e-4;

/** Mean over the real (non-padding) steps of row r: steps 4 − real … 3, real = r % 4 + 1. */
function expected(m: MoseiModality, r: number, d: number): number {
  const real = (r % STEPS) + 1;
  const meanT = (STEPS - real + STEPS - 1) / 2;
  return TINY_BASE[m] + r + meanT + d / 1000 + 1;
}

async function invalid(fn: () => Promise<unknown>): Promise<InvalidInputError> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return error as InvalidInputError;
  }
  throw new Error('expected an InvalidInputError');
}

describe('arrays/read-arrays', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeDir(dir));

  test('.npy split folders: rows collapsed over non-padding steps, the stored split kept', async () => {
    await writeArraysFolder(dir, { paddingRows: [['visual', 2]] });
    const ds = await loadMosei({ path: dir, layout: 'arrays', label: 'sentiment' });
    expect(ds.source).toBe('real');
    expect(ds.modalities.text.rows).toBe(12); // 6 + 3 + 4, train row 2 dropped
    expect(ds.meta.drops).toMatchObject({ segmentsNoFrames: { text: 0, audio: 0, visual: 1 }, nonFinite: { text: 0, audio: 3, visual: 0 } });
    expect(ds.meta.split).toMatchObject({ rule: 'stored', counts: { train: 5, val: 3, test: 4 } });
    expect(Array.from(ds.splits.train)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(ds.splits.val ?? [])).toEqual([5, 6, 7]);
    expect((ds.meta.segmentIds as string[]).slice(0, 3)).toEqual(['train-0[0]', 'train-1[0]', 'train-3[0]']);
    // Row train-3 (k = 2): 4 real steps; row 1 (k = 1): 2 real steps.
    for (const [k, r] of [[1, 1], [2, 3], [5, 0]] as const) {
      for (const m of ['text', 'audio', 'visual'] as const) {
        const x = ds.modalities[m];
        for (const d of [1, x.cols - 1]) expect(Math.abs(x.data[k * x.cols + d] - expected(m, r, d))).toBeLessThan(F32_ATOL);
      }
    }
    // −inf in audio row 0 (its only real step), column 0 → 0.
    expect(ds.modalities.audio.data[0]).toBe(0);
    expect(Array.from(ds.labels).slice(0, 3)).toEqual([ARRAY_SENTIMENTS[0], ARRAY_SENTIMENTS[1], ARRAY_SENTIMENTS[3]].map(Math.fround));
  });

  test('.npy at the top level: no stored split, a seeded split of rows', async () => {
    await writeArraysFolder(dir, { splits: false, rows: 10 });
    const ds = await loadMosei({ path: dir, layout: 'arrays' });
    expect(ds.modalities.visual.rows).toBe(10);
    expect(ds.meta.split).toMatchObject({ rule: 'seeded', bySeed: 10, byFold: 0 });
    const all = [...ds.splits.train, ...(ds.splits.val ?? []), ...ds.splits.test].sort((a, b) => a - b);
    expect(all).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Math.abs(ds.modalities.text.data[300 * 3 + 5] - expected('text', 3, 5))).toBeLessThan(F32_ATOL);
  });

  test('one HDF5 file with split groups, and without', async () => {
    await writeArraysFolder(dir, { format: 'hdf5' });
    const split = await loadMosei({ path: dir, layout: 'arrays' });
    expect(split.meta.arrays).toMatchObject({ format: 'hdf5', rowsRead: 13, rowsBySplit: { train: 6, valid: 3, test: 4 }, steps: 4 });
    expect(Math.abs(split.modalities.audio.data[74 * 2 + 7] - expected('audio', 2, 7))).toBeLessThan(F32_ATOL);
    removeDir(dir);
    fs.mkdirSync(dir);
    await writeArraysFolder(dir, { format: 'hdf5', splits: false, rows: 5 });
    const flat = await loadMosei({ path: dir, layout: 'arrays' });
    expect(flat.modalities.text.rows).toBe(5);
    expect(flat.meta.split).toMatchObject({ rule: 'seeded' });
  });

  test('arrays of mismatched N name the file (npy) and the dataset (HDF5)', async () => {
    await writeArraysFolder(dir, { shortVision: 1 });
    const e = await invalid(() => loadMosei({ path: dir, layout: 'arrays' }));
    expect(e.details.file).toBe(path.join(dir, 'train', 'vision.npy'));
    expect(e.message).toContain("'vision' has 5 rows but labels 6");
    removeDir(dir);
    fs.mkdirSync(dir);
    await writeArraysFolder(dir, { shortVision: 1, format: 'hdf5' });
    const h = await invalid(() => loadMosei({ path: dir, layout: 'arrays' }));
    expect(h.details).toMatchObject({ file: path.join(dir, 'mosei_aligned.h5'), dataset: '/train/vision' });
  });

  test('wrong rank or width is an InvalidInputError naming the file', async () => {
    await writeArraysFolder(dir, { splits: false });
    const file = path.join(dir, 'audio.npy');
    writeNpyAtomic(file, new Float32Array(5 * 4 * 70), [5, 4, 70]);
    const e = await invalid(() => loadMosei({ path: dir, layout: 'arrays' }));
    expect(e.details.file).toBe(file);
    expect(e.message).toContain('74 features per step');
    writeNpyAtomic(file, new Float32Array(5 * 74), [5, 74]);
    expect((await invalid(() => loadMosei({ path: dir, layout: 'arrays' }))).message).toContain('must be 3-d');
  });

  test('no arrays at all: DataNotFoundError naming the .npy files and the HDF5 file', async () => {
    await expect(loadMosei({ path: dir, layout: 'arrays' })).rejects.toMatchObject({
      code: 'ENODATA',
      expectedPaths: ['text', 'audio', 'vision', 'labels'].map((n) => path.join(dir, `${n}.npy`)).concat(path.join(dir, 'mosei_aligned.h5')),
    });
  });
});
