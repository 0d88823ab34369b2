import { Matrix } from '@cch-lab/core';
import { MOSEI_MODALITIES } from '../types.js';
import { simulateMosei } from './simulate-mosei.js';

/** Byte equality: jest's toEqual walks a long typed array element by element, far too slowly. */
function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/** Test accuracy of a nearest-class-centroid rule fitted on the training rows. */
function centroidAccuracy(x: Matrix, labels: Int32Array, train: Int32Array, test: Int32Array): number {
  const d = x.cols;
  const sums = [new Float64Array(d), new Float64Array(d)];
  const counts = [0, 0];
  for (const i of train) {
    counts[labels[i]]++;
    for (let j = 0; j < d; j++) sums[labels[i]][j] += x.data[i * d + j];
  }
  let right = 0;
  for (const i of test) {
    const dist = [0, 1].map((c) => {
      let s = 0;
      for (let j = 0; j < d; j++) s += (x.data[i * d + j] - sums[c][j] / counts[c]) ** 2;
      return s;
    });
    if ((dist[1] < dist[0] ? 1 : 0) === labels[i]) right++;
  }
  return right / test.length;
}

/** Mean squared correlation over every (column of a, column of b) pair. */
function meanSquaredCrossCorrelation(a: Matrix, b: Matrix): number {
  const n = a.rows;
  const column = (m: Matrix, j: number) => {
    const c = Float64Array.from({ length: n }, (_, i) => m.data[i * m.cols + j]);
    const mean = c.reduce((s, v) => s + v, 0) / n;
    const sd = Math.sqrt(c.reduce((s, v) => s + (v - mean) ** 2, 0));
    return c.map((v) => (v - mean) / sd);
  };
  const as = Array.from({ length: a.cols }, (_, j) => column(a, j));
  const bs = Array.from({ length: b.cols }, (_, j) => column(b, j));
  let total = 0;
  for (const x of as) for (const y of bs) total += x.reduce((s, v, i) => s + v * y[i], 0) ** 2;
  return total / (a.cols * b.cols);
}

describe('simulateMosei', () => {
  const sim = simulateMosei({ videos: 400, seed: 7 });

  it('is a simulated, sequence-collapsed MOSEI with the published widths and splits by video', () => {
    const { dataset, videos } = sim;
    expect(dataset.source).toBe('simulated');
    expect(dataset.task).toBe('classification');
    expect(dataset.classes).toEqual(['negative', 'non-negative']);
    expect(Object.fromEntries(MOSEI_MODALITIES.map((m) => [m, dataset.modalities[m].cols]))).toEqual({ text: 300, audio: 74, visual: 35 });
    expect(videos).toHaveLength(dataset.labels.length);
    const partOf = new Map<string, string>();
    for (const [part, rows] of Object.entries(dataset.splits)) {
      for (const i of rows as Int32Array) {
        expect(partOf.get(videos[i]) ?? part).toBe(part);
        partOf.set(videos[i], part);
      }
    }
    expect((dataset.meta.drops as { nonFinite: { audio: number } }).nonFinite.audio).toBeGreaterThan(0);
    for (const m of MOSEI_MODALITIES) expect(dataset.modalities[m].data.every(Number.isFinite)).toBe(true);
  });

  it('is deterministic in its seed', () => {
    const again = simulateMosei({ videos: 400, seed: 7 });
    expect(sameBytes(again.dataset.modalities.audio.data, sim.dataset.modalities.audio.data)).toBe(true);
    expect(sameBytes(again.dataset.labels, sim.dataset.labels)).toBe(true);
    expect(sameBytes(simulateMosei({ videos: 400, seed: 8 }).dataset.modalities.audio.data, sim.dataset.modalities.audio.data)).toBe(false);
  });

  it('orders the modalities text > audio > visual by how well they predict the label', () => {
    const { dataset } = sim;
    const train = Int32Array.from([...dataset.splits.train, ...(dataset.splits.val ?? [])]);
    const acc = Object.fromEntries(MOSEI_MODALITIES.map((m) => [m, centroidAccuracy(dataset.modalities[m], dataset.labels as Int32Array, train, dataset.splits.test)]));
    expect(acc.text).toBeGreaterThan(acc.audio + 0.03);
    expect(acc.audio).toBeGreaterThan(acc.visual);
    expect(acc.visual).toBeGreaterThan(0.52);
  });

  it('lets `shared` raise what the modalities share without touching the label', () => {
    const none = simulateMosei({ videos: 200, seed: 3, shared: 0, dims: { text: 30, audio: 20, visual: 10 } });
    const lots = simulateMosei({ videos: 200, seed: 3, shared: 3, dims: { text: 30, audio: 20, visual: 10 } });
    expect(sameBytes(lots.dataset.labels, none.dataset.labels)).toBe(true);
    expect(meanSquaredCrossCorrelation(lots.dataset.modalities.text, lots.dataset.modalities.visual)).toBeGreaterThan(5 * meanSquaredCrossCorrelation(none.dataset.modalities.text, none.dataset.modalities.visual));
  });

  it('gives the continuous score for `sentiment` and drops exact zeros for `binary-nonzero`', () => {
    const reg = simulateMosei({ videos: 50, seed: 1, label: 'sentiment', dims: { text: 8, audio: 8, visual: 8 } });
    expect(reg.dataset.task).toBe('regression');
    expect(Math.max(...reg.dataset.labels)).toBeLessThanOrEqual(3);
    const nz = simulateMosei({ videos: 50, seed: 1, label: 'binary-nonzero', dims: { text: 8, audio: 8, visual: 8 } });
    expect(nz.dataset.labels.length + (nz.dataset.meta.drops as { sentimentZero: number }).sentimentZero).toBe(reg.dataset.labels.length);
  });

  it('refuses too few videos', () => {
    expect(() => simulateMosei({ videos: 3, seed: 1 })).toThrow(/at least 10 videos/);
  });
});
