import { silentReporter } from '@cch-lab/core';
import { runCellWithOwnStream } from '../../run/cell-request.js';
import type { Row } from '../../types.js';
import { removeTempDirs, resolveInline, runInTemp } from '../testing-fixtures/experiment-fixtures.js';

afterAll(removeTempDirs);

/** A run of a few seconds: small p, two sizes, two margins, two λ; most settings decisive. */
const SMALL = [
  'experiment: synthetic',
  'seed: 3',
  'repeats: 5',
  'model: { teacherDims: 8, studentDims: 8 }',
  'margins: [-0.3, 0.3]',
  'kd: { lambda: [0.2, 0.8] }',
  'data: { n: [40, 400], nTest: 2000, nEstimation: 300 }',
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
      expect(row.repeats).toBe(5);
    }
    // Scored by criterion key; the λ values of one (margin level, n) are one cluster: at most 2 × 2 of them.
    const agreement = summary.agreement as Record<string, { agree: number; total: number; inconclusive: number; clusters: number; effective_n: number; interval: number[] }>;
    expect(Object.keys(agreement)).toEqual(['cch:analytic', 'cch:ksg', 'cch:gaussian', 'exact', 'plugin']);
    const decisive = cells.filter((c) => c.observed !== 'inconclusive');
    // Both λ of some (margin level, n) are decisive, so one cluster per setting would show.
    expect(decisive.length).toBeGreaterThan(new Set(decisive.map((c) => `${String(c.margin_level)}/${String(c.n)}`)).size);
    for (const a of Object.values(agreement)) {
      expect(a).toMatchObject({ total: decisive.length, inconclusive: cells.length - decisive.length, interval: expect.any(Array) });
      expect(a.clusters).toBe(new Set(decisive.map((c) => `${String(c.margin_level)}/${String(c.n)}`)).size);
      expect(a.clusters).toBeLessThanOrEqual(4);
      expect(a.effective_n).toBeLessThanOrEqual(a.total);
    }
    expect(agreement['cch:analytic'].agree).toBe(decisive.filter((c) => c.cch_prediction === c.observed).length);
    expect(agreement.exact.agree).toBe(decisive.filter((c) => c.exact_prediction === c.observed).length);
    // Every breakdown partitions the settings: per criterion its groups' counts add up to the overall ones.
    for (const [key, groups] of [['agreement_by_n_over_p', 2], ['agreement_by_lambda', 2], ['agreement_by_margin_sign', 2]] as const) {
      const rows = summary[key] as Row[];
      expect(rows).toHaveLength(groups * 5);
      for (const [criterion, a] of Object.entries(agreement)) {
        const mine = rows.filter((r) => r.key === criterion);
        expect(mine.reduce((t, r) => t + (r.total as number), 0)).toBe(a.total);
        expect(mine.reduce((t, r) => t + (r.agree as number), 0)).toBe(a.agree);
        expect(mine.reduce((t, r) => t + (r.settings as number), 0)).toBe(cells.length);
      }
    }
    expect((summary.agreement_by_margin_sign as Row[]).map((r) => r.margin_sign)).toEqual([...Array(5).fill('negative margin'), ...Array(5).fill('positive margin')]);
    expect(sources).toEqual(['simulated']);
    for (const item of [...figures, ...tables]) expect(item.sources).toEqual(['simulated']);
    expect(tables.map((t) => t.id)).toEqual(['settings', 'agreement']);
    expect(figures.map((f) => f.id)).toEqual(expect.arrayContaining(['gain-vs-margin-n40', 'gain-vs-margin-n400', 'agreement', 'agreement-vs-n-over-p', 'margin-ksg-vs-analytic', 'predicted-vs-observed-gain', 'observed-vs-exact-risk']));
    // The exact gain is drawn beside the observed one.
    const gain = figures.find((f) => f.id === 'gain-vs-margin-n40');
    expect(JSON.stringify(gain?.spec)).toContain('exact_gain');
    expect(out.results.notes.join(' ')).toMatch(/CCH with the analytic margin agreed/);
  });

  it('fits every λ on the draw of its cell and reports the dataset’s source', async () => {
    const { definition, config } = resolveInline(SMALL);
    const [cell] = definition.cells(config);
    expect(cell.id).toBe('margin=-0.3/n=40/rep=0');
    const output = await runCellWithOwnStream(definition, { experiment: definition.name, cell, config, seed: config.seed, backend: 'cpu' }, silentReporter);
    expect(output.sources).toEqual(['simulated']);
    expect(output.rows.map((r) => r.lambda)).toEqual([0.2, 0.8]);
    // One draw: the no-KD student and the margins are the same for both λ; the KD students are not.
    expect(output.rows[1].mse_no_kd).toBe(output.rows[0].mse_no_kd);
    expect(output.rows[1].margin_ksg).toBe(output.rows[0].margin_ksg);
    expect(output.rows[1].mse_kd).not.toBe(output.rows[0].mse_kd);
  });

  it('gives the same rows for the same seed and different rows for another', async () => {
    const a = await runInTemp(resolveInline(SMALL));
    const b = await runInTemp(resolveInline(SMALL));
    const c = await runInTemp(resolveInline(SMALL, ['seed=4']));
    expect(a.results.cells).toEqual(b.results.cells);
    expect(a.results.cells).not.toEqual(c.results.cells);
  });

  it('needs no preflight: every size is a config key its rules bound, and a run at those bounds gives finite numbers', async () => {
    // The model is simulated from the config alone, so what a data check would find the rules already say.
    const tiny = ['experiment: synthetic', 'repeats: 2', 'model: { teacherDims: 3, studentDims: 3 }', 'margins: [0.1]', 'kd: { lambda: [0, 1000000] }', 'data: { n: [5], nTest: 100, nEstimation: 20 }', ''].join('\n');
    for (const sets of [['estimators.k=18'], ['teacher.kind=trained', 'teacher.n=5'], ['plugin.representation=features', 'model.studentDims=17', 'model.teacherDims=17', 'data.n=[19]']]) {
      const { cells } = (await runInTemp(resolveInline(tiny, sets))).results;
      const numbers = cells.flatMap((row) => Object.entries(row).filter(([, v]) => typeof v === 'number'));
      expect(numbers.filter(([, v]) => !Number.isFinite(v)).map(([k]) => k)).toEqual([]);
    }
    expect(() => resolveInline(tiny, ['estimators.k=19'])).toThrow(/data\.nEstimation: must exceed k \+ 1/);
    expect(() => resolveInline(tiny, ['data.n=[4]'])).toThrow(/data\.n\.0: n = 4 must exceed p \+ 1/);
  });
});
