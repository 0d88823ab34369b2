/**
 * Cell granularity of the `synthetic` experiment: one cell per (margin level, n, repeat). A cell
 * draws one training set, fits the no-KD student once and the KD student for every λ from the
 * same draw (the closed form makes that cheap, and pairing the λs on one draw makes their
 * differences less noisy); `summarize` aggregates over repeats. The params hold everything the
 * cell's numbers depend on, so they are also its cache key.
 */
import type { Cell } from '../../types.js';
import { NEURAL_ESTIMATORS } from './synthetic-config.js';
import type { MarginEstimator, StudentFit, SyntheticConfig } from './synthetic-config.js';

export interface SyntheticCellParams {
  /** The requested (analytic) CCH margin in nats. */
  marginLevel: number;
  /** Training rows of the students. */
  n: number;
  rep: number;
  model: SyntheticConfig['model'];
  lambdas: number[];
  nTest: number;
  nEstimation: number;
  teacher: SyntheticConfig['teacher'];
  fit: StudentFit;
  /** The estimators this repeat runs (neural ones only on the first `neuralRepeats`). */
  estimators: MarginEstimator[];
  k: number;
  plugin: SyntheticConfig['plugin'];
}

export function syntheticCells(config: SyntheticConfig): Cell<SyntheticCellParams>[] {
  const cells: Cell<SyntheticCellParams>[] = [];
  for (const marginLevel of config.margins) {
    for (const n of config.data.n) {
      for (let rep = 0; rep < config.repeats; rep++) {
        const estimators = config.estimators.methods.filter((m) => !NEURAL_ESTIMATORS.includes(m) || rep < config.estimators.neuralRepeats);
        cells.push({
          id: `margin=${marginLevel}/n=${n}/rep=${rep}`,
          params: {
            marginLevel,
            n,
            rep,
            model: { ...config.model },
            lambdas: [...config.kd.lambda],
            nTest: config.data.nTest,
            nEstimation: config.data.nEstimation,
            teacher: config.teacher.kind === 'trained' ? { ...config.teacher } : { kind: 'population', n: 0 },
            fit: config.student.fit,
            estimators,
            k: config.estimators.k,
            plugin: { ...config.plugin },
          },
        });
      }
    }
  }
  return cells;
}
