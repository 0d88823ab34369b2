/**
 * Experiment `mosei` (configs/mosei.yaml): CMU-MOSEI's text, audio and visual modalities — each
 * modality's own I(H; Y) and the ranking it gives (the paper: text > audio > visual); for the
 * pairs text → visual, text → audio, audio → visual (and any the config lists) the teacher, no-KD
 * and KD students over λ × T with the CCH margin, its verdict, the plug-in and the observed sign;
 * teacher selection against the naive most-accurate-teacher rule; and the teacher-noise sweep
 * (where the margin crosses zero), with the paper's reported gains beside ours. One cell per repeat.
 */
import { modalityName } from '@cch-lab/trainers';
import { runDistillationCell, type DistillationPair } from '../../toolkit/distillation-cell.js';
import { distillationFigures, distillationNotes, distillationTables } from '../../toolkit/distillation-report.js';
import { flattenDistillationRow, type DistillationRow } from '../../toolkit/distillation-row.js';
import { distillationSections } from '../../toolkit/distillation-sections.js';
import { distillationNumbers, distillationScorecard, distillationSummary } from '../../toolkit/distillation-summary.js';
import { expandSweep, repeatAxis, sweepCells } from '../../toolkit/expand-sweep.js';
import type { ReportedBand } from '../../toolkit/figures/effect-vs-margin.js';
import { sourcesOf } from '../../toolkit/sources.js';
import type { ExperimentDefinition, Row } from '../../types.js';
import { moseiRules, moseiSchema, noisyName, type MoseiConfig } from './mosei-config.js';
import { moseiDataset, moseiFiles, moseiPreflight, repeatData } from './mosei-data.js';
import { noiseFigures, noiseSentence, noiseSweep, noiseTable } from '../../toolkit/noise-sweep.js';
import { paperComparison, PAPER_GAINS } from './mosei-paper.js';
import { moseiRanking, rankingFigure, rankingRows, rankingTable } from './mosei-ranking.js';

/** The paper's reported KD gains (accuracy), drawn as a band on the effect-vs-margin figure. */
const REPORTED: readonly ReportedBand[] = [{ side: 'positive', low: Math.min(...Object.values(PAPER_GAINS)), high: Math.max(...Object.values(PAPER_GAINS)), label: 'paper: text → visual / audio' }];

/** The paper's claim for this experiment, for the scorecard. */
const PAPER_CLAIM = 'modalities rank text > audio > visual by I(H;Y); KD gains +1.1 % (text → visual) and +2.3 % (text → audio) accuracy; the CCH’s sign matches the outcome, and teacher noise walks the margin across zero (arXiv 2510.13182)';

/** Meta keys of the loaded data too long for results.json (one entry per segment). */
const PER_ROW_META = new Set(['videos', 'segmentIds']);

