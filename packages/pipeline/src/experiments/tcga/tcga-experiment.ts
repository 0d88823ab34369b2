/**
 * Experiment `tcga` (configs/tcga.yaml): TCGA BRCA / KIPAN / LIHC (mRNA, CNV, RPPA) — for every
 * ordered omics pair the teacher, no-KD and KD students' accuracy, weighted F1 and AUC, the CCH
 * margin per estimator, the observed sign and the agreement; fusion vs fusion + KD; and teacher
 * selection against the naive most-accurate-teacher rule. One cell per (cohort, repeat).
 */
import { distillationFigures, distillationNotes, distillationTables } from '../../toolkit/distillation-report.js';
import type { DistillationRow } from '../../toolkit/distillation-row.js';
import { distillationNumbers, distillationScorecard, distillationSummary } from '../../toolkit/distillation-summary.js';
import { expandSweep, repeatAxis, sweepCells } from '../../toolkit/expand-sweep.js';
import { sourcesOf } from '../../toolkit/sources.js';
import type { ExperimentDefinition } from '../../types.js';
import { tcgaCohorts, tcgaRules, tcgaSchema, type TcgaConfig } from './tcga-config.js';
import { cohortFiles } from './tcga-cohort.js';
import { runTcgaCell, type TcgaCellParams } from './run-tcga-cell.js';
import { tcgaPreflight } from './tcga-preflight.js';

const PAPER_CLAIM = 'the CCH sign matches the KD outcome on BRCA, KIPAN and LIHC; fusion + KD beats fusion where the CCH holds (arXiv 2510.13182)';

export const tcgaExperiment: ExperimentDefinition<TcgaConfig, TcgaCellParams> = {
  name: 'tcga',
  title: 'TCGA multi-omics: does the CCH pick the teacher that helps?',
  description:
    'TCGA BRCA, KIPAN and LIHC with mRNA, CNV and RPPA: every omics as teacher and as student (one shared MLP architecture), KD with ' +
    'λ × T, weighted F1 and AUC beside accuracy, the CCH margin on the learned representations, fusion vs fusion + KD, and whether the ' +
    'margin picks the best teacher better than picking the most accurate one.',
  version: 1,
  schema: tcgaSchema,
  rules: tcgaRules,
  preflight: tcgaPreflight,
  cells(config) {
    const cohorts = tcgaCohorts(config);
    return sweepCells(expandSweep({ cohort: Object.keys(cohorts), rep: repeatAxis(config.repeats) }), (p) => ({ cohort: p.values.cohort, repeat: p.values.rep, data: cohorts[p.values.cohort] }));
  },
  // The cohort and its data section are in the params; everything else a cell reads is here.
  cellConfig: ({ title: _t, profile: _p, profiles: _ps, cohorts: _c, data: _d, repeats: _r, ...rest }) => rest,
  dataFiles: (cell, config) => cohortFiles(cell.params.cohort, cell.params.data, config.omics),
  runCell: runTcgaCell,
  summarize(records, config) {
    const sources = sourcesOf(records);
    const rows = records.flatMap((r) => (r.output.distillation ?? []) as DistillationRow[]);
    const numbers = distillationNumbers(rows, { estimators: config.estimators, level: config.decision.level, group: 'cohort' });
    const notes = distillationNotes(numbers);
    notes.push(`The paper's claim: ${PAPER_CLAIM}.`);
    if (sources.includes('simulated')) {
      notes.push('Simulated cohorts are stand-ins (latent subtypes driving three omics, mRNA the most informative), not TCGA data; run on real files with --set data.path=DIR --set data.layout=mogonet|mogcn|xena (data-scripts/tcga/README.md).');
    }
    return {
      rows: numbers.flat,
      summary: { ...distillationSummary(numbers), paper_claim: PAPER_CLAIM },
      scorecard: distillationScorecard(numbers, PAPER_CLAIM),
      tables: distillationTables(numbers, sources),
      figures: distillationFigures(numbers, sources),
      sources,
      notes,
    };
  },
};
