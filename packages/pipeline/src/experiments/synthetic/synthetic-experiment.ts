/**
 * Experiment `synthetic` (configs/synthetic.yaml): the paper's joint Gaussian model, where the KD
 * student's risk is known exactly, so the project can say when the CCH predicts the KD outcome
 * and when it does not.
 *
 * Design (chosen before looking at any result; every choice is a config key):
 * - Sweep: CCH margin levels (analytic, nats; I(w*'x2; y) fixed) × λ × n (the n/p sweep) ×
 *   repeats. One cell per (margin level, n, repeat) draws one training set and fits the no-KD
 *   student and every λ's KD student on it (closed form, no intercept: the exact minimiser of the
 *   paper's objective). `summarize` aggregates over repeats per (margin level, n, λ); the λ values
 *   of one (margin level, n) share their draws, so agreement takes (margin level, n) as the cluster.
 * - Teacher: the population fit w1 = Σ11⁻¹Σ13 by default, or (`teacher.kind: trained`) least squares
 *   on independent rows; the exact risk and the analytic margin are then that teacher's.
 * - Observed: test MSE on fresh rows; gain = MSE(no KD) − MSE(KD) on the same draw; its mean over
 *   repeats with a Student-t interval decides kd-helps / kd-hurts / inconclusive.
 * - Criteria scored against the observed sign: the CCH (analytic margin; and each estimated
 *   margin, from H1 = teacher predictions and H2 = no-KD student predictions on held-out rows),
 *   the exact risk R0 − R(λ) (theory), and the plug-in gain from sample moments (theory's
 *   plugInGain). Agreement counts decisive settings, by criterion key (`cch:analytic`,
 *   `cch:<estimator>`, `exact`, `plugin`), with the toolkit's cluster-robust Wilson interval; the
 *   inconclusive count is reported.
 */
import { expandSweep, repeatAxis, sweepCells } from '../../toolkit/expand-sweep.js';
import { sourcesOf } from '../../toolkit/sources.js';
import type { ExperimentDefinition } from '../../types.js';
import { runSyntheticCell, syntheticCellConfig, type SyntheticCellParams } from './run-synthetic-cell.js';
import { NEURAL_ESTIMATORS, syntheticRules, syntheticSchema, type SyntheticConfig } from './synthetic-config.js';
import { syntheticNotes } from './synthetic-notes.js';
import { syntheticFigures, syntheticTables } from './synthetic-report.js';
import { syntheticSettings } from './synthetic-settings.js';
import { syntheticScorecard, syntheticSummary } from './synthetic-summary.js';

export const syntheticExperiment: ExperimentDefinition<SyntheticConfig, SyntheticCellParams> = {
  name: 'synthetic',
  title: 'Joint Gaussian model: when does the CCH predict the KD outcome?',
  description:
    'The joint Gaussian linear model of Theorem 1, swept over the CCH margin, the KD weight λ and the training size n. ' +
    'For every setting: observed test MSE without and with KD, the exact risks R0 and R(λ), analytic and estimated margins, ' +
    'and the predictions of the CCH, the exact risk and the plug-in gain, scored against the observed sign.',
  version: 2,
  schema: syntheticSchema,
  rules: syntheticRules,
  // One cell per (margin level, n, repeat), each its own draw (`margin=0.1/n=300/rep=0`); every λ is fitted on that draw.
  cells: (config) =>
    sweepCells(expandSweep({ margin: config.margins, n: config.data.n, rep: repeatAxis(config.repeats) }), ({ values: { margin, n, rep } }) => ({
      margin,
      n,
      rep,
      estimators: config.estimators.methods.filter((m) => !NEURAL_ESTIMATORS.includes(m) || rep < config.estimators.neuralRepeats),
    })),
  // The sweep axes and the repeat's estimators are in the params; the rest a cell reads is here.
  cellConfig: syntheticCellConfig,
  runCell: runSyntheticCell,
  summarize(records, config) {
    const sources = sourcesOf(records);
    const methods = config.estimators.methods;
    const settings = syntheticSettings(records.flatMap((r) => r.output.rows), methods, config.decision.level);
    const summary = syntheticSummary(settings, methods);
    return {
      rows: settings.map((s) => s.row),
      summary,
      scorecard: syntheticScorecard(settings, methods),
      tables: syntheticTables(settings, summary, methods, sources),
      figures: syntheticFigures(settings, summary, methods, config.decision.level, sources),
      sources,
      notes: syntheticNotes(settings, summary, config),
    };
  },
};
