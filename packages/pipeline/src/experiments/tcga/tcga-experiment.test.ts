import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chooseBackend } from '@cch-lab/core';
import { testing as tcgaTesting } from '@cch-lab/data-tcga';
import { runExperiment } from '../../run/run-experiment.js';
import type { ResultsFile } from '../../types.js';
import { TEST_BACKEND, removeTempDirs, resolveInline, resolveRepoConfig, runInTemp, tempDir } from '../testing-fixtures/experiment-fixtures.js';
import type { TcgaConfig } from './tcga-config.js';
import { tcgaPreflight } from './tcga-preflight.js';

beforeAll(async () => {
  await chooseBackend({ requested: 'wasm', env: {} });
});
afterAll(removeTempDirs);

/** Small models and few rows: seconds per cell on wasm. */
const SMALL = [
  'experiment: tcga',
  'seed: 3',
  'repeats: 2',
  'preprocess: { topK: 12 }',
  'model: { kind: mlp, hidden: [8] }',
  'train: { epochs: 6, optimizer: { learningRate: 0.01 } }',
  'estimators: { subsamples: 3 }',
  '',
].join('\n');

const ROW_FIELDS = ['cohort', 'teacher', 'student', 'teacher_accuracy', 'no_kd_accuracy', 'kd_accuracy', 'no_kd_weighted_f1', 'kd_weighted_f1', 'no_kd_auc', 'kd_auc', 'kd_effect', 'observed', 'margin', 'cch_prediction'];

