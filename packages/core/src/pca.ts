/**
 * Principal component analysis fitted on some rows and applied to others: the projection the
 * k-NN estimators use on wide representations (KSG's bias grows with dimension), fitted on the
 * training split only so held-out rows do not shape it.
 */
import { InvalidInputError } from './errors.js';
import { Matrix } from './matrix.js';
import { columnMeans, covariance } from './stats.js';
import { symmetricEigen } from './symmetric-eigen.js';

export interface PcaModel {
  /** Column means of the fit rows. */
  mean: Float64Array;
  /** d × k: the leading k unit eigenvectors of the fit rows' covariance, as columns. */
  components: Matrix<Float64Array>;
  /** Variance along each component, descending. */
  variances: Float64Array;
  /** Share of the total variance the k components hold. */
  explained: number;
}

/** Fits k components (k ≤ d). @throws InvalidInputError for k out of range or fewer than 2 rows. */
export function fitPca(x: Matrix, k: number): PcaModel {
  if (!Number.isInteger(k) || k < 1 || k > x.cols) {
    throw new InvalidInputError(`fitPca: k must be an integer in 1..${x.cols}`, { details: { field: 'k', received: String(k) } });
  }
  if (x.rows < 2) throw new InvalidInputError('fitPca: needs at least 2 rows', { details: { field: 'x', received: `${x.rows} rows` } });
  const { values, vectors } = symmetricEigen(covariance(x));
  const d = x.cols;
  const components = Matrix.zeros(d, k);
  for (let i = 0; i < d; i++) for (let j = 0; j < k; j++) components.data[i * k + j] = vectors.data[i * d + j];
  const total = values.reduce((a, v) => a + Math.max(v, 0), 0);
  const variances = Float64Array.from(values.subarray(0, k), (v) => Math.max(v, 0));
  return { mean: columnMeans(x), components, variances, explained: total > 0 ? variances.reduce((a, v) => a + v, 0) / total : 0 };
}

/** (x − mean) · components: n × k. */
export function projectPca(model: PcaModel, x: Matrix): Matrix<Float64Array> {
  const d = model.mean.length;
  if (x.cols !== d) throw new InvalidInputError(`projectPca: x has ${x.cols} columns, the model ${d}`, { details: { field: 'x' } });
  const k = model.components.cols;
  const out = Matrix.zeros(x.rows, k);
  for (let r = 0; r < x.rows; r++) {
    for (let i = 0; i < d; i++) {
      const centred = x.data[r * d + i] - model.mean[i];
      if (centred === 0) continue;
      for (let j = 0; j < k; j++) out.data[r * k + j] += centred * model.components.data[i * k + j];
    }
  }
  return out;
}
