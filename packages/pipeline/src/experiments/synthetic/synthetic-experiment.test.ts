import { removeTempDirs, resolveInline, runInTemp } from '../testing-fixtures/experiment-fixtures.js';

afterAll(removeTempDirs);

/** A run of a few seconds: small p, two sizes, two margins, two λ. */
const SMALL = [
  'experiment: synthetic',
  'seed: 3',
  'repeats: 4',
  'model: { teacherDims: 8, studentDims: 8 }',
  'margins: [-0.2, 0.2]',
  'kd: { lambda: [0.2, 0.8] }',
  'data: { n: [20, 200], nTest: 1000, nEstimation: 300 }',
  '',
].join('\n');

const REQUIRED_FIELDS = [
  'margin_analytic',
  'margin_ksg',
  'margin_gaussian',
  'mse_no_kd',
  'mse_kd',
  'risk_exact_no_kd',
  'risk_exact_kd',
  'lambda',
  'n',
  'cch_prediction',
  'exact_prediction',
  'observed',
  'plugin_gain',
  'plugin_prediction',
  'observed_gain',
  'observed_gain_low',
  'observed_gain_high',
  'exact_gain',
  'mse_no_kd_sd',
  'mse_kd_sd',
  'repeats',
];

describe('pipeline/experiments/synthetic', () => {
  it('writes one row per setting with every required field, and the agreement summary', async () => {
    const out = await runInTemp(resolveInline(SMALL));
    const { cells, summary, figures, tables, sources } = out.results;
    expect(cells).toHaveLength(2 * 2 * 2);
    for (const row of cells) {
      for (const field of REQUIRED_FIELDS) expect(row[field] ?? `missing ${field}`).not.toBe(`missing ${field}`);
      expect(['kd-helps', 'kd-hurts', 'inconclusive']).toContain(row.observed);
      expect(row.repeats).toBe(4);
    }
    for (const key of ['agreement', 'agreement_exact', 'agreement_plugin']) {
      expect(summary[key]).toMatchObject({ agree: expect.any(Number), total: expect.any(Number), interval: expect.any(Array) });
    }
    expect(summary.agreement_by_n_over_p).toEqual(expect.any(Array));
    expect(summary.agreement_by_lambda).toEqual(expect.any(Array));
    expect(sources).toEqual(['simulated']);
    for (const item of [...figures, ...tables]) expect(item.sources).toEqual(['simulated']);
    expect(figures.map((f) => f.id)).toEqual(expect.arrayContaining(['gain-vs-margin-n20', 'margin-ksg-vs-analytic', 'predicted-vs-observed-gain']));
    expect(out.results.notes.join(' ')).toMatch(/CCH with the analytic margin agreed/);
  });

  it('gives the same rows for the same seed and different rows for another', async () => {
    const a = await runInTemp(resolveInline(SMALL));
    const b = await runInTemp(resolveInline(SMALL));
    const c = await runInTemp(resolveInline(SMALL, ['seed=4']));
    expect(a.results.cells).toEqual(b.results.cells);
    expect(a.results.cells).not.toEqual(c.results.cells);
  });
});
