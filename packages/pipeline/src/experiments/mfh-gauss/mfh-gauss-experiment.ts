/**
 * Experiment `mfh-gauss` (configs/mfh-gauss.yaml): the Modality Focusing Hypothesis's synthetic
 * benchmark (Xue et al., ICLR 2023) run as its authors ran it — γ sweep and α sweep, linear
 * teacher on x1 and students on x2, full-batch SGD, KD = CE + KL at T = 1 — with the CCH margin
 * estimated on the trained models' representations for every setting, so one table shows where
 * the two hypotheses agree and where they part, against the observed KD effect.
 *
 * One cell per (sweep, level, seed), through the toolkit's distillation cell; the levels of a
 * sweep share their seeds' draws (common random numbers, as the reference code seeds every level
 * alike), so the streams depend on the sweep and the seed only.
 */
import { MFH_SWEEPS, type MfhSweep } from '@cch-lab/data-synthetic';
import type { DistillationRow } from '../../toolkit/distillation-row.js';
import { distillationSections } from '../../toolkit/distillation-sections.js';
import { expandSweep, repeatAxis, sweepCells } from '../../toolkit/expand-sweep.js';
import { sourcesOf } from '../../toolkit/sources.js';
import type { ExperimentDefinition } from '../../types.js';
import { mfhGaussRules, mfhGaussSchema, type MfhGaussConfig } from './mfh-gauss-config.js';
import { mfhGaussFigures, mfhGaussNotes, mfhGaussTables } from './mfh-gauss-report.js';
import { mfhGaussNumbers, mfhGaussScorecard, mfhGaussSummary } from './mfh-gauss-summary.js';
import { mfhGaussPreflight } from './mfh-gauss-preflight.js';
import { runMfhGaussCell, type MfhGaussCellParams } from './run-mfh-gauss-cell.js';

/** The level axis of each sweep, as it reads in cell ids (`sweep=gamma/shared=4/seed=0`). */
const LEVEL_AXIS: Readonly<Record<MfhSweep, string>> = { gamma: 'shared', alpha: 'extra' };

export const mfhGaussExperiment: ExperimentDefinition<MfhGaussConfig, MfhGaussCellParams> = {
  name: 'mfh-gauss',
  title: 'MFH synthetic benchmark: CCH and MFH against the observed KD effect',
  description:
    'The synthetic Gaussian benchmark of the Modality Focusing Hypothesis (Xue et al. 2023): a γ sweep (shared decisive features) and ' +
    'an α sweep (teacher-only decisive features), linear models, KD = CE + KL at T = 1. For every setting: teacher, no-KD and KD ' +
    'accuracies, the observed KD effect, the CCH margin estimated on the models’ representations, the MFH’s γ-rule prediction and ' +
    'the plug-in gain, with the MFH paper’s reported numbers beside ours.',
  version: 2,
  schema: mfhGaussSchema,
  rules: mfhGaussRules,
  preflight: mfhGaussPreflight,
  cells(config) {
    return MFH_SWEEPS.flatMap((sweep) => {
      const axis = LEVEL_AXIS[sweep];
      const points = expandSweep({ sweep: [sweep], [axis]: config.sweeps[sweep], seed: repeatAxis(config.repeats) }, { streamAxes: ['sweep', 'seed'] });
      return sweepCells(points, (p) => ({ sweep, level: p.values[axis] as number, seed: p.values.seed as number }));
    });
  },
  // The sweeps, repeats and MFH rule are in the params or read by summarize only.
  cellConfig: (config) => ({ data: config.data, ...distillationSections(config) }),
  runCell: runMfhGaussCell,
  summarize(records, config) {
    const sources = sourcesOf(records);
    const numbers = mfhGaussNumbers(records.flatMap((r) => (r.output.distillation ?? []) as DistillationRow[]), config);
    return {
      rows: numbers.flat,
      summary: mfhGaussSummary(numbers),
      scorecard: mfhGaussScorecard(numbers),
      tables: mfhGaussTables(numbers, sources),
      figures: mfhGaussFigures(numbers, config, sources),
      sources,
      notes: mfhGaussNotes(numbers, config, sources),
    };
  },
};
