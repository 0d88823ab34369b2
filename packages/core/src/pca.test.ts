import { expectArraysClose, expectClose } from './testing.js';
import { Matrix } from './matrix.js';
import { createRng } from './rng.js';
import { fitPca, projectPca } from './pca.js';
import { symmetricEigen } from './symmetric-eigen.js';

describe('core/pca', () => {
  it('decomposes a symmetric matrix: A v = λ v, eigenvalues descending', () => {
    const a = new Matrix(Float64Array.from([4, 1, 2, 1, 3, 0, 2, 0, 5]), 3, 3);
    const { values, vectors } = symmetricEigen(a);
    expect(values[0]).toBeGreaterThanOrEqual(values[1]);
    expect(values[1]).toBeGreaterThanOrEqual(values[2]);
    expectClose(values[0] + values[1] + values[2], 12, { rtol: 1e-12 });
    for (let j = 0; j < 3; j++) {
      const v = [0, 1, 2].map((i) => vectors.get(i, j));
      const av = [0, 1, 2].map((i) => [0, 1, 2].reduce((s, k) => s + a.get(i, k) * v[k], 0));
      expectArraysClose(av, v.map((x) => x * values[j]), { atol: 1e-10 });
    }
    expect(() => symmetricEigen(new Matrix(Float64Array.from([1, 2, 3, 4]), 2, 2))).toThrow(/not symmetric/);
  });

  it('finds the direction of largest variance from the fit rows and projects other rows with their mean', () => {
    const rng = createRng('pca');
    const n = 2000;
    const x = Matrix.zeros(n, 3);
    for (let r = 0; r < n; r++) {
      const t = 3 * rng.normal();
      x.set(r, 0, 10 + t);
      x.set(r, 1, -5 + t);
      x.set(r, 2, 0.1 * rng.normal());
    }
    const model = fitPca(x, 1);
    const c = [0, 1, 2].map((i) => Math.abs(model.components.get(i, 0)));
    expectArraysClose(c, [Math.SQRT1_2, Math.SQRT1_2, 0], { atol: 0.01 });
    expect(model.explained).toBeGreaterThan(0.99);
    const projected = projectPca(model, new Matrix(Float64Array.from([10, -5, 0]), 1, 3));
    expect(Math.abs(projected.get(0, 0))).toBeLessThan(0.2);
    expect(() => fitPca(x, 4)).toThrow(/1\.\.3/);
  });
});
