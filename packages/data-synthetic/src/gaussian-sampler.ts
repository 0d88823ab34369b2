/**
 * Rows of a zero-mean multivariate Gaussian N(0, Σ): x = L z with Σ = L Lᵀ (Cholesky, computed
 * once) and z standard normal. Accumulates in float64; the caller decides the storage type.
 */
import { InvalidInputError, checkInteger, cholesky } from '@cch-lab/core';
import type { Matrix, Rng } from '@cch-lab/core';

export interface GaussianSampler {
  /** Dimension d of a row. */
  dims: number;
  /**
   * Draws n rows; `onRow(i, row)` receives each row as a reused float64 scratch array (copy what
   * you keep). Consumes exactly n·d normals from `rng`, in row order.
   */
  sample(n: number, rng: Rng, onRow: (i: number, row: Float64Array) => void): void;
}

/**
 * A sampler for N(0, Σ).
 * @throws InvalidInputError when Σ is not square or not positive definite (names the pivot).
 */
export function gaussianSampler(covariance: Matrix): GaussianSampler {
  if (covariance.rows !== covariance.cols) {
    throw new InvalidInputError(`gaussianSampler: covariance must be square, got ${covariance.rows} × ${covariance.cols}`, {
      details: { field: 'covariance' },
    });
  }
  const d = covariance.rows;
  const l = cholesky(covariance).data;
  // Structured covariances give a sparse factor: keep only its nonzeros, row by row.
  const starts = new Int32Array(d + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  for (let r = 0; r < d; r++) {
    starts[r] = cols.length;
    for (let c = 0; c <= r; c++) {
      const v = l[r * d + c];
      if (v !== 0) {
        cols.push(c);
        vals.push(v);
      }
    }
  }
  starts[d] = cols.length;
  const colIdx = Int32Array.from(cols);
  const values = Float64Array.from(vals);
  return {
    dims: d,
    sample(n, rng, onRow) {
      checkInteger(n, 'n', { min: 0 }, { where: 'gaussianSampler.sample' });
      const z = new Float64Array(d);
      const row = new Float64Array(d);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < d; j++) z[j] = rng.normal();
        for (let r = 0; r < d; r++) {
          let s = 0;
          for (let k = starts[r]; k < starts[r + 1]; k++) s += values[k] * z[colIdx[k]];
          row[r] = s;
        }
        onRow(i, row);
      }
    },
  };
}
