import path from 'node:path';
import { chooseBackend } from '@cch-lab/core';
import { testing as mnistTesting } from '@cch-lab/data-mnist-m';
import { runExperiment } from '../../run/run-experiment.js';
import { TEST_BACKEND, removeTempDirs, resolveInline, runInTemp, tempDir } from '../testing-fixtures/experiment-fixtures.js';

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
});
