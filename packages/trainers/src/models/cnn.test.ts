import { createRng } from '@cch-lab/core';
import { train } from '../train.js';
import { useBackend } from '../testing-fixtures/backends.js';
import { pairedImages } from '../testing-fixtures/paired-data.js';

describe('trainers/models/cnn', () => {
  test('a small CNN trains on wasm (which needs the replacement filter gradient)', async () => {
    await useBackend('wasm');
    const ds = pairedImages(240, [8, 8, 2], createRng('cnn'));
    const m = await train({ kind: 'cnn', filters: [4, 8], dense: [16], batchNorm: true }, ds, {
      modality: 'image',
      train: { epochs: 6, batchSize: 16, optimizer: { learningRate: 0.01 } },
      rng: createRng(1),
    });
    expect(m.net.representationLayer).toBe('hidden_1');
    const e = m.history.epochs;
    expect(e[e.length - 1].loss).toBeLessThan(0.5 * e[0].loss);
    expect(m.metrics?.task === 'classification' && m.metrics.accuracy).toBeGreaterThan(0.6);
    m.dispose();
  });
});
