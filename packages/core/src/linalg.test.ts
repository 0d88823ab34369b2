import { Matrix } from './matrix.js';
import { cholesky, choleskySolve, invertSpd, logDetSpd, matMul, matTMul, solveSpdVector } from './linalg.js';
import { expectArraysClose, expectClose } from './testing.js';

/** Float64 closed forms on tiny hand-checked matrices. */
const EXACT = { atol: 1e-12, rtol: 1e-12 };

describe('core/linalg', () => {
  const a = Matrix.fromRows([
    [4, 2, 0.6],
    [2, 5, 1],
    [0.6, 1, 3],
  ]);

  it('factorises A = L Lᵀ', () => {
    const l = cholesky(a);
    const back = matMul(l, l.transpose());
    expectArraysClose(back.data, a.data, EXACT);
    expect(l.get(0, 1)).toBe(0);
  });

  it('computes the log-determinant', () => {
    // det by cofactor expansion
    const det = 4 * (5 * 3 - 1 * 1) - 2 * (2 * 3 - 1 * 0.6) + 0.6 * (2 * 1 - 5 * 0.6);
    expectClose(logDetSpd(a), Math.log(det), EXACT);
  });

  it('solves and inverts', () => {
    const b = [1, -2, 0.5];
    const x = solveSpdVector(a, b);
    const ax = matMul(a, Matrix.column(x)).data;
    expectArraysClose(ax, b, EXACT);
    const inv = invertSpd(a);
    const eye = matMul(a, inv);
    expectArraysClose(eye.data, [1, 0, 0, 0, 1, 0, 0, 0, 1], EXACT);
    const multi = choleskySolve(cholesky(a), Matrix.fromRows([[1, 0], [0, 1], [0, 0]]));
    expectArraysClose([multi.get(0, 0), multi.get(1, 1)], [inv.get(0, 0), inv.get(1, 1)], EXACT);
  });

  it('multiplies Aᵀ B like transpose then multiply', () => {
    const x = Matrix.fromRows([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expectArraysClose(matTMul(x, x).data, matMul(x.transpose(), x).data, EXACT);
  });

  it('rejects a matrix that is not positive definite, naming the pivot', () => {
    const bad = Matrix.fromRows([
      [1, 2],
      [2, 1],
    ]);
    expect(() => cholesky(bad)).toThrow(/not positive definite \(pivot 1/);
  });
});
