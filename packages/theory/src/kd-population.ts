/**
 * Population quantities of the linear Gaussian KD model (Theorem 1 of the paper, REFERENCE.md §1):
 * the optimal no-KD student w*, the student-space projection v of the teacher, the residual
 * (co)variances that drive the exact risk, and both sides of the CCH with their margin.
 */
import { Matrix, cholesky, choleskySolve, dot, quadraticForm } from '@cch-lab/core';
import { gaussianMiFromCorrelation } from './gaussian-mi.js';
import { checkKdMoments, kdMomentsFromCovariance } from './kd-moments.js';
import type { KdBlockDims, KdMoments } from './kd-moments.js';

/** Both sides of the CCH in the Gaussian model (nats) and the correlations behind them. */
export interface CchSides {
  /** corr(t, w*'x2) (0 when either side is constant). */
  teacherStudentCorrelation: number;
  /** corr(w*'x2, y) ≥ 0 (0 when y is constant). */
  studentLabelCorrelation: number;
  /** corr(t, y) (0 when either side is constant): the teacher's quality. */
  teacherLabelCorrelation: number;
  /** I(w1'x1; w*'x2) in nats: the CCH's teacher–student side. */
  teacherStudentMi: number;
  /** I(w*'x2; y) in nats: the CCH's student–label side. */
  studentLabelMi: number;
  /** I(t; y) in nats. */
  teacherLabelMi: number;
  /** The CCH margin I(w1'x1; w*'x2) − I(w*'x2; y) in nats; CCH predicts KD helps when > 0. */
  margin: number;
}

/** Everything the exact risk and the CCH need, for one teacher. Variances in units of y². */
export interface KdPopulation extends CchSides {
  /** Student dimension p. */
  p: number;
  /** w* = Σ22⁻¹ Σ23: the optimal no-KD student (population least squares of y on x2). */
  wStar: Float64Array;
  /** v = Σ22⁻¹ Cov(x2, t): the best linear imitation of the teacher from x2. */
  v: Float64Array;
  /** Var(e_y), e_y = y − w*'x2: the irreducible risk of any linear student. */
  varEy: number;
  /** Var(e_t), e_t = t − v'x2: the part of the teacher the student cannot reproduce. */
  varEt: number;
  /** Cov(e_y, e_t). */
  covEyEt: number;
  /** ‖v − w*‖²_Σ22: the population cost of imitating the teacher instead of the label. */
  biasDistance: number;
  /** Var(y). */
  varY: number;
  /** Var(t). */
  varT: number;
}

/** Where the model's moments come from: given directly, or a block covariance plus a teacher. */
export type KdModelInput =
  | { moments: KdMoments }
  | { covariance: Matrix; dims: KdBlockDims; teacherWeights: ArrayLike<number> };

/**
 * Population quantities of the KD model from its moments or from a block covariance of (x1, x2, y)
 * and teacher weights w1.
 * @throws InvalidInputError on malformed moments or a Cov(x2) that is not positive definite.
 */
export function kdPopulation(input: KdModelInput): KdPopulation {
  const moments = 'moments' in input ? input.moments : kdMomentsFromCovariance(input.covariance, input.dims, input.teacherWeights);
  checkKdMoments(moments, 'kdPopulation');
  return populationFromMoments(moments);
}

/** Worker: trusts its moments. */
export function populationFromMoments(m: KdMoments): KdPopulation {
  const p = m.sigma22.rows;
  const chol = cholesky(m.sigma22);
  const wStar = choleskySolve(chol, Matrix.column(m.covX2Y)).data;
  const v = choleskySolve(chol, Matrix.column(m.covX2T)).data;
  // Each residual variance is a difference of two population numbers; rounding can leave a tiny
  // negative where the truth is 0 (a teacher that is a linear function of x2), hence the floor.
  const signalVar = dot(wStar, m.covX2Y); // Var(w*'x2)
  const varEy = Math.max(0, m.varY - signalVar);
  const varEt = Math.max(0, m.varT - dot(v, m.covX2T));
  const covTSignal = dot(wStar, m.covX2T); // Cov(t, w*'x2)
  const covEyEt = m.covYT - covTSignal;
  const diff = new Float64Array(p);
  for (let j = 0; j < p; j++) diff[j] = v[j] - wStar[j];
  const biasDistance = Math.max(0, quadraticForm(m.sigma22, diff));

  const teacherStudentCorrelation = safeCorrelation(covTSignal, m.varT, signalVar);
  const studentLabelCorrelation = safeCorrelation(signalVar, signalVar, m.varY);
  const teacherLabelCorrelation = safeCorrelation(m.covYT, m.varT, m.varY);
  const teacherStudentMi = gaussianMiFromCorrelation(teacherStudentCorrelation);
  const studentLabelMi = gaussianMiFromCorrelation(studentLabelCorrelation);
  return {
    p,
    wStar,
    v,
    varEy,
    varEt,
    covEyEt,
    biasDistance,
    varY: m.varY,
    varT: m.varT,
    teacherStudentCorrelation,
    studentLabelCorrelation,
    teacherLabelCorrelation,
    teacherStudentMi,
    studentLabelMi,
    teacherLabelMi: gaussianMiFromCorrelation(teacherLabelCorrelation),
    margin: teacherStudentMi - studentLabelMi,
  };
}

/** cov / √(va·vb), clamped to [−1, 1] against rounding; 0 when either variance is 0. */
function safeCorrelation(cov: number, va: number, vb: number): number {
  if (!(va > 0) || !(vb > 0)) return 0;
  return Math.max(-1, Math.min(1, cov / Math.sqrt(va * vb)));
}
