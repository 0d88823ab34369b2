import { Matrix, createRng } from '@cch-lab/core';
import type { PairedDataset } from '@cch-lab/data';
import { runDistillation } from './distill.js';
import { useBackend } from './testing-fixtures/backends.js';
import { pairedImages } from './testing-fixtures/paired-data.js';

/** The MFH benchmark's shape (REFERENCE §1): y = 1[xs·a > 0], modalities = noise with decisive coordinates overwritten. */
function mfhLike(seed: number): PairedDataset {
  const rng = createRng(seed);
  const n = 1200;
  const a = rng.normals(10);
  const labels = new Int32Array(n);
  const x1 = Matrix.zeros(n, 25, 'float32');
  const x2 = Matrix.zeros(n, 50, 'float32');
  for (let i = 0; i < n; i++) {
    const xs = rng.normals(10);
    labels[i] = xs.reduce((s, v, j) => s + v * a[j], 0) > 0 ? 1 : 0;
    for (let j = 0; j < 25; j++) x1.set(i, j, j < 10 ? xs[j] : rng.normal());
    for (let j = 0; j < 50; j++) x2.set(i, j, j < 10 ? xs[j] : rng.normal());
  }
  const range = (s: number, e: number) => Int32Array.from({ length: e - s }, (_, i) => s + i);
  return { name: 'mfh-like', source: 'simulated', modalities: { x1, x2 }, labels, task: 'classification', classes: ['0', '1'], splits: { train: range(0, 200), test: range(200, n) }, meta: {} };
}

describe('trainers/distill (slow)', () => {
  beforeAll(() => useBackend('wasm'));

  test('the MFH configuration (linear, full-batch SGD 0.1, 1000 epochs, CE + KL at T = 1) is one fast call', async () => {
    const started = performance.now();
    const result = await runDistillation({
      dataset: mfhLike(1),
      teacherModality: 'x1',
      studentModality: 'x2',
      model: { kind: 'linear' },
      kd: { lambda: 1, temperature: 1, form: 'theorem' },
      train: { epochs: 1000, batchSize: 'full', optimizer: { name: 'sgd', learningRate: 0.1 } },
      rng: createRng(2),
    });
    expect((performance.now() - started) / 1000).toBeLessThan(20);
    for (const m of [result.teacher, result.student, result.kdStudent]) {
      expect(m.history.steps).toBe(1000);
      expect(m.metrics?.task === 'classification' && m.metrics.accuracy).toBeGreaterThan(0.6);
    }
  });

  test('a CNN teacher → student → KD student on generated images', async () => {
    const images = pairedImages(1500, [16, 16, 3], createRng(3));
    const dataset: PairedDataset = {
      ...images,
      modalities: { clean: images.modalities.image, noisy: addNoise(images.modalities.image, 1.5, 4) },
      featureShapes: { clean: [16, 16, 3], noisy: [16, 16, 3] },
    };
    const result = await runDistillation({
      dataset,
      teacherModality: 'clean',
      studentModality: 'noisy',
      model: { kind: 'cnn', dense: [32] },
      kd: { lambda: 0.5, temperature: 2 },
      train: { epochs: 5, batchSize: 64, optimizer: { name: 'sgd', learningRate: 0.05, momentum: 0.9 } },
      rng: createRng(5),
    });
    const acc = (m: typeof result.teacher) => (m.metrics?.task === 'classification' ? m.metrics.accuracy : 0);
    expect(acc(result.teacher)).toBeGreaterThan(0.9);
    expect(acc(result.student)).toBeGreaterThan(0.4);
    expect(result.representations.teacher.cols).toBe(32);
  });
});

function addNoise(x: Matrix, sd: number, seed: number): Matrix<Float32Array> {
  const rng = createRng(seed);
  return new Matrix(Float32Array.from(x.data, (v) => v + sd * rng.normal()), x.rows, x.cols);
}