export const moseiExperiment: ExperimentDefinition<MoseiConfig, { repeat: number }> = {
  name: 'mosei',
  title: 'CMU-MOSEI: text, audio and visual — which teacher helps which student?',
  description:
    'CMU-MOSEI’s three modalities collapsed per labelled segment: each modality’s I(H; Y) and the ranking it gives; for text → visual, ' +
    'text → audio and audio → visual the KD effect over λ × T against the CCH margin I(H_t;H_s) − I(H_s;Y); teacher selection against the ' +
    'most-accurate-teacher rule; and a teacher-noise sweep that walks the margin across zero — with the paper’s reported gains beside ours.',
  version: 1,
  schema: moseiSchema,
  rules: moseiRules,
  preflight: moseiPreflight,
  cells: (config) => sweepCells(expandSweep({ rep: repeatAxis(config.repeats) }), (p) => ({ repeat: p.values.rep })),
  cellConfig: ({ title: _t, profile: _p, profiles: _ps, repeats: _r, ...rest }) => rest,
  dataFiles: (_cell, config) => moseiFiles(config.data),
  async runCell(cell, config, context) {
    const { dataset, fixedSplit, noise } = repeatData(await moseiDataset(config), config, context.rng);
    const result = await runDistillationCell({
      dataset,
      pairs: cellPairs(config),
      labelInformation: config.modalities,
      ...distillationSections(config),
      rng: context.rng,
      context: { repeat: cell.params.repeat },
      reporter: context.reporter,
    });
    const data = Object.fromEntries(Object.entries(dataset.meta).filter(([k]) => !PER_ROW_META.has(k)));
    return {
      rows: result.rows.map(flattenDistillationRow),
      distillation: result.rows,
      sources: [dataset.source],
      meta: {
        ...result.meta,
        labelInformation: result.labelInformation,
        splits: { train: dataset.splits.train.length, val: dataset.splits.val?.length ?? 0, test: dataset.splits.test.length, fixed: fixedSplit },
        noise,
        data,
      },
    };
  },
  summarize(records, config) {
    const sources = sourcesOf(records);
    const all = records.flatMap((r) => (r.output.distillation ?? []) as DistillationRow[]);
    const isMain = new Set(config.pairs.map((p) => `${p.teacher}→${p.student}`));
    const sigmaOf = Object.fromEntries(config.noise.sigmas.map((s) => [noisyName(config.noise.teacher, s), s]));
    const main = all.filter((r) => isMain.has(`${r.teacher}→${r.student}`));
    const noisy = all.filter((r) => r.student === config.noise.student && r.teacher in sigmaOf);
    const options = { estimators: config.estimators, level: config.decision.level };
    const numbers = distillationNumbers(main, options);
    const task = numbers.task;
    const ranking = moseiRanking(records, all, config.modalities, config.decision.level);
    const sweep = noisy.length > 0 ? noiseSweep(distillationNumbers(noisy, options), sigmaOf, config.noise.teacher, config.noise.student) : null;
    const paper = paperComparison(numbers, config.data.label);

    // The paper's names for the three accuracies, beside the toolkit's.
    const rows: Row[] = task === 'classification' ? numbers.flat.map((r) => ({ ...r, teacher_acc: r.teacher_accuracy, student_acc: r.no_kd_accuracy, kd_acc: r.kd_accuracy })) : numbers.flat;
    const notes = [
      `Modality ranking by I(H; Y) (${ranking.primary}): ${ranking.order.join(' > ')}; the paper reports text > audio > visual — ${ranking.matchesPaper ? 'the same order' : 'a different order'}.`,
      ...distillationNotes(numbers),
      ...(sweep !== null ? [noiseSentence(sweep)] : []),
      ...paper.notes,
    ];
    if (sources.includes('simulated')) {
      notes.push('The data are the simulated stand-in (sequence-shaped text / audio / visual features whose label information is ordered text > audio > visual by construction, and a label-free component they share), not CMU-MOSEI; run on the SDK’s files with --set data.path=DIR --set data.layout=csd (data-scripts/mosei/README.md).');
    }
    return {
      rows: [...rows, ...(sweep?.rows ?? []).map((r) => ({ sweep: 'noise', ...r })), ...rankingRows(ranking).map((r) => ({ sweep: 'ranking', ...r }))],
      summary: {
        ...distillationSummary(numbers),
        ranking: { estimator: ranking.primary, order: ranking.order, matches_paper: ranking.matchesPaper, paper: 'text > audio > visual', entries: ranking.entries },
        ...(sweep !== null ? { noise_sweep: { teacher: sweep.teacher, student: sweep.student, levels: sweep.levels, crossing: sweep.crossing, first_decisively_negative: sweep.firstDecisivelyNegative, effect_crossing: sweep.effectCrossing } } : {}),
        paper_reported: { gains: PAPER_GAINS, ranking: 'text > audio > visual', comparison: paper.rows },
      },
      scorecard: distillationScorecard(numbers, PAPER_CLAIM),
      tables: [rankingTable(ranking, sources, task), paper.table(sources), ...distillationTables({ ...numbers, flat: rows }, sources), ...(sweep !== null ? [noiseTable(sweep, sources, task)] : [])],
      figures: [rankingFigure(ranking, sources), ...distillationFigures(numbers, sources, task === 'classification' ? REPORTED : undefined), ...(sweep !== null ? noiseFigures(sweep, sources) : [])],
      sources,
      notes,
    };
  },
};

/** The configured pairs, then the noise sweep's (its σ = 0 teacher is the clean modality, so that pair is not run twice). */
export function cellPairs(config: MoseiConfig): DistillationPair[] {
  const pairs: DistillationPair[] = config.pairs.map((p) => ({ teacher: p.teacher, student: p.student }));
  const seen = new Set(pairs.map((p) => `${modalityName(p.teacher)}→${modalityName(p.student)}`));
  for (const sigma of config.noise.sigmas) {
    const pair = { teacher: noisyName(config.noise.teacher, sigma), student: config.noise.student };
    const name = `${pair.teacher}→${pair.student}`;
    if (!seen.has(name)) pairs.push(pair);
    seen.add(name);
  }
  return pairs;
}
