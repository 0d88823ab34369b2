/**
 * Test helpers: random block covariances of (x1, x2, y), Gaussian row samplers and the exact test
 * risk of a fixed linear student. Test-only (excluded from the build).
 */
import { Matrix, block, cholesky, dot, matMul, quadraticForm, solveSpdVector } from '@cch-lab/core';
import type { Rng } from '@cch-lab/core';

export interface TestModel {
  covariance: Matrix<Float64Array>;
  dims: { teacherDims: number; studentDims: number };
  /** Population teacher Σ11⁻¹Σ13. */
  populationTeacher: Float64Array;
  sigma22: Matrix<Float64Array>;
  sigma23: Float64Array;
  varY: number;
}

/** A random SPD covariance A Aᵀ/d + diag(0.2) over (x1, x2, y), with y made predictable from both. */
export function randomTestModel(p1: number, p2: number, rng: Rng): TestModel {
  const d = p1 + p2 + 1;
  const a = Matrix.zeros(d, d);
  for (let k = 0; k < a.data.length; k++) a.data[k] = rng.normal();
  const cov = matMul(a, a.transpose());
  for (let k = 0; k < cov.data.length; k++) cov.data[k] /= d;
  for (let i = 0; i < d; i++) cov.data[i * d + i] += 0.2;
  return describeModel(cov, p1, p2);
}

export function describeModel(cov: Matrix<Float64Array>, p1: number, p2: number): TestModel {
  const d = p1 + p2 + 1;
  const sigma11 = block(cov, 0, p1, 0, p1);
  const sigma13 = block(cov, 0, p1, d - 1, d).data;
  return {
    covariance: cov,
    dims: { teacherDims: p1, studentDims: p2 },
    populationTeacher: solveSpdVector(sigma11, sigma13),
    sigma22: block(cov, p1, p1 + p2, p1, p1 + p2),
    sigma23: block(cov, p1, p1 + p2, d - 1, d).data,
    varY: cov.get(d - 1, d - 1),
  };
}

/** n rows of N(0, LLᵀ) as an n × d float64 matrix. */
export function sampleRows(chol: Matrix<Float64Array>, n: number, rng: Rng): Matrix<Float64Array> {
  const d = chol.rows;
  const out = Matrix.zeros(n, d);
  const z = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) z[j] = rng.normal();
    for (let r = 0; r < d; r++) {
      let s = 0;
      for (let c = 0; c <= r; c++) s += chol.data[r * d + c] * z[c];
      out.data[i * d + r] = s;
    }
  }
  return out;
}

export function choleskyOf(model: TestModel): Matrix<Float64Array> {
  return cholesky(model.covariance);
}

/** Splits sampled rows into x1 (n × p1), x2 (n × p2) and y. */
export function splitRows(rows: Matrix, p1: number, p2: number): { x1: Matrix; x2: Matrix; y: Float64Array } {
  const idx1 = Array.from({ length: p1 }, (_, j) => j);
  const idx2 = Array.from({ length: p2 }, (_, j) => p1 + j);
  return { x1: rows.selectColumns(idx1), x2: rows.selectColumns(idx2), y: rows.columnValues(p1 + p2) };
}

/** E[(y − b − w'x2)²] on a fresh zero-mean Gaussian row: Var y − 2w'Σ23 + w'Σ22 w + b². */
export function testRisk(model: TestModel, weights: ArrayLike<number>, bias = 0): number {
  return model.varY - 2 * dot(weights, model.sigma23) + quadraticForm(model.sigma22, weights) + bias * bias;
}
