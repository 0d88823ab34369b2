/**
 * The students of one training draw: the no-KD student (OLS of y on x2) and the KD student for
 * every λ. The KD objective Σ(y − w'x2)² + λΣ(w'x2 − t)² is minimised exactly by
 * ŵ(λ) = (ŵ_y + λŵ_t)/(1+λ) (theory's `kdStudentPath`, one pair of least-squares fits for every
 * λ). A gradient-trained linear student converges to the same weights (the trainers package tests
 * Adam against this closed form), so the closed form is the student the theorem is about, without
 * optimiser noise.
 */
import type { Matrix } from '@cch-lab/core';
import { kdStudentPath } from '@cch-lab/theory';

export interface FittedStudents {
  /** ŵ_y = ŵ(0), length p. */
  noKd: Float64Array;
  /** ŵ(λ) for each λ, in the order given. */
  kd: Float64Array[];
}

/** The no-KD and KD students on x2 (n × p), labels y and teacher outputs t (length n), without intercept. */
export function closedFormStudents(x2: Matrix, y: ArrayLike<number>, t: ArrayLike<number>, lambdas: readonly number[]): FittedStudents {
  const path = kdStudentPath(x2, y, t, lambdas);
  return { noKd: path.labelFit.weights, kd: path.students.map((student) => student.weights) };
}
