import { InvalidInputError } from './errors.js';
import { hstack, Matrix } from './matrix.js';

describe('core/matrix', () => {
  const m = Matrix.fromRows([
    [1, 2, 3],
    [4, 5, 6],
  ]);

  it('indexes row-major and views rows without copying', () => {
    expect(m.get(1, 2)).toBe(6);
    const row = m.row(1);
    row[0] = 40;
    expect(m.get(1, 0)).toBe(40);
    expect(m.rowRange(1, 2).data.buffer).toBe(m.data.buffer);
    row[0] = 4;
  });

  it('selects rows and columns as copies in the given order', () => {
    expect(m.selectRows([1, 0]).toArrays()).toEqual([
      [4, 5, 6],
      [1, 2, 3],
    ]);
    expect(m.selectColumns([2, 0]).toArrays()).toEqual([
      [3, 1],
      [6, 4],
    ]);
    expect(m.transpose().toArrays()).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(() => m.selectRows([2])).toThrow(InvalidInputError);
  });

  it('converts between float32 and float64 and keeps the dtype through copies', () => {
    const f32 = m.toFloat32();
    expect(f32.dtype).toBe('float32');
    expect(f32.selectRows([0]).dtype).toBe('float32');
    expect(f32.toFloat64().toArrays()).toEqual(m.toArrays());
    expect(m.toFloat64()).toBe(m);
  });

  it('stacks side by side and rejects mismatched rows', () => {
    const s = hstack([m, Matrix.column([7, 8])]);
    expect(s.toArrays()).toEqual([
      [1, 2, 3, 7],
      [4, 5, 6, 8],
    ]);
    expect(() => hstack([m, Matrix.column([1])])).toThrow(/matrix 1 has 1 rows, expected 2/);
  });

  it('rejects data whose length does not match the shape', () => {
    expect(() => new Matrix(new Float64Array(5), 2, 3)).toThrow(/5 values, expected rows × cols = 6/);
  });
});
