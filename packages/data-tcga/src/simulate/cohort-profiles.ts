/**
 * The simulated cohorts' classes, class shares and default sizes, modelled on the real cohorts.
 * Class names are sorted as the loader sorts label texts, so a simulated and a loaded dataset
 * number their classes the same way.
 */
import type { TcgaCohort } from '../types.js';

export interface CohortProfile {
  /** Class names, sorted (code-unit order). */
  classes: readonly string[];
  /** Relative class sizes (any scale), in `classes` order. */
  weights: readonly number[];
  /** Default number of samples. */
  samples: number;
  /**
   * sd of a class mean on an informative feature, in noise-sd units, before the omics' separation:
   * how hard the task is. Chosen so mRNA alone is roughly as good as on the real cohort (PAM50
   * moderately hard, the kidney histologies easy, LIHC stage hard).
   */
  signal: number;
}

export const COHORT_PROFILES: Readonly<Record<TcgaCohort, CohortProfile>> = Object.freeze({
  // PAM50 subtypes; shares of MOGONET's BRCA (875 samples: Basal 131, Her2 46, LumA 435, LumB 147, Normal-like 115).
  brca: { classes: ['Basal', 'Her2', 'LumA', 'LumB', 'Normal'], weights: [131, 46, 435, 147, 115], samples: 600, signal: 0.75 },
  // KICH + KIRC + KIRP at their real sizes 66 / 318 / 289.
  kipan: { classes: ['KICH', 'KIRC', 'KIRP'], weights: [66, 318, 289], samples: 673, signal: 1.0 },
  // This project's LIHC task: early (stage I–II) vs late (III–IV); shares of the real cohort (~257 / ~90).
  lihc: { classes: ['early', 'late'], weights: [257, 90], samples: 360, signal: 0.25 },
});
