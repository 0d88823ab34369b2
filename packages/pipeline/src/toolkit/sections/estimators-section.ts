/**
 * The `estimators` section: which estimator families measure the two sides of the CCH margin.
 * Both sides of a margin come from one family, so their biases are alike (KSG with its Ross mixed
 * form for class labels, Gaussian, MINE, InfoNCE, LMI for both); a config may add explicit mixed
 * pairs, and the report names the pair. The family names are the estimator registry's names.
 */
import { ESTIMATOR_NAMES } from '@cch-lab/estimators';
import type { EstimatorName } from '@cch-lab/estimators';
import type { Task } from '@cch-lab/data';
import { z } from 'zod';

/** A family: every registered estimator but `mixed`, which is KSG's form for class labels. */
export type EstimatorFamily = Exclude<EstimatorName, 'mixed'>;

/** [estimator of I(H_t; H_s), estimator of I(H_s; Y)] per family and task. */
export const ESTIMATOR_PAIRS: Readonly<Record<EstimatorFamily, Readonly<Record<Task, readonly [EstimatorName, EstimatorName]>>>> = Object.freeze({
  ksg: { classification: ['ksg', 'mixed'], regression: ['ksg', 'ksg'] },
  ksg2: { classification: ['ksg2', 'mixed'], regression: ['ksg2', 'ksg2'] },
  gaussian: { classification: ['gaussian', 'gaussian'], regression: ['gaussian', 'gaussian'] },
  mine: { classification: ['mine', 'mine'], regression: ['mine', 'mine'] },
  infonce: { classification: ['infonce', 'infonce'], regression: ['infonce', 'infonce'] },
  lmi: { classification: ['lmi', 'lmi'], regression: ['lmi', 'lmi'] },
});

export const ESTIMATOR_FAMILIES = ESTIMATOR_NAMES.filter((n): n is EstimatorFamily => n !== 'mixed');

/** One margin's estimators: a family's pair, or an explicit mixed pair from the config. */
export interface MarginEstimator {
  /** Short name for rows and tables: the family, or `<ts>+<sl>` for an explicit pair. */
  name: string;
  teacherStudent: EstimatorName;
  studentLabel: EstimatorName;
}

export const estimatorsSection = z
  .strictObject({
    families: z
      .array(z.enum(ESTIMATOR_FAMILIES as [EstimatorFamily, ...EstimatorFamily[]]))
      .min(1)
      .default(['ksg'])
      .describe('estimator families; the first gives each row’s margin and verdict'),
    pairs: z
      .array(z.strictObject({ teacherStudent: z.enum(ESTIMATOR_NAMES), studentLabel: z.enum(ESTIMATOR_NAMES) }))
      .default([])
      .describe('explicit mixed pairs (I(H_t;H_s) and I(H_s;Y) from different estimators), reported under their names'),
    k: z.number().int().min(1).max(50).default(3).describe('neighbours for the k-NN estimators (lowered, and recorded, when a split is too small)'),
    subsamples: z.number().int().min(2).max(1000).default(20).describe('paired subsamples for each margin’s interval'),
    projection: z
      .strictObject({
        method: z.enum(['none', 'pca']).default('none'),
        dims: z.number().int().min(1).max(256).default(8),
      })
      .prefault({})
      .describe('for the k-NN families (KSG and its Ross label side): project each representation by PCA fitted on the training rows (KSG is biased in high dimension); the neural families always see the full layer'),
  })
  .prefault({});
export type EstimatorsSection = z.output<typeof estimatorsSection>;

/** Families whose margins are measured on the projection when one is configured. */
export const KNN_FAMILIES: ReadonlySet<EstimatorName> = new Set<EstimatorName>(['ksg', 'ksg2']);

/** The margins a cell measures, primary first. */
export function marginEstimators(section: EstimatorsSection, task: Task): MarginEstimator[] {
  const out: MarginEstimator[] = section.families.map((f) => ({ name: f, teacherStudent: ESTIMATOR_PAIRS[f][task][0], studentLabel: ESTIMATOR_PAIRS[f][task][1] }));
  for (const p of section.pairs) out.push({ name: `${p.teacherStudent}+${p.studentLabel}`, ...p });
  return out;
}
