import fs from 'node:fs';
import path from 'node:path';
import { InvalidInputError } from '@cch-lab/core';
import { SDK_FIXTURE_DIR } from '../testing-fixtures/sdk-fixture.js';
import { makeTempDir, removeDir } from '../testing-fixtures/temp-dir.js';
import { tinyFeatures } from '../testing-fixtures/tiny-mosei.js';
import { writeCsdFile } from '../testing-fixtures/write-csd-file.js';
import type { CsdFileSpec } from '../testing-fixtures/write-csd-file.js';
import { openCsd, readCsd } from './read-csd.js';

const COVAREP = path.join(SDK_FIXTURE_DIR, 'CMU_MOSEI_COVAREP.csd');

/** Runs `fn`, expects an InvalidInputError, returns it. */
async function invalid(fn: () => Promise<unknown>): Promise<InvalidInputError> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return error as InvalidInputError;
  }
  throw new Error('expected an InvalidInputError');
}

const tiny = (over: Partial<CsdFileSpec> = {}): CsdFileSpec => ({
  root: 'seq',
  dim: 2,
  videos: { v1: { features: Float32Array.from([1, 2, 3, 4]), intervals: [[0, 1], [1, 2]] }, v2: { features: Float64Array.from([5, 6]), intervals: [[0, 3]] } },
  metadata: { 'root name': 'seq' },
  ...over,
});

