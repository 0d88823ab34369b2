import { existsSync } from 'node:fs';
import path from 'node:path';
import { chooseBackend, silentReporter } from '@cch-lab/core';
import { runCellWithOwnStream } from '../../run/cell-request.js';
import { runExperiment } from '../../run/run-experiment.js';
import type { Row } from '../../types.js';
import { TEST_BACKEND, removeTempDirs, resolveInline, resolveRepoConfig, runInTemp, tempDir } from '../testing-fixtures/experiment-fixtures.js';
import type { MfhGaussConfig } from './mfh-gauss-config.js';
import { mfhGaussPreflight } from './mfh-gauss-preflight.js';

beforeAll(async () => {
  await chooseBackend({ requested: 'wasm', env: {} });
});
afterAll(removeTempDirs);

/** Two γ levels and one α level, 3 seeds, short training: a few seconds on wasm. */
const SMALL = [
  'experiment: mfh-gauss',
  'seed: 5',
  'repeats: 3',
  'sweeps: { gamma: [0, 10], alpha: [40] }',
  'data: { nTrain: 100, nTest: 300 }',
  'train: { epochs: 60 }',
  'estimators: { subsamples: 2 }',
  '',
].join('\n');

const REQUIRED_FIELDS = [
  'sweep',
  'level',
  'gamma',
  'alpha',
  'repeats',
  'teacher_accuracy',
  'no_kd_accuracy',
  'kd_accuracy',
  'kd_effect',
  'observed',
  'margin',
  'cch_prediction',
  'mfh_prediction',
  'hypotheses',
  'matches_observed',
  'plugin_gain',
  'plugin_prediction',
  'xue2023_no_kd_accuracy',
  'xue2023_note',
];

describe('pipeline/experiments/mfh-gauss', () => {
  it('writes one row per setting with accuracies, both hypotheses and the agreement per criterion', async () => {
    const out = await runInTemp(resolveInline(SMALL));
    const { cells, summary, tables, figures, sources } = out.results;
    expect(cells.map((c) => [c.sweep, c.level, c.repeats])).toEqual([
      ['gamma', 0, 3],
      ['gamma', 10, 3],
      ['alpha', 40, 3],
    ]);
    for (const row of cells) {
      for (const field of REQUIRED_FIELDS) expect(field in row).toBe(true);
      // accuracies above chance would need more training; here only that they are accuracies
      for (const f of ['teacher_accuracy', 'no_kd_accuracy', 'kd_accuracy']) expect(row[f]).toBeGreaterThanOrEqual(0);
    }
    expect(Object.keys(summary.agreement as object)).toEqual(['cch:ksg', 'mfh', 'plugin']);
    for (const a of Object.values(summary.agreement as Record<string, unknown>)) expect(a).toMatchObject({ total: expect.any(Number), effective_n: expect.any(Number) });
    expect(tables.map((t) => t.id)).toEqual(['hypotheses', 'agreement', 'settings']);
    expect(sources).toEqual(['simulated']);
    for (const item of [...tables, ...figures]) expect(item.sources).toEqual(['simulated']);
  });

  it('trains the same no-KD student at every γ level of a seed (common random numbers)', async () => {
    const small = ['experiment: mfh-gauss', 'seed: 3', 'repeats: 2', 'sweeps: { gamma: [0, 10], alpha: [] }', 'data: { nTrain: 100, nTest: 300 }', 'train: { epochs: 50 }', 'estimators: { subsamples: 2 }', ''];
    const { definition, config } = resolveInline(small.join('\n'));
    const bySeed = new Map<unknown, Row[]>();
    for (const cell of definition.cells(config)) {
      const output = await runCellWithOwnStream(definition, { experiment: definition.name, cell, config, seed: config.seed, backend: 'wasm' }, silentReporter);
      expect(output.sources).toEqual(['simulated']);
      const [row] = output.rows;
      bySeed.set(row.seed, [...(bySeed.get(row.seed) ?? []), row]);
    }
    expect(bySeed.size).toBe(2);
    for (const [g0, g1] of bySeed.values()) {
      expect([g0.gamma, g1.gamma]).toEqual([0, 1]);
      expect(g1.no_kd_accuracy).toBe(g0.no_kd_accuracy);
      // Only the teacher's modality changes with γ.
      expect(g1.margin).not.toBe(g0.margin);
    }
    const [a, b] = [...bySeed.values()];
    expect(a[0].margin).not.toBe(b[0].margin);
  });

  it('gives the same rows for the same seed', async () => {
    const a = await runInTemp(resolveInline(SMALL, ['sweeps.alpha=[]', 'sweeps.gamma=[10]']));
    const b = await runInTemp(resolveInline(SMALL, ['sweeps.alpha=[]', 'sweeps.gamma=[10]']));
    expect(a.results.cells).toEqual(b.results.cells);
  });

  describe('checks the benchmark before the first cell', () => {
    it('early stopping is a config error (ECONFIG) naming train.earlyStopping, and no cell runs', async () => {
      // Before: every cell's first model threw 'early stopping needs a validation split, and mfh-gaussian-gamma has none'.
      const reports = tempDir('cch-mfh-preflight-');
      const run = runExperiment(resolveInline(SMALL, ['train.earlyStopping={patience: 5}']), { reportsDir: reports, backend: TEST_BACKEND });
      await expect(run).rejects.toMatchObject({ code: 'ECONFIG' });
      await expect(run).rejects.toThrow(/train\.earlyStopping: the MFH benchmark's rows are train 100 and test 300, with no validation rows/);
      expect(existsSync(path.join(reports, '.cache', 'mfh-gauss'))).toBe(false);
    });

    it('a CNN on x1 and x2 is named on model.kind', () => {
      // Before: the first model threw 'a CNN needs the image shape …'.
      expect(mfhGaussPreflight(resolveInline(SMALL, ['model={kind: cnn}']).config as MfhGaussConfig)).toEqual([{ path: 'model.kind', message: expect.stringMatching(/^a CNN needs images, but x1 \(gamma sweep\) \(\d+ values a row\), x2 \(gamma sweep\) \(50 values a row\) are feature vectors/) }]);
    });

    it('passes the repository config on every profile', () => {
      for (const profile of ['smoke', 'quick', 'paper']) expect(mfhGaussPreflight(resolveRepoConfig('mfh-gauss', [`profile=${profile}`]).config as MfhGaussConfig)).toEqual([]);
    });
  });
});
