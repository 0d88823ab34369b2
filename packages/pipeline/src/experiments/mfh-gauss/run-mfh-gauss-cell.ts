/**
 * One cell of `mfh-gauss`: one draw of the MFH benchmark (one sweep, level and seed) through the
 * toolkit's distillation cell with the one pair x1 → x2: teacher, no-KD and KD students trained as
 * the reference code trains them, the CCH margin on the test rows' logits (the representation of a
 * linear model), and the plug-in.
 *
 * Common random numbers: the cell's stream depends on its sweep and seed only (mfh-gauss-experiment
 * sets `streamAxes`). mfhGaussian draws the hyperplane and, per row, xs, x1's and x2's noise with
 * the same number of draws at every level, and x2 holds xs[0, m) at every level, so x2 and the
 * labels are the same bits at every level of a sweep; the student's initial weights come from the
 * same stream too — its no-KD accuracy does not depend on the level, as in the reference code.
 */
import { mfhGaussian, type MfhSweep } from '@cch-lab/data-synthetic';
import { runDistillationCell } from '../../toolkit/distillation-cell.js';
import { flattenDistillationRow } from '../../toolkit/distillation-row.js';
import { distillationSections } from '../../toolkit/distillation-sections.js';
import type { Cell, CellContext, CellOutput } from '../../types.js';
import type { MfhGaussConfig } from './mfh-gauss-config.js';

export interface MfhGaussCellParams {
  sweep: MfhSweep;
  /** shared (γ sweep) or extra (α sweep) decisive dims. */
  level: number;
  seed: number;
}

export async function runMfhGaussCell(cell: Cell<MfhGaussCellParams>, config: MfhGaussConfig, context: CellContext): Promise<CellOutput> {
  const { sweep, level, seed } = cell.params;
  const dataset = mfhGaussian({ sweep, ...(sweep === 'gamma' ? { shared: level } : { extra: level }), ...config.data }, context.rng.derive('data'));
  const { gamma, alpha } = dataset.meta as { gamma: number; alpha: number | null };
  const result = await runDistillationCell({
    dataset,
    pairs: [{ teacher: 'x1', student: 'x2' }],
    ...distillationSections(config),
    rng: context.rng,
    context: { sweep, level, gamma, alpha, seed },
    // No reporter: it prints a line per epoch per model (3000 per cell); the pipeline reports cells.
  });
  return {
    rows: result.rows.map(flattenDistillationRow),
    distillation: result.rows,
    sources: [dataset.source],
    meta: { ...result.meta, backend: context.backend, layout: dataset.meta.layout },
  };
}
