import { existsSync } from 'node:fs';
import path from 'node:path';
import { chooseBackend } from '@cch-lab/core';
import { testing as moseiTesting } from '@cch-lab/data-mosei';
import { TEST_BACKEND, removeTempDirs, resolveInline, runInTemp, tempDir } from '../testing-fixtures/experiment-fixtures.js';
import { runExperiment } from '../../run/run-experiment.js';
import { cellPairs } from './mosei-experiment.js';

beforeAll(async () => {
  await chooseBackend({ requested: 'wasm', env: {} });
});
afterAll(removeTempDirs);

const SMALL = [
  'experiment: mosei',
  'repeats: 2',
  'data: { videos: 80 }',
  'noise: { sigmas: [0, 3] }',
  'model: { kind: mlp, hidden: [8] }',
  'train: { epochs: 3, batchSize: 64, optimizer: { name: adamw, learningRate: 0.005 } }',
  'kd: { lambda: [0.5], temperature: [2] }',
  'estimators: { subsamples: 3, projection: { method: pca, dims: 4 } }',
  '',
].join('\n');

describe('pipeline/experiments/mosei', () => {
  it('ranks the modalities, runs the three pairs and the noise sweep, with the paper’s fields and the stand-in labelled simulated', async () => {
    const r = (await runInTemp(resolveInline(SMALL))).results;
    expect(r.sources).toEqual(['simulated']);
    const summary = r.summary as { ranking: { order: string[]; entries: unknown[] }; noise_sweep: { levels: { sigma: number; margin: number | null }[] }; paper_reported: { comparison: { pair: string; paper_gain: number | null }[] } };
    expect([...summary.ranking.order].sort()).toEqual(['audio', 'text', 'visual']);
    expect(summary.noise_sweep.levels.map((l) => l.sigma)).toEqual([0, 3]);
    expect(summary.paper_reported.comparison.map((c) => [c.pair, c.paper_gain])).toEqual([
      ['text→visual', 0.011],
      ['text→audio', 0.023],
      ['audio→visual', null],
    ]);
    const pairs = r.cells.filter((c) => c.sweep === undefined);
    expect(pairs.map((c) => `${c.teacher}→${c.student}`)).toEqual(['text→visual', 'text→audio', 'audio→visual']);
    for (const f of ['teacher_acc', 'student_acc', 'kd_acc', 'teacher_weighted_f1', 'no_kd_weighted_f1', 'kd_weighted_f1', 'i_teacher_student', 'i_student_label', 'margin', 'verdict', 'observed', 'plugin_gain']) expect(pairs[0]).toHaveProperty(f);
    // One text model serves as teacher of both pairs; one visual model is the no-KD student of both.
    expect(pairs[0].teacher_acc).toBe(pairs[1].teacher_acc);
    expect(pairs[0].student_acc).toBe(pairs[2].student_acc);
    // The σ = 0 level is the clean text → visual pair, not a second model.
    const noise = r.cells.filter((c) => c.sweep === 'noise');
    expect(noise.find((c) => c.sigma === 0)?.margin).toBe(pairs[0].margin);
    expect(r.tables.map((t) => t.id)).toEqual(expect.arrayContaining(['modality-ranking', 'paper-comparison', 'noise-sweep']));
    expect(r.figures.map((f) => f.id)).toEqual(expect.arrayContaining(['modality-ranking', 'noise-margin', 'noise-effect']));
    expect(r.scorecard?.paperClaim).toMatch(/text > audio > visual/);
    expect(r.scorecard?.verdict).toMatch(/CCH \(ksg\)/);
    // Per-segment meta stays out of results.json.
    expect(JSON.stringify(r.cellMeta)).not.toContain('"videos":["sim');
  }, 120_000);

  it('reports MAE and Pearson r for the continuous score', async () => {
    const r = (await runInTemp(resolveInline(SMALL, ['data.label=sentiment', 'repeats=1', 'noise.sigmas=[]']))).results;
    const first = r.cells.find((c) => c.teacher === 'text' && c.student === 'visual');
    for (const f of ['no_kd_mse', 'kd_mse', 'no_kd_mae', 'kd_mae', 'no_kd_pearson_r', 'kd_pearson_r']) expect(typeof first?.[f]).toBe('number');
    expect(first?.kd_accuracy ?? null).toBeNull();
    expect(first).not.toHaveProperty('kd_acc');
  }, 120_000);

  it('runs the SDK’s .csd layout end to end, labelled real, on the standard folds; a changed file recomputes', async () => {
    const dir = tempDir('cch-mosei-csd-');
    await moseiTesting.writeSyntheticCsdFolder(dir, { videos: 60, seed: 3, dims: { text: 40, audio: 20, visual: 12 } });
    const reports = tempDir('cch-mosei-reports-');
    const resolved = () => resolveInline(SMALL, [`data.path=${dir}`, 'data.layout=csd', 'repeats=1']);
    const first = await runExperiment(resolved(), { reportsDir: reports, backend: TEST_BACKEND });
    expect(first.results.sources).toEqual(['real']);
    const meta = Object.values(first.results.cellMeta ?? {})[0] as { splits: { fixed: boolean; train: number; val: number; test: number }; data: { split: { rule: string } } };
    expect(meta.splits.fixed).toBe(true);
    expect(meta.data.split.rule).toBe('standard-folds');
    expect(meta.splits.test).toBe(12 * 5);
    expect((await runExperiment(resolved(), { reportsDir: reports, backend: TEST_BACKEND })).results.cellCounts.cached).toBe(1);
    await moseiTesting.writeSyntheticCsdFolder(dir, { videos: 60, seed: 4, dims: { text: 40, audio: 20, visual: 12 } });
    expect((await runExperiment(resolved(), { reportsDir: reports, backend: TEST_BACKEND })).results.cellCounts.ran).toBe(1);
  }, 120_000);

  it('checks the data before the first cell: a split with an empty part is a config error naming the key, and no cell runs', async () => {
    const reports = tempDir('cch-mosei-preflight-');
    const fixture = resolveInline(SMALL, [`data.path=${moseiTesting.SDK_FIXTURE_DIR}`, 'data.layout=csd']);
    await expect(runExperiment(fixture, { reportsDir: reports, backend: TEST_BACKEND })).rejects.toThrow(/data\.path: the data set's own split leaves test empty \(train 5, val 2, test 0 of 7 segments\)/);
    const few = resolveInline(SMALL, ['data.videos=10', 'split.val=0.02', 'split.test=0.3']);
    await expect(runExperiment(few, { reportsDir: reports, backend: TEST_BACKEND })).rejects.toThrow(/data\.videos: 10 videos split by video .* leave val without a video/);
    expect(existsSync(path.join(reports, '.cache', 'mosei'))).toBe(false);
  }, 60_000);

  it('rejects a path without a layout, a pair outside the modalities, and a noise sweep onto its own teacher', () => {
    expect(() => resolveInline(SMALL, ['data.path=/nowhere'])).toThrow(/data\.layout/);
    expect(() => resolveInline(SMALL, ['modalities=[text, audio]'])).toThrow(/'visual' is not in modalities/);
    expect(() => resolveInline(SMALL, ['noise.student=text'])).toThrow(/same modality/);
  });

  it('runs the sweep’s σ = 0 as the clean pair, never twice', () => {
    const config = resolveInline(SMALL).config as Parameters<typeof cellPairs>[0];
    expect(cellPairs(config).map((p) => `${String(p.teacher)}→${String(p.student)}`)).toEqual(['text→visual', 'text→audio', 'audio→visual', 'text-noise-3→visual']);
  });
});
