/**
 * Both sides of the CCH for a linear teacher in a Gaussian model with covariance ordered
 * (x1, x2, y): I(w1'x1; w*'x2) and I(w*'x2; y), w* = Σ22⁻¹Σ23, from −½ ln(1 − ρ²). Also the
 * second moments of (x2, y, t) in the shape `@cch-lab/theory` takes (`KdMoments`), so a caller can
 * hand them to `exactKdRisk` without recomputing anything.
 */
import { block, dot, matVec, quadraticForm, solveSpdVector } from '@cch-lab/core';
import type { Matrix } from '@cch-lab/core';

/** Moments of (x2, y, t = w1'x1); structurally the theory package's `KdMoments`. */
export interface KdModelMoments {
  sigma22: Matrix<Float64Array>;
  covX2Y: Float64Array;
  covX2T: Float64Array;
  varY: number;
  varT: number;
  covYT: number;
}

/** The analytic CCH sides, in nats, and the correlations behind them. */
export interface CchSides {
  /** corr(w1'x1, w*'x2). */
  teacherStudentCorrelation: number;
  /** corr(w*'x2, y). */
  studentLabelCorrelation: number;
  /** corr(w1'x1, y): the teacher's quality. */
  teacherLabelCorrelation: number;
  /** I(w1'x1; w*'x2). */
  teacherStudentMi: number;
  /** I(w*'x2; y). */
  studentLabelMi: number;
  /** I(w1'x1; y). */
  teacherLabelMi: number;
  /** I(w1'x1; w*'x2) − I(w*'x2; y): CCH predicts KD helps when positive. */
  margin: number;
}

/** Moments of (x2, y, t) from the block covariance (trusted: built by this package). */
export function modelMoments(covariance: Matrix<Float64Array>, p1: number, p2: number, teacher: ArrayLike<number>): KdModelMoments {
  const d = p1 + p2 + 1;
  return {
    sigma22: block(covariance, p1, p1 + p2, p1, p1 + p2),
    covX2Y: block(covariance, p1, p1 + p2, d - 1, d).data,
    covX2T: matVec(block(covariance, p1, p1 + p2, 0, p1), teacher),
    varY: covariance.get(d - 1, d - 1),
    varT: quadraticForm(block(covariance, 0, p1, 0, p1), teacher),
    covYT: dot(block(covariance, d - 1, d, 0, p1).data, teacher),
  };
}

/** The CCH sides from the moments. */
export function cchSides(m: KdModelMoments): CchSides {
  const wStar = solveSpdVector(m.sigma22, m.covX2Y);
  const signalVar = dot(wStar, m.covX2Y);
  const teacherStudentCorrelation = correlation(dot(wStar, m.covX2T), m.varT, signalVar);
  const studentLabelCorrelation = correlation(signalVar, signalVar, m.varY);
  const teacherLabelCorrelation = correlation(m.covYT, m.varT, m.varY);
  const teacherStudentMi = mi(teacherStudentCorrelation);
  const studentLabelMi = mi(studentLabelCorrelation);
  return {
    teacherStudentCorrelation,
    studentLabelCorrelation,
    teacherLabelCorrelation,
    teacherStudentMi,
    studentLabelMi,
    teacherLabelMi: mi(teacherLabelCorrelation),
    margin: teacherStudentMi - studentLabelMi,
  };
}

/** −½ ln(1 − ρ²) in nats. */
export function mi(rho: number): number {
  return -0.5 * Math.log1p(-rho * rho);
}

function correlation(cov: number, va: number, vb: number): number {
  if (!(va > 0) || !(vb > 0)) return 0;
  return Math.max(-1, Math.min(1, cov / Math.sqrt(va * vb)));
}
