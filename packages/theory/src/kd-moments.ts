/**
 * The second moments the KD theory needs, in one shape whether they come from a population block
 * covariance (the paper's model) or from a sample (the plug-in criterion).
 *
 * Notation (REFERENCE.md §1): x2 is the student's input (p features), y the label, t = w1'x1 the
 * teacher's output. Everything is centred; only covariances enter.
 */
import { InvalidInputError, Matrix, block, checkFiniteArray, checkFiniteMatrix, checkInteger, checkNumber, matVec, quadraticForm } from '@cch-lab/core';

/** Second moments of (x2, y, t); vectors have length p = sigma22.rows. */
export interface KdMoments {
  /** Cov(x2): p × p, symmetric positive definite. */
  sigma22: Matrix;
  /** Cov(x2, y), length p. */
  covX2Y: Float64Array;
  /** Cov(x2, t), length p; t = the teacher's output (w1'x1 in the model). */
  covX2T: Float64Array;
  /** Var(y). */
  varY: number;
  /** Var(t). */
  varT: number;
  /** Cov(y, t). */
  covYT: number;
}

/** Block sizes of a covariance ordered (x1, x2, y). */
export interface KdBlockDims {
  /** Dimension of the teacher's input x1. */
  teacherDims: number;
  /** Dimension of the student's input x2 (p). */
  studentDims: number;
}

/**
 * The moments of (x2, y, t = w1'x1) from the block covariance of (x1, x2, y), ordered x1 (p1), x2
 * (p2), y (1) as in Theorem 1: Cov(x2, t) = Σ21 w1, Var(t) = w1'Σ11 w1, Cov(y, t) = Σ31 w1.
 * @throws InvalidInputError when the covariance is not (p1 + p2 + 1)-square, not finite, or w1 has
 * the wrong length.
 */
export function kdMomentsFromCovariance(covariance: Matrix, dims: KdBlockDims, teacherWeights: ArrayLike<number>): KdMoments {
  const where = { where: 'kdMomentsFromCovariance' };
  const p1 = checkInteger(dims.teacherDims, 'teacherDims', { min: 1 }, where);
  const p2 = checkInteger(dims.studentDims, 'studentDims', { min: 1 }, where);
  const d = p1 + p2 + 1;
  if (covariance.rows !== d || covariance.cols !== d) {
    throw new InvalidInputError(`kdMomentsFromCovariance: covariance must be ${d} × ${d} (x1: ${p1}, x2: ${p2}, y: 1)`, {
      details: { field: 'covariance', received: `${covariance.rows} × ${covariance.cols}` },
      hint: 'order the covariance as (x1, x2, y) and pass the block sizes in dims',
    });
  }
  checkFiniteMatrix(covariance, 'covariance', where);
  if (teacherWeights.length !== p1) {
    throw new InvalidInputError(`kdMomentsFromCovariance: teacher weights must have length p1 = ${p1}`, {
      details: { field: 'teacherWeights', received: String(teacherWeights.length) },
    });
  }
  checkFiniteArray(teacherWeights, 'teacherWeights', where);
  const full = covariance.toFloat64();
  const sigma11 = block(full, 0, p1, 0, p1);
  const sigma21 = block(full, p1, p1 + p2, 0, p1);
  const sigma31 = block(full, d - 1, d, 0, p1);
  return {
    sigma22: block(full, p1, p1 + p2, p1, p1 + p2),
    covX2Y: block(full, p1, p1 + p2, d - 1, d).data,
    covX2T: matVec(sigma21, teacherWeights),
    varY: full.get(d - 1, d - 1),
    varT: quadraticForm(sigma11, teacherWeights),
    covYT: matVec(sigma31, teacherWeights)[0],
  };
}

/** Boundary check of a KdMoments object; returns p. Private workers trust checked moments. */
export function checkKdMoments(moments: KdMoments, where: string): number {
  const at = { where };
  const s = moments.sigma22;
  if (!(s instanceof Matrix) || s.rows !== s.cols || s.rows < 1) {
    throw new InvalidInputError(`${where}: moments.sigma22 must be a square p × p Matrix`, {
      details: { field: 'moments.sigma22', received: s instanceof Matrix ? `${s.rows} × ${s.cols}` : typeof s },
    });
  }
  const p = s.rows;
  checkFiniteMatrix(s, 'moments.sigma22', at);
  for (const field of ['covX2Y', 'covX2T'] as const) {
    if (moments[field].length !== p) {
      throw new InvalidInputError(`${where}: moments.${field} must have length p = ${p}`, {
        details: { field: `moments.${field}`, received: String(moments[field].length) },
      });
    }
    checkFiniteArray(moments[field], `moments.${field}`, at);
  }
  checkNumber(moments.varY, 'moments.varY', { min: 0 }, at);
  checkNumber(moments.varT, 'moments.varT', { min: 0 }, at);
  checkNumber(moments.covYT, 'moments.covYT', {}, at);
  return p;
}
