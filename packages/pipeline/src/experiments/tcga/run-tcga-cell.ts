/**
 * One cell of `tcga`: one cohort, one repeat. Every omics model is trained once and serves as the
 * no-KD student and as the teacher of the others; every ordered pair gets its λ × T KD students;
 * the weaker omics fused are the student of the strongest (chosen on validation rows), plus the
 * pairs the config lists.
 */
import { modalityName, type ModalitySelection } from '@cch-lab/trainers';
import { flattenDistillationRow } from '../../toolkit/distillation-row.js';
import { runDistillationCell, type DistillationPair } from '../../toolkit/distillation-cell.js';
import { distillationSections } from '../../toolkit/distillation-sections.js';
import type { Cell, CellContext, CellOutput } from '../../types.js';
import type { TcgaConfig, TcgaDataSection } from './tcga-config.js';
import { loadCohort, prepareCohort } from './tcga-cohort.js';

export interface TcgaCellParams {
  cohort: string;
  repeat: number;
  data: TcgaDataSection;
}

export async function runTcgaCell(cell: Cell<TcgaCellParams>, config: TcgaConfig, context: CellContext): Promise<CellOutput> {
  const { cohort, repeat, data } = cell.params;
  const loaded = loadCohort(cohort, data, config.omics, config.seed);
  const prepared = prepareCohort(loaded, config, context.rng);
  const { dataset } = prepared;
  const pairs: DistillationPair[] = [];
  for (const teacher of config.omics) for (const student of config.omics) if (teacher !== student) pairs.push({ teacher, student });
  const result = await runDistillationCell({
    dataset,
    pairs,
    morePairs: (validation) => fusionPairs(config, validation),
    ...distillationSections(config),
    rng: context.rng,
    context: { cohort, repeat },
    reporter: context.reporter,
  });
  return {
    rows: result.rows.map(flattenDistillationRow),
    distillation: result.rows,
    sources: [dataset.source],
    meta: {
      ...result.meta,
      splits: { train: dataset.splits.train.length, val: dataset.splits.val?.length ?? 0, test: dataset.splits.test.length, fixed: prepared.fixedSplit },
      classes: dataset.classes,
      preprocess: prepared.preprocess,
      ...(loaded.meta.drops !== undefined ? { drops: loaded.meta.drops } : {}),
      ...(loaded.meta.files !== undefined ? { files: loaded.meta.files } : {}),
    },
  };
}

/** The strongest single omics on validation rows teaches the others fused; then the configured pairs. */
export function fusionPairs(config: TcgaConfig, validation: Readonly<Record<string, number>>): DistillationPair[] {
  const out: DistillationPair[] = [];
  if (config.fusion.strongestAsTeacher && config.omics.length >= 3) {
    const ranked = [...config.omics].sort((a, b) => (validation[b] ?? -Infinity) - (validation[a] ?? -Infinity) || config.omics.indexOf(a) - config.omics.indexOf(b));
    out.push({ teacher: ranked[0], student: ranked.slice(1).sort((a, b) => config.omics.indexOf(a) - config.omics.indexOf(b)) });
  }
  const seen = new Set(out.map(pairName));
  for (const p of config.fusion.pairs) {
    if (!seen.has(pairName(p))) out.push(p);
    seen.add(pairName(p));
  }
  return out;
}

function pairName(p: { teacher: ModalitySelection; student: ModalitySelection }): string {
  return `${modalityName(p.teacher)}→${modalityName(p.student)}`;
}
