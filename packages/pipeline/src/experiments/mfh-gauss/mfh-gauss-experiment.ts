/**
 * Experiment `mfh-gauss` (configs/mfh-gauss.yaml): the Modality Focusing Hypothesis's synthetic
 * benchmark (Xue et al., ICLR 2023) run as its authors ran it — γ sweep and α sweep, linear
 * teacher on x1 and students on x2, full-batch SGD, KD = CE + KL at T = 1 — with the CCH margin
 * estimated on the trained models' representations for every setting, so one table shows where
 * the two hypotheses agree and where they part, against the observed KD effect.
 *
 * Design: one cell per (sweep, level, seed); summarize aggregates over seeds. The observed sign
 * comes from the t-interval of the mean paired effect (KD − no-KD accuracy); the CCH predicts
 * from the sign of the mean estimated margin; the MFH from γ against its break-even (config
 * `mfh.breakEvenGamma`, 0.25); the plug-in from theory's plugInGain on one-hot labels. Uses the
 * tfjs backend the caller activated (the CLI chooses one; tests call core's chooseBackend).
 */
import type { z } from 'zod';
import type { ExperimentDefinition, Row } from '../../types.js';
import { mfhGaussCells } from './mfh-gauss-cells.js';
import type { MfhGaussCellParams } from './mfh-gauss-cells.js';
import { mfhGaussRules, mfhGaussSchema } from './mfh-gauss-config.js';
import type { MfhGaussConfig } from './mfh-gauss-config.js';
import { mfhGaussFigures } from './mfh-gauss-figures.js';
import { mfhGaussNotes } from './mfh-gauss-notes.js';
import { mfhGaussSettings } from './mfh-gauss-settings.js';
import { mfhGaussSummary } from './mfh-gauss-summary.js';
import { mfhGaussTables } from './mfh-gauss-tables.js';
import { runMfhGaussCell } from './run-mfh-gauss-cell.js';

export const mfhGaussExperiment: ExperimentDefinition<MfhGaussConfig, MfhGaussCellParams> = {
  name: 'mfh-gauss',
  title: 'MFH synthetic benchmark: CCH and MFH against the observed KD effect',
  description:
    'The synthetic Gaussian benchmark of the Modality Focusing Hypothesis (Xue et al. 2023): a γ sweep (shared decisive features) and ' +
    'an α sweep (teacher-only decisive features), linear models, KD = CE + KL at T = 1. For every setting: teacher, no-KD and KD ' +
    'accuracies, the observed KD effect, the CCH margin estimated on the models’ representations, the MFH’s γ-rule prediction and ' +
    'the plug-in gain, with the MFH paper’s reported numbers beside ours.',
  version: 1,
  schema: mfhGaussSchema as unknown as z.ZodType<MfhGaussConfig>,
  rules: mfhGaussRules,
  cells: mfhGaussCells,
  // Every value a cell reads is in its params.
  cellConfig: () => null,
  runCell: (cell, _config, context) => runMfhGaussCell(cell, context),
  summarize(records, config) {
    const seedRows: Row[] = records.flatMap((r) => r.output.rows);
    const settings = mfhGaussSettings(seedRows, config.mfh.breakEvenGamma, config.decision.level);
    const summary = mfhGaussSummary(settings);
    return {
      rows: settings,
      summary,
      tables: mfhGaussTables(settings, summary),
      figures: mfhGaussFigures(settings, config.mfh.breakEvenGamma, config.decision.level),
      sources: ['simulated'],
      notes: mfhGaussNotes(settings, summary, config),
    };
  },
};