describe('pipeline/experiments/tcga', () => {
  it('simulated cohorts: every ordered pair, fusion, teacher selection, provenance from the cells', async () => {
    const text = `${SMALL}cohorts:\n  brca: { data: { source: simulated, cohort: brca, samples: 80 } }\n  kipan: { data: { source: simulated, cohort: kipan, samples: 80 } }\n`;
    const out = await runInTemp(resolveInline(text));
    const r = out.results;
    expect(r.sources).toEqual(['simulated']);
    const single = r.cells.filter((c) => !String(c.student).includes('+'));
    expect(single).toHaveLength(12);
    for (const f of ROW_FIELDS) expect(single[0]).toHaveProperty(f);
    expect(r.cells.some((c) => String(c.student).includes('+'))).toBe(true);
    const summary = r.summary as { agreement: Record<string, { total: number }>; teacher_selection: { groups: number; chance: number } };
    expect(Object.keys(summary.agreement)).toEqual(['cch:ksg', 'plugin']);
    expect(summary.teacher_selection.groups).toBe(2 * 2 * 3);
    expect(summary.teacher_selection.chance).toBe(0.5);
    expect(r.tables.map((t) => t.id)).toEqual(expect.arrayContaining(['agreement', 'teacher-selection', 'fusion', 'settings-brca', 'settings-kipan']));
    expect(r.tables.every((t) => t.sources.join() === 'simulated')).toBe(true);
    const meta = r.cellMeta?.['cohort=brca/rep=0'] as { splits: { train: number; val: number; test: number }; preprocess: { fitRows: number } };
    expect(meta.preprocess.fitRows).toBe(meta.splits.train);
    expect(meta.splits.val).toBeGreaterThan(0);
  }, 120_000);

  it('a real cohort in the MOGONET layout runs labelled real; a changed value recomputes its cells; a bad file exits with its name', async () => {
    const dir = tcgaTesting.writeMogonetFolder(tempDir('cch-tcga-mogonet-'), tcgaTesting.tinyCohort({ samples: 60 }));
    const reports = tempDir('cch-tcga-reports-');
    const resolved = () => resolveInline(SMALL, [`data.path=${dir}`, 'data.layout=mogonet', 'repeats=1']);
    const first = await runExperiment(resolved(), { reportsDir: reports, backend: TEST_BACKEND });
    expect(first.results.sources).toEqual(['real']);
    expect(Object.keys(first.results.dataFingerprints ?? {})).toContain(path.join(dir, '1_tr.csv'));
    expect((await runExperiment(resolved(), { reportsDir: reports, backend: TEST_BACKEND })).results.cellCounts.cached).toBe(1);
    const file = path.join(dir, '2_te.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[0] = lines[0].replace(/^[^,]+/, '0.123456');
    writeFileSync(file, lines.join('\n'));
    expect((await runExperiment(resolved(), { reportsDir: reports, backend: TEST_BACKEND })).results.cellCounts.ran).toBe(1);
    writeFileSync(file, `${lines[0]}\n1,2\n`);
    await expect(runExperiment(resolved(), { reportsDir: reports, backend: TEST_BACKEND })).rejects.toThrow(/2_te\.csv/);
    const results = JSON.parse(readFileSync(first.jsonPath, 'utf8')) as ResultsFile;
    expect(results.sources).toEqual(['real']);
  }, 120_000);

  it('a real cohort in the Xena layout, label column picked with --set', async () => {
    const fixture = tcgaTesting.writeXenaFolder(tempDir('cch-tcga-xena-'), tcgaTesting.tinyCohort({ samples: 60 }));
    const out = await runInTemp(resolveInline(SMALL, [`data.path=${fixture.dir}`, 'data.layout=xena', `data.labelColumn=${fixture.labelColumn}`, `data.cohort=${fixture.cohort}`, 'repeats=1']));
    expect(out.results.sources).toEqual(['real']);
    const meta = out.results.cellMeta?.[`cohort=${fixture.cohort}/rep=0`] as { drops: Record<string, { counts: Record<string, number> }> };
    expect(meta.drops.mrna.counts.notPrimaryTumour).toBeGreaterThan(0);
  }, 120_000);

  it('reads only the configured omics: a missing RPPA file does not matter when RPPA is not used', async () => {
    const dir = tcgaTesting.writeMogonetFolder(tempDir('cch-tcga-two-'), tcgaTesting.tinyCohort({ samples: 60 }));
    rmSync(path.join(dir, '3_tr.csv'));
    const out = await runInTemp(resolveInline(SMALL, [`data.path=${dir}`, 'data.layout=mogonet', 'repeats=1', 'omics=[mrna, cnv]']));
    expect(out.results.cells.map((c) => `${c.teacher}→${c.student}`)).toEqual(['mrna→cnv', 'cnv→mrna']);
    expect(Object.keys(out.results.dataFingerprints ?? {}).some((f) => f.includes('3_'))).toBe(false);
  }, 60_000);

  it('a missing data folder is exit-3 data-not-found naming the files, never a fallback to the stand-in', async () => {
    const missing = path.join(tempDir('cch-tcga-none-'), 'nowhere');
    await expect(runInTemp(resolveInline(SMALL, [`data.path=${missing}`, 'data.layout=mogcn']))).rejects.toMatchObject({ code: 'ENODATA' });
    expect(() => resolveInline(SMALL, [`data.path=${missing}`])).toThrow(/layout/);
  });

  describe('checks the cohorts before the first cell', () => {
    const oneCohort = (cohort: string, samples: number) => `${SMALL}cohorts:\n  ${cohort}: { data: { source: simulated, cohort: ${cohort}, samples: ${samples} } }\n`;
    const preflight = (text: string, sets: string[]) => tcgaPreflight(resolveInline(text, sets).config as TcgaConfig);

    it('a split leaving the training rows one class is a config error (ECONFIG) naming split.val, and no cell runs', async () => {
      // Before: the cell's preprocessing threw 'trainRows needs at least 2 rows to estimate a variance'.
      const reports = tempDir('cch-tcga-preflight-');
      const run = runExperiment(resolveInline(oneCohort('lihc', 30), ['split.test=0.9', 'split.val=0.5']), { reportsDir: reports, backend: TEST_BACKEND });
      await expect(run).rejects.toMatchObject({ code: 'ECONFIG' });
      await expect(run).rejects.toThrow(/split\.val: cohort lihc \(30 samples\): a stratified split with test 0\.9 and val 0\.5 leaves class 'late' \(8 samples: train 0, val 1, test 7\) without a training row; training rows hold 1 class/);
      expect(existsSync(path.join(reports, '.cache', 'tcga'))).toBe(false);
    });

    it('a class the models would never see is named, with its counts', () => {
      // Before: the run finished, Her2's output unit never trained.
      expect(preflight(oneCohort('brca', 40), ['split.test=0.6', 'split.val=0.5'])).toEqual([
        { path: 'split.val', message: expect.stringMatching(/class 'Her2' \(2 samples: train 0, val 1, test 1\) without a training row; the models never see them/) },
      ]);
    });

    it('no validation rows is named on split.test', () => {
      // Before: with early stopping the cell threw 'early stopping needs a validation split'; without, every validation score was NaN (fusion's strongest omics and teacher selection read them).
      const issues = preflight(oneCohort('brca', 30), ['split.test=0.9', 'train.earlyStopping={patience: 2}']);
      expect(issues).toEqual([{ path: 'split.test', message: expect.stringMatching(/^cohort brca \(30 samples\): .* leaves no validation rows \(train 5, val 0, test 25\)/) }]);
    });

    it('a CNN on the omics is named on model.kind', () => {
      // Before: the first model's training threw 'a CNN needs the image shape …'.
      expect(preflight(SMALL, ['model={kind: cnn}'])).toEqual([{ path: 'model.kind', message: expect.stringMatching(/a CNN needs images, but mrna \(200 values a row\), cnv .* are feature vectors/) }]);
    });

    it('a fusion pair outside omics is a rule', () => {
      // Before: 'has no modality rppa' after every single-omics model was trained.
      expect(() => resolveInline(SMALL, ['omics=[mrna, cnv]', 'fusion.pairs=[{teacher: mrna, student: [cnv, rppa]}]'])).toThrow(/fusion\.pairs\.0\.student: 'rppa' is not in omics \[mrna, cnv\]/);
    });

    // Its speed is measured by running it, not asserted here (no timed unit tests).
    it('passes the repository config on every profile', () => {
      for (const profile of ['smoke', 'quick', 'paper']) {
        const config = resolveRepoConfig('tcga', [`profile=${profile}`]).config as TcgaConfig;
        expect(tcgaPreflight(config)).toEqual([]);
      }
    });
  });
});
