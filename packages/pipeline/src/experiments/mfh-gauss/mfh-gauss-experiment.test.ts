import { chooseBackend } from '@cch-lab/core';
import { removeTempDirs, resolveInline, runInTemp } from '../testing-fixtures/experiment-fixtures.js';

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
  'gamma',
  'teacher_acc',
  'no_kd_acc',
  'kd_acc',
  'kd_effect',
  'observed',
  'margin',
  'cch_prediction',
  'mfh_prediction',
  'hypotheses',
  'plugin_gain',
  'plugin_prediction',
  'xue2023_note',
];

describe('pipeline/experiments/mfh-gauss', () => {
  it('writes one row per setting with accuracies, both hypotheses and the agreement summary', async () => {
    const out = await runInTemp(resolveInline(SMALL));
    const { cells, summary, tables, figures } = out.results;
    expect(cells.map((c) => [c.sweep, c.level])).toEqual([
      ['gamma', 0],
      ['gamma', 10],
      ['alpha', 40],
    ]);
    for (const row of cells) {
      for (const field of REQUIRED_FIELDS) expect(field in row).toBe(true);
      // accuracies above chance would need more training; here only that they are accuracies
      for (const f of ['teacher_acc', 'no_kd_acc', 'kd_acc']) expect(row[f]).toBeGreaterThanOrEqual(0);
    }
    for (const key of ['agreement', 'agreement_mfh', 'agreement_plugin']) expect(summary[key]).toMatchObject({ total: expect.any(Number) });
    expect(tables[0].id).toBe('hypotheses');
    for (const item of [...tables, ...figures]) expect(item.sources).toEqual(['simulated']);
  });

  it('gives the same rows for the same seed', async () => {
    const a = await runInTemp(resolveInline(SMALL, ['sweeps.alpha=[]', 'sweeps.gamma=[10]']));
    const b = await runInTemp(resolveInline(SMALL, ['sweeps.alpha=[]', 'sweeps.gamma=[10]']));
    expect(a.results.cells).toEqual(b.results.cells);
  });
});
