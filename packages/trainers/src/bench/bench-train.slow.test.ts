import { createRng } from '@cch-lab/core';
import { benchTrain } from './bench-train.js';

describe('trainers/bench/bench-train (slow: the real benchmark on wasm)', () => {
  test('the lean loop beats model.fit on both architectures at the benchmark size', async () => {
    const rows = await benchTrain({ backends: ['wasm'], rng: createRng(1) });
    for (const r of rows) expect(r.speedup).toBeGreaterThan(1);
  });
});