describe('csd/read-csd', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir();
  });
  afterAll(() => removeDir(dir));

  test('reads the h5py-written SDK fixture: root from the file, videos, shapes and values', async () => {
    const c = await readCsd(COVAREP);
    expect(c.root).toBe('CMU_MOSEI_COVAREP');
    expect([...c.videos.keys()]).toEqual(['-3nNcZdcdvU', '188343', '7l3BNtSE0xc', 'zzFixtureVid']);
    const a = c.videos.get('-3nNcZdcdvU');
    expect(a?.frames).toBe(6);
    expect(a?.dim).toBe(74);
    expect(a?.features).toBeInstanceOf(Float64Array);
    expect(Array.from(a?.features.subarray(0, 5) ?? [])).toEqual([101, 101.001, 101.002, -Infinity, 101.004]);
    expect(Array.from(a?.intervals.subarray(0, 4) ?? [])).toEqual([0, 1, 1, 2]);
    expect(Array.from(c.videos.get('zzFixtureVid')?.features ?? []).slice(0, 74)).toEqual(Array.from(tinyFeatures('audio', 'zzFixtureVid', 74, false).subarray(0, 74)));
  });

  test('metadata: JSON values parsed, a value that is not JSON kept as the raw string', async () => {
    const seq = await openCsd(COVAREP);
    try {
      expect(seq.metadata['root name']).toBe('CMU_MOSEI_COVAREP');
      expect(seq.metadata['alignment compatible']).toBe(true);
      expect(seq.metadata.md5).toBeNull();
      expect((seq.metadata['dimension names'] as string[]).length).toBe(74);
      expect(seq.metadata['featureset bib citation']).toBe('@article{fixture, title={not json}}');
      expect(seq.dim).toBe(74);
      expect(seq.frames.get('188343')).toBe(3);
    } finally {
      seq.close();
    }
  });

  test('takes the root from the file whatever its name (h5wasm-written, gzip chunks)', async () => {
    const file = await writeCsdFile(path.join(dir, 'odd.csd'), tiny({ root: 'my odd/root name'.replace('/', ' '), rawMetadata: { note: 'not {json' } }));
    const c = await readCsd(file);
    expect(c.root).toBe('my odd root name');
    expect(c.metadata).toEqual({ 'root name': 'seq', note: 'not {json' });
    expect(Array.from(c.videos.get('v1')?.features ?? [])).toEqual([1, 2, 3, 4]);
    expect(c.videos.get('v2')?.features).toBeInstanceOf(Float64Array);
  });

  test('a truncated file (a fixture cut in half) is an InvalidInputError naming the file', async () => {
    const bytes = fs.readFileSync(COVAREP);
    const file = path.join(dir, 'truncated.csd');
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const e = await invalid(() => readCsd(file));
    expect(e.message).toMatch(/truncated HDF5 file/);
    expect(e.message).toContain(file);
    expect(e.details.file).toBe(file);
  });

  test('a chunk whose deflate stream is damaged is an InvalidInputError naming the dataset, not garbage values', async () => {
    // Found by apps/cli/src/fuzz.test.ts: h5wasm's Dataset.value ignores H5Dread's status, so a
    // chunk that fails its filter came back as uninitialised memory and verify said "ok".
    // Byte 16047 of the fixture lies inside the deflate stream of 188343's features chunk.
    const bytes = Buffer.from(fs.readFileSync(COVAREP));
    expect(bytes[16047]).toBe(0x92); // the fixture this offset was taken from
    bytes[16047] ^= 0x20;
    const file = path.join(dir, 'bad-chunk.csd');
    fs.writeFileSync(file, bytes);
    const e = await invalid(() => readCsd(file));
    expect(e.message).toMatch(/corrupt HDF5 file: it could not be read at '\/CMU_MOSEI_COVAREP\/data\/188343\/features': HDF5 could not read the data/);
    expect(e.details).toMatchObject({ file, group: '/CMU_MOSEI_COVAREP/data/188343/features' });
  });

  test('a file that is not HDF5 is an InvalidInputError', async () => {
    const file = path.join(dir, 'html.csd');
    fs.writeFileSync(file, '<html>404 not found</html>');
    const e = await invalid(() => readCsd(file));
    expect(e.message).toMatch(/not an HDF5 file/);
    expect(e.details.file).toBe(file);
  });

  test('an empty file is an InvalidInputError', async () => {
    const file = path.join(dir, 'empty.csd');
    fs.writeFileSync(file, '');
    expect((await invalid(() => readCsd(file))).details.received).toBe('an empty file');
  });

  test('two root groups: "unexpected root", naming both', async () => {
    const file = await writeCsdFile(path.join(dir, 'two.csd'), tiny({ extraRoots: ['other'] }));
    const e = await invalid(() => readCsd(file));
    expect(e.message).toMatch(/unexpected root/);
    expect(e.details).toMatchObject({ file, group: '/', received: "'other', 'seq'" });
  });

  test('a video without features names the file and the group', async () => {
    const file = await writeCsdFile(path.join(dir, 'nofeat.csd'), tiny({ omitFeatures: ['v2'] }));
    const e = await invalid(() => readCsd(file));
    expect(e.message).toContain("video 'v2' has no 'features' dataset");
    expect(e.details).toMatchObject({ file, group: '/seq/data/v2/features' });
  });

  test('a feature width that differs between videos names both videos', async () => {
    const file = await writeCsdFile(path.join(dir, 'widths.csd'), {
      root: 'seq',
      dim: 2,
      videos: { a: { features: Float32Array.from([1, 2]), intervals: [[0, 1]] } },
    });
    const { default: h5wasm } = await import('h5wasm/node');
    const f = new h5wasm.File(file, 'a');
    try {
      const c = (f.get('seq/data') as InstanceType<typeof h5wasm.Group>).create_group('c');
      c.create_dataset({ name: 'features', data: Float32Array.from([1]), shape: [1, 1], dtype: '<f4' });
      c.create_dataset({ name: 'intervals', data: Float64Array.from([0, 1]), shape: [1, 2], dtype: '<d' });
    } finally {
      f.close();
    }
    const e = await invalid(() => readCsd(file));
    expect(e.message).toContain("video 'c' has 1 features per frame but video 'a' has 2");
    expect(e.details).toMatchObject({ file, group: '/seq/data/c/features' });
  });

  test('intervals of the wrong width and feature rows ≠ interval rows, each named', async () => {
    const { default: h5wasm } = await import('h5wasm/node');
    await h5wasm.ready;
    const make = (name: string, fShape: number[], iShape: number[]): string => {
      const file = path.join(dir, name);
      const f = new h5wasm.File(file, 'w');
      try {
        const v = f.create_group('seq').create_group('data').create_group('vid');
        v.create_dataset({ name: 'features', data: new Float32Array(fShape[0] * fShape[1]), shape: fShape, dtype: '<f4' });
        v.create_dataset({ name: 'intervals', data: new Float64Array(iShape[0] * iShape[1]), shape: iShape, dtype: '<d' });
      } finally {
        f.close();
      }
      return file;
    };
    const e1 = await invalid(() => readCsd(make('w3.csd', [2, 4], [2, 3])));
    expect(e1.message).toContain('must be frames × 2');
    expect(e1.details.group).toBe('/seq/data/vid/intervals');
    const e2 = await invalid(() => readCsd(make('rows.csd', [3, 4], [2, 2])));
    expect(e2.message).toContain("video 'vid' has 3 feature rows but 2 intervals");
    expect(e2.details.group).toBe('/seq/data/vid/features');
  });

  test('a root without a data group', async () => {
    const { default: h5wasm } = await import('h5wasm/node');
    await h5wasm.ready;
    const file = path.join(dir, 'nodata.csd');
    const f = new h5wasm.File(file, 'w');
    f.create_group('seq').create_group('metadata');
    f.close();
    const e = await invalid(() => readCsd(file));
    expect(e.message).toContain("missing 'data' group");
    expect(e.details).toMatchObject({ file, group: '/seq/data' });
  });
});
