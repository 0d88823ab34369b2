import { InvalidInputError, type Matrix } from '@cch-lab/core';
import { makeTempDir, removeDir, writeFixture } from '../testing-fixtures/fixtures.js';
import { npyBytes } from '../testing-fixtures/npy-bytes.js';
import { readAlignedFiles } from './read-aligned-files.js';

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeDir(dir));

describe('data/read-aligned-files', () => {
  it('reports every file: header, id column, shape and what was normalised, one summary line each', () => {
    writeFixture(dir, 'x.csv', '\ufeffsample,g1,g2\r\nA,1.5,2\r\nB,3,4\r\nC,5,6\r\n');
    writeFixture(dir, 'y.csv', 'id,label\nC,1\nA,0\nB,1\n');
    const r = readAlignedFiles(['x.csv'], 'y.csv', { labels: true, cwd: dir });
    expect(r.alignedById).toBe(true);
    expect(r.inputs.map((i) => i.format)).toEqual(['csv', 'labels']);
    const [x, y] = r.inputs;
    expect(x).toMatchObject({ rows: 3, columns: 2, detected: { header: 'yes', idColumn: 'sample', bom: true, lineEnding: 'crlf' } });
    expect(x.summary).toBe(
      "x.csv: header yes (names ('g1', 'g2') above numbers), id column 'sample' ('sample' names sample ids), 3 rows × 2 columns, a UTF-8 byte-order mark skipped, Windows line ends (CRLF)",
    );
    expect(x.decisions).toEqual(expect.arrayContaining(['a UTF-8 byte-order mark skipped', 'Windows line ends (CRLF)']));
    expect(y.summary).toMatch(/^y\.csv: labels, header yes \('label' names a label column\), id column 'id' .*3 rows, 2 classes \(integer labels kept as class indices\)$/);
  });

  it('passes header and idColumn to the readers', () => {
    writeFixture(dir, 'int.csv', '0,1\n5,3\n0,2\n');
    writeFixture(dir, 'target.csv', '0.5\n1.5\n2.5\n');
    expect(() => readAlignedFiles(['int.csv'], 'target.csv', { labels: false, cwd: dir })).toThrow(/cannot tell whether the first row/);
    const asData = readAlignedFiles(['int.csv'], 'target.csv', { labels: false, cwd: dir, header: false });
    expect(asData.matrices[0].rows).toBe(3);
    expect(asData.inputs[0].detected).toMatchObject({ header: 'no', headerReason: 'as requested' });
    writeFixture(dir, 'ids.csv', 'key,a\nk1,1.5\nk2,2.5\nk3,3.5\n');
    writeFixture(dir, 'target-ids.csv', 'b,key\n0.5,k3\n1.5,k2\n2.5,k1\n');
    expect(() => readAlignedFiles(['ids.csv'], 'target.csv', { labels: false, cwd: dir, idColumn: false })).toThrow(/non-numeric cell "k1"/);
    // A named id column must be in every matrix file.
    expect(() => readAlignedFiles(['ids.csv'], 'target.csv', { labels: false, cwd: dir, idColumn: 'key' })).toThrow(/target\.csv: idColumn: idColumn 'key' is not a column name/);
    const byName = readAlignedFiles(['ids.csv'], 'target-ids.csv', { labels: false, cwd: dir, idColumn: 'key' });
    expect(byName.alignedById).toBe(true);
    expect(byName.inputs[1].detected).toMatchObject({ idColumn: 'key', idReason: 'as requested' });
    expect((byName.y as Matrix).toArrays()).toEqual([[2.5], [1.5], [0.5]]);
  });

  it('reports .npy files, and hints at the header when row counts are one apart', () => {
    writeFixture(dir, 'x.npy', npyBytes({ descr: '<f8', shape: '(2, 2)' }, new Uint8Array(Float64Array.from([1, 2, 3, 4]).buffer)));
    writeFixture(dir, 'three.csv', '1.5\n2.5\n3.5\n');
    try {
      readAlignedFiles(['x.npy'], 'three.csv', { labels: false, cwd: dir });
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).hint).toMatch(/one row apart.*header/);
    }
    writeFixture(dir, 'two.csv', '1.5\n2.5\n');
    const r = readAlignedFiles(['x.npy'], 'two.csv', { labels: false, cwd: dir });
    expect(r.inputs[0]).toMatchObject({ format: 'npy', rows: 2, columns: 2, decisions: [], summary: 'x.npy: .npy, 2 rows × 2 columns' });
  });
});
