/** The `decision` section: how intervals decide an observed sign and a predicted one. */
import { z } from 'zod';

export const decisionSection = z
  .strictObject({
    level: z.number().gt(0).lt(1).default(0.95).describe('coverage of every interval that decides a sign (observed KD effect, margin)'),
  })
  .prefault({});
export type DecisionSection = z.output<typeof decisionSection>;
