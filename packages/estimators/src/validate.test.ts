import { InvalidInputError, Matrix, UnknownMethodError, createRng } from '@cch-lab/core';
import { estimateMi } from './registry.js';
import { correlatedGaussianPair } from './testing-fixtures/gaussian-pairs.js';
import { constantColumns } from './validate.js';

describe('estimators/validate', () => {
  const { x, y } = correlatedGaussianPair(createRng('validate'), 20, 2, 0.5);

  async function failure(p: Promise<unknown>): Promise<InvalidInputError> {
    const error = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    return error as InvalidInputError;
  }

  it('names NaN and Inf with their row and column', async () => {
    const bad = x.clone();
    bad.set(4, 1, Number.NaN);
    expect((await failure(estimateMi('ksg', bad, y))).message).toMatch(/non-finite value NaN at row 5, column 2/);
    const inf = y.clone();
    inf.set(0, 0, Number.POSITIVE_INFINITY);
    expect((await failure(estimateMi('gaussian', x, inf))).message).toMatch(/Infinity at row 1/);
  });

  it('rejects mismatched rows, k ≥ n, an empty input and a non-matrix', async () => {
    expect((await failure(estimateMi('ksg', x, y.rowRange(0, 19)))).message).toMatch(/20 rows but y has 19/);
    const e = await failure(estimateMi('ksg', x, y, { k: 20 }));
    expect(e.message).toMatch(/k = 20 needs at least k \+ 1 = 21 samples, got n = 20/);
    expect(e.details.field).toBe('k');
    expect((await failure(estimateMi('ksg', Matrix.zeros(0, 2), Matrix.zeros(0, 2)))).message).toMatch(/x is empty/);
    expect((await failure(estimateMi('ksg', [[1, 2]] as unknown as Matrix, y))).message).toMatch(/must be a Matrix/);
    expect((await failure(estimateMi('mixed', x, new Int32Array(19)))).message).toMatch(/labels has 19/);
  });

  it('rejects one class only', async () => {
    expect((await failure(estimateMi('mixed', x, new Int32Array(20)))).message).toMatch(/one class only/);
  });

  it('rejects a constant column by default and drops it (recorded) when asked', async () => {
    const c = x.clone();
    for (let i = 0; i < c.rows; i++) c.set(i, 1, 3);
    expect(constantColumns(c)).toEqual([1]);
    const e = await failure(estimateMi('ksg', c, y));
    expect(e.message).toMatch(/1 constant column\(s\) \(column 2, 1-based\)/);
    const ok = await estimateMi('ksg', c, y, { dropConstantColumns: true, rng: createRng(1) });
    expect(ok.dims).toEqual([1, 2]);
    expect(ok.details).toMatchObject({ droppedConstantColumns: { x: [1], y: [] } });
  });

  it('rejects unknown estimators and options with the valid names', async () => {
    await expect(estimateMi('kraskov', x, y)).rejects.toThrow(UnknownMethodError);
    await expect(estimateMi('kraskov', x, y)).rejects.toThrow(/ksg, ksg2, mixed, gaussian, mine, infonce, lmi/);
    await expect(estimateMi('ksg', x, y, { engine: { method: 'octree' as never } })).rejects.toThrow(/tree, brute, naive/);
    await expect(estimateMi('ksg', x, y, { shuffles: -1 })).rejects.toThrow(InvalidInputError);
  });
});
