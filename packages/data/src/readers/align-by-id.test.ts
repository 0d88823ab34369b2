import { InvalidInputError } from '@cch-lab/core';
import { alignById } from './align-by-id.js';

describe('data/align-by-id', () => {
  it("returns permutations that put every table in the first table's order", () => {
    const a = alignById([
      { name: 'mrna.csv', ids: ['s1', 's2', 's3'] },
      { name: 'cnv.csv', ids: ['s3', 's1', 's2'] },
      { name: 'labels.csv', ids: ['s2', 's3', 's1'] },
    ]);
    expect(a.ids).toEqual(['s1', 's2', 's3']);
    expect(a.rows.map((r) => Array.from(r))).toEqual([[0, 1, 2], [1, 2, 0], [2, 0, 1]]);
    expect(a.dropped).toEqual([0, 0, 0]);
  });

  it('names the file and a few of the ids it lacks', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `s${i}`);
    try {
      alignById([{ name: 'mrna.csv', ids }, { name: 'rppa.csv', ids: ids.slice(0, 3) }]);
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      const e = error as InvalidInputError;
      expect(e.details.file).toBe('rppa.csv');
      expect(e.message).toMatch(/rppa\.csv: lacks 7 sample id\(s\) that other files have: s3, s4, s5, s6, s7 and 2 more/);
    }
    // An extra id in a later table is missing from the first.
    expect(() => alignById([{ name: 'a', ids: ['x'] }, { name: 'b', ids: ['x', 'y'] }])).toThrow(/a: lacks 1 sample id\(s\) that other files have: y/);
  });

  it('rejects duplicate ids, naming the table, id and rows', () => {
    expect(() => alignById([{ name: 'dup.csv', ids: ['a', 'b', 'a'] }])).toThrow(/dup\.csv: duplicate sample id "a" in data rows 1 and 3/);
  });

  it('keeps only the shared ids with intersect, counting what was dropped', () => {
    const a = alignById(
      [
        { name: 'x', ids: ['a', 'b', 'c', 'd'] },
        { name: 'y', ids: ['d', 'b', 'e'] },
      ],
      { intersect: true },
    );
    expect(a.ids).toEqual(['b', 'd']);
    expect(a.rows.map((r) => Array.from(r))).toEqual([[1, 3], [1, 0]]);
    expect(a.dropped).toEqual([2, 1]);
  });

  it('needs at least one table', () => {
    expect(() => alignById([])).toThrow(InvalidInputError);
  });
});
