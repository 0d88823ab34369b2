import { InvalidInputError } from '@cch-lab/core';
import { makeTempDir, removeDir, writeFixture } from '../testing-fixtures/fixtures.js';
import { npyBytes, numpySaved } from '../testing-fixtures/npy-bytes.js';
import { readLabels } from './read-labels.js';
import type { LabelsOptions } from './read-labels.js';

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeDir(dir));

function read(name: string, content: string | Uint8Array, options?: LabelsOptions): ReturnType<typeof readLabels> {
  return readLabels(writeFixture(dir, name, content), options);
}

describe('data/read-labels', () => {
  it('keeps integer labels that are exactly 0..C−1', () => {
    const r = read('ints.txt', '2\n0\n1\n2\n');
    expect(Array.from(r.labels)).toEqual([2, 0, 1, 2]);
    expect(r.classes).toEqual(['0', '1', '2']);
    expect(r.remapped).toBe(false);
    expect(r.ids).toBeUndefined();
  });

  it('maps other integers in ascending numeric order and records the mapping', () => {
    const r = read('onebased.csv', 'label\n3\n1\n10\n1\n');
    expect(Array.from(r.labels)).toEqual([1, 0, 2, 0]);
    expect(r.classes).toEqual(['1', '3', '10']);
    expect(r.mapping).toEqual({ '1': 0, '3': 1, '10': 2 });
    expect(r.remapped).toBe(true);
    // integerLabels 'keep' keeps them as indices instead (a class may be absent from a file).
    const kept = read('gap.txt', '0\n2\n', { integerLabels: 'keep' });
    expect(Array.from(kept.labels)).toEqual([0, 2]);
    expect(kept.classes).toEqual(['0', '1', '2']);
    expect(Array.from(read('map.txt', '0\n1\n', { integerLabels: 'map' }).labels)).toEqual([0, 1]);
    expect(() => read('neg.txt', '-1\n2\n', { integerLabels: 'keep' })).toThrow(/needs labels ≥ 0/);
  });

  it('numbers string labels in sorted order, with ids and a detected header', () => {
    const r = read('classes.csv', 'sample_id,subtype\nTCGA-1,LumB\nTCGA-2,Basal\nTCGA-3,LumA\nTCGA-4,LumB\n');
    expect(r.ids).toEqual(['TCGA-1', 'TCGA-2', 'TCGA-3', 'TCGA-4']);
    expect(r.classes).toEqual(['Basal', 'LumA', 'LumB']);
    expect(Array.from(r.labels)).toEqual([2, 0, 1, 2]);
    expect(r.mapping).toEqual({ Basal: 0, LumA: 1, LumB: 2 });
  });

  it('detects a header by an integer label on the next row, and reads whitespace id + label files', () => {
    expect(Array.from(read('h.csv', 'diagnosis_code\n1\n0\n').labels)).toEqual([1, 0]);
    const r = read('mnistm_labels.txt', '00000001.png 5\n00000002.png 0\n');
    expect(r.ids).toEqual(['00000001.png', '00000002.png']);
    expect(Array.from(r.labels)).toEqual([1, 0]);
    expect(r.classes).toEqual(['0', '5']);
    expect(read('noheader.csv', 'cat\ndog\n', { header: false }).classes).toEqual(['cat', 'dog']);
  });

  it('reads integer .npy labels (numpy int64) and rejects float arrays', () => {
    const r = read('labels.npy', numpySaved('i8_labels'));
    expect(Array.from(r.labels)).toEqual([2, 0, 1, 2]);
    expect(r.classes).toEqual(['0', '1', '2']);
    const u1 = read('u1.npy', npyBytes({ descr: '|u1', shape: '(3, 1)' }, Uint8Array.from([7, 9, 7])));
    expect(Array.from(u1.labels)).toEqual([0, 1, 0]);
    expect(() => read('f.npy', numpySaved('f4_2x3'))).toThrow(/must hold integers, not float32/);
    expect(() => read('3d.npy', numpySaved('u1_2x2x2'))).toThrow(/shape \(n,\) or \(n, 1\)/);
  });

  it('names the file and line of bad rows', () => {
    expect(() => read('empty.txt', '')).toThrow(/empty/);
    expect(() => read('three.csv', 'a,b,c\n')).toThrow(/has 3/);
    expect(() => read('ragged.csv', 'id,label\ns1,1\ns2\n')).toThrow(/ragged\.csv:3: ragged row/);
    try {
      read('blank.csv', 'id,label\ns1,1\ns2,\n');
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).details).toMatchObject({ line: 3, column: 2 });
    }
    expect(() => read('onlyheader.csv', 'label\n')).toThrow(/header but no labels/);
  });

  it('refuses numbers that are not integers: a continuous target is not class labels', () => {
    for (const [name, content, line, cell] of [
      ['cont.txt', '0.5\n1.5\n0.5\n', 1, '0.5'],
      ['cont-h.csv', 'y_value\n1\n0.25\n', 3, '0.25'],
      ['cont-ids.csv', 'id,score\ns1,2\ns2,-1.5\n', 3, '-1.5'],
    ] as const) {
      try {
        read(name, content);
        throw new Error(`expected a throw for ${name}`);
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidInputError);
        const e = error as InvalidInputError;
        expect(e.message).toMatch(/is a number but not an integer: class labels are integers or words/);
        expect(e.details).toMatchObject({ line, received: cell });
        expect(e.hint).toMatch(/drop --labels/);
      }
    }
    expect(() => read('comma-labels.csv', '"0,5"\n"1,5"\n')).toThrow(/comma-labels\.csv:1:1: label "0,5" is a number with a decimal comma/);
    expect(() => read('na-labels.csv', 'label\n1\nNA\n0\n')).toThrow(/na-labels\.csv:3:1: missing label "NA" among numeric labels/);
  });

  it('accepts integers (1.0 as pandas writes them too) and words, and says what it detected', () => {
    const floats = read('float-ints.csv', 'label\n1.0\n0.0\n2.0\n');
    expect(Array.from(floats.labels)).toEqual([1, 0, 2]);
    expect(floats.classes).toEqual(['0', '1', '2']);
    expect(floats.detected.notes.join(' ')).toMatch(/read as integers/);
    const words = read('words.csv', 'cat\ndog\nnone\ncat\n');
    expect(words.classes).toEqual(['cat', 'dog', 'none']);
    expect(words.detected).toMatchObject({ header: 'no', idColumn: null, labelKind: 'text', rows: 4, classes: 3 });
    const ints = read('detected.csv', 'sample,label\r\ns1,1\r\ns2,0\r\n');
    expect(ints.detected).toMatchObject({ header: 'yes', idColumn: 'sample', labelKind: 'integers', lineEnding: 'crlf', rows: 2, classes: 2 });
    expect(ints.detected.headerReason).toBe("'label' names a label column");
  });

  it("reads pandas' to_csv() labels: an index column and an empty corner cell", () => {
    // pd.Series(y, name='label').to_csv('y.csv') and pd.Series(y).to_csv('y.csv').
    const named = read('pd-labels.csv', ',label\n0,1\n1,0\n2,1\n');
    expect(named.ids).toEqual(['0', '1', '2']);
    expect(Array.from(named.labels)).toEqual([1, 0, 1]);
    const unnamed = read('pd-labels-0.csv', ',0\n0,1\n1,0\n2,1\n');
    expect(unnamed.ids).toEqual(['0', '1', '2']);
    expect(unnamed.detected.headerReason).toBe("an empty first cell: pandas' header over its index");
  });
});
