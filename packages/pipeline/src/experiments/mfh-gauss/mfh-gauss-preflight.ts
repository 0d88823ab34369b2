/**
 * Checks of an `mfh-gauss` run against the benchmark's data, once before the first cell: one draw
 * per sweep (the layout and split are the same at every level and seed, only the values differ)
 * shows what every cell trains on — a train and a test part, no validation rows, as the reference
 * code has — and the width of x1 and x2 for the model.
 */
import { Rng, type ConfigIssue } from '@cch-lab/core';
import { MFH_SWEEPS, mfhGaussian } from '@cch-lab/data-synthetic';
import { modelIssues } from '../shared/model-preflight.js';
import type { MfhGaussConfig } from './mfh-gauss-config.js';

export function mfhGaussPreflight(config: MfhGaussConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const sweep of MFH_SWEEPS.filter((s) => config.sweeps[s].length > 0)) {
    const level = config.sweeps[sweep][0];
    const data = mfhGaussian({ sweep, ...(sweep === 'gamma' ? { shared: level } : { extra: level }), ...config.data }, new Rng('preflight'));
    const val = data.splits.val?.length ?? 0;
    if (config.train.earlyStopping !== null && val === 0 && !issues.some((i) => i.path === 'train.earlyStopping')) {
      issues.push({ path: 'train.earlyStopping', message: `the MFH benchmark's rows are train ${data.splits.train.length} and test ${data.splits.test.length}, with no validation rows to stop on (the reference code trains a fixed number of epochs); set train.earlyStopping: null` });
    }
    const inputs = ['x1', 'x2'].map((m) => ({ name: `${m} (${sweep} sweep)`, width: data.modalities[m].cols, featureShape: data.featureShapes?.[m] }));
    issues.push(...modelIssues(config.model, inputs, data.classes?.length ?? 2).filter((i) => !issues.some((j) => j.path === i.path)));
  }
  return issues;
}
