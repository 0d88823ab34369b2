/**
 * Cell granularity of `mfh-gauss`: one cell per (sweep, level, seed). A cell draws one data set
 * (its own hyperplane, as the reference code draws one per seed), trains the teacher, the no-KD
 * student and the KD student (the two students share initial weights), and measures the CCH
 * margin on the test rows' representations. The params are the cache key.
 */
import type { MfhSweep } from '@cch-lab/data-synthetic';
import type { Cell } from '../../types.js';
import type { MfhGaussConfig } from './mfh-gauss-config.js';

export interface MfhGaussCellParams {
  sweep: MfhSweep;
  /** shared (γ sweep) or extra (α sweep) decisive dims. */
  level: number;
  seed: number;
  data: MfhGaussConfig['data'];
  model: MfhGaussConfig['model'];
  train: MfhGaussConfig['train'];
  kd: MfhGaussConfig['kd'];
  estimators: MfhGaussConfig['estimators'];
}

export function mfhGaussCells(config: MfhGaussConfig): Cell<MfhGaussCellParams>[] {
  const cells: Cell<MfhGaussCellParams>[] = [];
  for (const sweep of ['gamma', 'alpha'] as const) {
    for (const level of config.sweeps[sweep]) {
      for (let seed = 0; seed < config.repeats; seed++) {
        cells.push({
          id: `sweep=${sweep}/${sweep === 'gamma' ? 'shared' : 'extra'}=${level}/seed=${seed}`,
          params: {
            sweep,
            level,
            seed,
            data: { ...config.data },
            model: { ...config.model },
            train: { ...config.train },
            kd: { ...config.kd },
            estimators: { ...config.estimators },
          },
        });
      }
    }
  }
  return cells;
}
