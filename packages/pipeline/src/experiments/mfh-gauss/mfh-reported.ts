/**
 * The numbers Xue et al. (The Modality Focusing Hypothesis, ICLR 2023) report for their synthetic
 * benchmark, as REFERENCE.md §1 records them. They are quoted beside our measurements, always
 * labelled as reported by Xue et al. 2023, and never used in any of our computations.
 */
import type { MfhSweep } from '@cch-lab/data-synthetic';

export interface MfhReported {
  /** Test accuracies as fractions, where the paper states a number for this setting. */
  teacherAcc: number | null;
  noKdAcc: number | null;
  kdAcc: number | null;
  /** What the paper says where it gives no number per setting. */
  note: string;
}

export const MFH_REPORTED_SOURCE = 'reported by Xue et al. 2023 (ICLR), synthetic Gaussian benchmark, as summarised in REFERENCE.md §1';

/** Reported values for one setting (sweep, level), or all-null with a note. */
export function mfhReported(sweep: MfhSweep, level: number): MfhReported {
  if (sweep === 'gamma') {
    // No-KD ≈ 67.9 % is one number for the whole sweep (the student's data do not depend on γ).
    if (level === 0) return { teacherAcc: null, noKdAcc: 0.679, kdAcc: 0.663, note: 'KD below no-KD at γ = 0' };
    if (level === 10) return { teacherAcc: null, noKdAcc: 0.679, kdAcc: 0.701, note: 'KD above no-KD at γ = 1' };
    return { teacherAcc: null, noKdAcc: 0.679, kdAcc: null, note: 'break-even near γ ≈ 0.25' };
  }
  if (level === 0) return { teacherAcc: 0.58, noKdAcc: null, kdAcc: null, note: 'student ≈ 57–58 % at every α (no gain)' };
  if (level === 40) return { teacherAcc: 0.888, noKdAcc: null, kdAcc: null, note: 'student ≈ 57–58 % at every α (no gain)' };
  return { teacherAcc: null, noKdAcc: null, kdAcc: null, note: 'student ≈ 57–58 % at every α (no gain)' };
}
