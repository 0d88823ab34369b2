import { InvalidInputError } from '@cch-lab/core';
import { toyDataset } from '../testing-fixtures/fixtures.js';
import { splitView } from './split-view.js';

describe('data/split-view', () => {
  it("returns the split's rows of every modality and its labels", () => {
    const view = splitView(toyDataset(), 'test');
    expect(view.split).toBe('test');
    expect(Array.from(view.indices)).toEqual([4, 5]);
    expect(view.modalities.a.toArrays()).toEqual([[4, 40], [5, 50]]);
    expect(view.modalities.b.rows).toBe(2);
    expect(Array.from(view.labels)).toEqual([0, 1]);
    expect(view.labels).toBeInstanceOf(Int32Array);
  });

  it('says when a dataset has no val split, and rejects unknown names', () => {
    expect(() => splitView(toyDataset(), 'val')).toThrow(/has no val split/);
    expect(() => splitView(toyDataset(), 'dev' as 'val')).toThrow(InvalidInputError);
  });
});
