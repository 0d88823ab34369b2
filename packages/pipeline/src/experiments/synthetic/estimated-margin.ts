/**
 * The CCH margin estimated from data, as a practitioner would: I(H1; H2) − I(H2; Y) on held-out
 * rows, with H1 the teacher's predictions, H2 the no-KD student's predictions and Y the
 * (continuous) label, each side by the same estimator from `@cch-lab/estimators`.
 */
import type { Matrix, Rng } from '@cch-lab/core';
import { estimateMi } from '@cch-lab/estimators';
import type { MarginMethod } from './synthetic-config.js';

export interface EstimatedMargin {
  /** Î(H1; H2) in nats. */
  teacherStudent: number;
  /** Î(H2; Y) in nats. */
  studentLabel: number;
  /** Î(H1; H2) − Î(H2; Y). */
  margin: number;
  /** Wall-clock seconds of both estimates. */
  seconds: number;
}

/** Both sides of the CCH by `method`; h1, h2, y are aligned N × d matrices. */
export async function estimatedMargin(
  method: MarginMethod,
  h1: Matrix,
  h2: Matrix,
  y: Matrix,
  options: { k: number; rng: Rng },
): Promise<EstimatedMargin> {
  const ts = await estimateMi(method, h1, h2, { k: options.k, rng: options.rng.derive('teacher-student') });
  const sl = await estimateMi(method, h2, y, { k: options.k, rng: options.rng.derive('student-label') });
  return { teacherStudent: ts.nats, studentLabel: sl.nats, margin: ts.nats - sl.nats, seconds: ts.seconds + sl.seconds };
}
