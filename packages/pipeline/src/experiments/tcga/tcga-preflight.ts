/**
 * Checks of a `tcga` run that need its cohorts' data, once before the first cell: each cohort is
 * loaded as the cells load it (memoised, so cell 0 does not read or simulate it again) and its
 * repeat split is sized; then the model against the omics.
 */
import type { ConfigIssue } from '@cch-lab/core';
import { modelIssues } from '../shared/model-preflight.js';
import { repeatSplitIssues } from '../shared/split-preflight.js';
import type { TcgaConfig } from './tcga-config.js';
import { tcgaCohorts } from './tcga-config.js';
import { loadCohort } from './tcga-cohort.js';

export function tcgaPreflight(config: TcgaConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const loaded = Object.entries(tcgaCohorts(config)).map(([name, section]) => {
    const dataset = loadCohort(name, section, config.omics, config.seed);
    const where = config.data !== undefined ? 'data' : `cohorts.${name}.data`;
    issues.push(...repeatSplitIssues(dataset, { what: `cohort ${name} (${dataset.labels.length} samples)`, split: config.split, fixedSplitKey: `${where}.path` }));
    return dataset;
  });
  // Every cohort holds the same omics as feature vectors: the first one speaks for all.
  const [first] = loaded;
  if (first !== undefined) {
    const inputs = config.omics.map((o) => ({ name: o, width: first.modalities[o].cols, featureShape: first.featureShapes?.[o] }));
    issues.push(...modelIssues(config.model, inputs, first.classes?.length ?? 2));
  }
  return issues;
}
