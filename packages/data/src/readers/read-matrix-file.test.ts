import { DataNotFoundError, InvalidInputError } from '@cch-lab/core';
import { makeTempDir, removeDir, writeFixture } from '../testing-fixtures/fixtures.js';
import { numpySaved } from '../testing-fixtures/npy-bytes.js';
import { readMatrixFile } from './read-matrix-file.js';

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeDir(dir));

describe('data/read-matrix-file', () => {
  it('dispatches on the extension', () => {
    const csv = readMatrixFile(writeFixture(dir, 'x.csv', 'id,a,b\nr1,1,2\n'));
    expect(csv.format).toBe('csv');
    expect(csv.ids).toEqual(['r1']);
    expect(csv.header).toEqual(['a', 'b']);
    expect(csv.featureShape).toEqual([2]);
    expect(readMatrixFile(writeFixture(dir, 'x.TSV', '1\t2\n')).matrix.toArrays()).toEqual([[1, 2]]);
    expect(readMatrixFile(writeFixture(dir, 'x.txt', '1 2\n3 4\n')).matrix.rows).toBe(2);
    const npy = readMatrixFile(writeFixture(dir, 'x.npy', numpySaved('u1_2x2x2')), { dtype: 'float32' });
    expect(npy.format).toBe('npy');
    expect(npy.featureShape).toEqual([2, 2]);
    expect(npy.matrix.dtype).toBe('float32');
  });

  it('names the supported extensions for any other file, and missing files', () => {
    expect(() => readMatrixFile(writeFixture(dir, 'x.xlsx', ''))).toThrow(/\.csv, \.tsv, \.txt, \.npy/);
    expect(() => readMatrixFile(`${dir}/x`)).toThrow(InvalidInputError);
    expect(() => readMatrixFile(`${dir}/gone.csv`)).toThrow(DataNotFoundError);
    expect(() => readMatrixFile(dir + '/')).toThrow(InvalidInputError);
  });
});
