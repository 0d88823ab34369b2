/**
 * Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations (Golub & Van Loan §8.5): in
 * float64, accurate to rounding for the small covariances it serves (PCA of representations, d up
 * to a few hundred), with eigenvalues sorted descending.
 */
import { InvalidInputError } from './errors.js';
import { Matrix } from './matrix.js';

export interface SymmetricEigen {
  /** Descending. */
  values: Float64Array;
  /** d × d; column j is the unit eigenvector of values[j]. */
  vectors: Matrix<Float64Array>;
}

const MAX_SWEEPS = 100;

/** @throws InvalidInputError for a non-square or non-symmetric matrix. */
export function symmetricEigen(a: Matrix): SymmetricEigen {
  const d = a.rows;
  if (a.cols !== d) throw new InvalidInputError(`symmetricEigen: needs a square matrix, got ${a.rows} × ${a.cols}`, { details: { field: 'a' } });
  const m = Float64Array.from(a.data);
  let scale = 0;
  for (const v of m) scale = Math.max(scale, Math.abs(v));
  for (let i = 0; i < d; i++) {
    for (let j = i + 1; j < d; j++) {
      if (Math.abs(m[i * d + j] - m[j * d + i]) > 1e-9 * Math.max(scale, 1)) {
        throw new InvalidInputError('symmetricEigen: the matrix is not symmetric', { details: { field: 'a', received: `a[${i}][${j}] ≠ a[${j}][${i}]` } });
      }
    }
  }
  const v = new Float64Array(d * d);
  for (let i = 0; i < d; i++) v[i * d + i] = 1;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let i = 0; i < d; i++) for (let j = i + 1; j < d; j++) off += m[i * d + j] ** 2;
    if (off <= 1e-30 * Math.max(scale * scale, 1e-300)) break;
    for (let p = 0; p < d; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = m[p * d + q];
        if (apq === 0) continue;
        // The rotation that zeroes a[p][q] (Golub & Van Loan Alg. 8.5.1, the stable tangent).
        const theta = (m[q * d + q] - m[p * d + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < d; k++) {
          const akp = m[k * d + p];
          const akq = m[k * d + q];
          m[k * d + p] = c * akp - s * akq;
          m[k * d + q] = s * akp + c * akq;
        }
        for (let k = 0; k < d; k++) {
          const apk = m[p * d + k];
          const aqk = m[q * d + k];
          m[p * d + k] = c * apk - s * aqk;
          m[q * d + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < d; k++) {
          const vkp = v[k * d + p];
          const vkq = v[k * d + q];
          v[k * d + p] = c * vkp - s * vkq;
          v[k * d + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: d }, (_, i) => i).sort((x, y) => m[y * d + y] - m[x * d + x]);
  const values = Float64Array.from(order, (i) => m[i * d + i]);
  const vectors = Matrix.zeros(d, d);
  for (const [j, src] of order.entries()) for (let k = 0; k < d; k++) vectors.data[k * d + j] = v[k * d + src];
  return { values, vectors };
}
