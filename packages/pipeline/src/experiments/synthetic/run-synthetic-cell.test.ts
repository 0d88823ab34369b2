import { removeTempDirs, resolveInline, runInTemp } from '../testing-fixtures/experiment-fixtures.js';

afterAll(removeTempDirs);

/**
 * |z| bound for observed-vs-exact MSE: z is t-distributed with 149 df if the exact risk is right;
 * over 4 settings (2 no-KD, 2 KD) P(max |z| > 3.5) < 0.3 %.
 */
const MAX_ABS_Z = 3.5;

describe('pipeline/experiments/synthetic/run-synthetic-cell', () => {
  it('observes test MSE equal to the exact risk within Monte Carlo error', async () => {
    const text = [
      'experiment: synthetic',
      'seed: 11',
      'repeats: 150',
      'model: { teacherDims: 4, studentDims: 5 }',
      'margins: [0.2]',
      'kd: { lambda: [0.5] }',
      // n/p = 3: the variance term is a third of the risk, so a wrong k(n, p) would show.
      'data: { n: [15, 60], nTest: 400, nEstimation: 40 }',
      'estimators: { methods: [gaussian] }',
      '',
    ].join('\n');
    const out = await runInTemp(resolveInline(text));
    expect(out.results.cells).toHaveLength(2);
    for (const row of out.results.cells) {
      expect(Math.abs(row.z_no_kd as number)).toBeLessThan(MAX_ABS_Z);
      expect(Math.abs(row.z_kd as number)).toBeLessThan(MAX_ABS_Z);
    }
    const check = out.results.summary.monte_carlo_check as { kd: { settings: number; max_abs_z: number } };
    expect(check.kd.settings).toBe(2);
    expect(check.kd.max_abs_z).toBeLessThan(MAX_ABS_Z);
  });

  it('runs with a trained teacher and computes the exact risk for that teacher', async () => {
    const text = [
      'experiment: synthetic',
      'repeats: 60',
      'model: { teacherDims: 4, studentDims: 5 }',
      'margins: [0.2]',
      'kd: { lambda: [0.8] }',
      'data: { n: [20], nTest: 400, nEstimation: 40 }',
      'teacher: { kind: trained, n: 30 }',
      'estimators: { methods: [gaussian] }',
      '',
    ].join('\n');
    const out = await runInTemp(resolveInline(text));
    const [row] = out.results.cells;
    // A teacher fitted on 30 rows is not the population teacher: its analytic margin moves off the level.
    expect(row.margin_analytic).not.toBeCloseTo(0.2, 6);
    expect(Math.abs(row.z_kd as number)).toBeLessThan(MAX_ABS_Z);
  });
});
