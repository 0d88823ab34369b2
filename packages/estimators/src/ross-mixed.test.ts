import { InvalidInputError, Matrix, createRng, digamma, testing } from '@cch-lab/core';
import type { PointSet } from './knn/point-set.js';
import { estimateMi } from './registry.js';
import { rossNats } from './ross-mixed.js';
import { labelledMixture } from './testing-fixtures/gaussian-pairs.js';

/** digammaInt vs digamma: < 1e-11 per term. */
const FORMULA_ATOL = 1e-9;
/** Ross at n = 3000, k = 3 on this mixture: sd 0.009, bias +0.007 nats (20 seeds); 3 sd + bias. */
const MIXTURE_ATOL = 0.04;

/** Ross 2014 as REFERENCE.md §2 writes it, with loops and sorting (no singleton classes here). */
function referenceRoss(h: number[][], labels: number[], k: number): number {
  const n = h.length;
  const dist = (a: number[], b: number[]) => a.reduce((m, v, c) => Math.max(m, Math.abs(v - b[c])), 0);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const same = labels.filter((l) => l === labels[i]).length;
    const ki = Math.min(k, same - 1);
    const d = h
      .map((p, j) => ({ j, d: dist(h[i], p) }))
      .filter((o) => o.j !== i && labels[o.j] === labels[i])
      .sort((a, b) => a.d - b.d)[ki - 1].d;
    const m = h.filter((p, j) => j !== i && dist(h[i], p) <= d).length;
    sum += digamma(ki) - digamma(same) - digamma(m);
  }
  return digamma(n) + sum / n;
}

describe('estimators/ross-mixed', () => {
  it('computes exactly the formula of REFERENCE.md §2, k reduced to class size − 1 under kPerClass cap', async () => {
    const rng = createRng('ross-formula');
    const labels = Array.from({ length: 50 }, (_, i) => (i < 3 ? 2 : i % 2));
    const h = labels.map((l) => [Math.round((rng.normal() + l) * 2) / 2, Math.round(rng.normal() * 2) / 2]);
    const points: PointSet = { coords: Float64Array.from(h.flat()), n: h.length, dim: 2 };
    for (const k of [1, 3, 5]) {
      const r = await rossNats(points, Int32Array.from(labels), k, {}, 'cap');
      testing.expectClose(r.nats, referenceRoss(h, labels, k), { atol: FORMULA_ATOL }, `k=${k}`);
      // Class 2 has three members, so its k is at most 2.
      expect(r.kPerClass['2']).toBe(Math.min(k, 2));
      expect(r.kCapped).toEqual(k > 2 ? { '2': { size: 3, k: 2 } } : {});
    }
  });

  it('refuses a k larger than a class by default, naming the class, its size and k; caps it, recorded, when asked', async () => {
    const { h, labels } = labelledMixture(createRng('ross-small-class'), 60, 2, 2, 2);
    labels[0] = 5;
    labels[1] = 5;
    labels[2] = 5;
    const error = await estimateMi('mixed', h, labels, { k: 3 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).message).toMatch(/k = 3 needs at least k \+ 1 = 4 samples in every class .*class 5 has 3 samples/);
    expect((error as InvalidInputError).details).toMatchObject({ field: 'labels', k: 3, class: 5, classSize: 3 });
    expect((error as InvalidInputError).hint).toMatch(/k ≤ 2/);
    // ksg on class labels runs the mixed estimator, and refuses the same way.
    await expect(estimateMi('ksg', h, labels, { k: 3 })).rejects.toThrow(/class 5 has 3 samples/);
    const capped = await estimateMi('mixed', h, labels, { k: 3, kPerClass: 'cap', rng: createRng(1) });
    expect(capped.k).toBe(3);
    expect(capped.details).toMatchObject({ kPerClassPolicy: 'cap', kCapped: { '5': { size: 3, k: 2 } } });
    const fits = await estimateMi('mixed', h, labels, { k: 2, rng: createRng(1) });
    expect(fits.details).toMatchObject({ kPerClassPolicy: 'refuse' });
    expect(fits.details?.kCapped).toBeUndefined();
  });

  it('refuses, before estimating, a subsample in which a class is too small for k', async () => {
    const { h, labels } = labelledMixture(createRng('ross-small-subsample'), 60, 2, 2, 2);
    for (let i = 0; i < 5; i++) labels[i] = 5;
    // Five samples of class 5 suit k = 3 on the full data; a random half of them need not.
    await expect(estimateMi('mixed', h, labels, { k: 3, rng: createRng(1) })).resolves.toBeDefined();
    await expect(estimateMi('mixed', h, labels, { k: 3, subsamples: 20, rng: createRng(1) })).rejects.toThrow(/in subsample \d+ of 20 \(30 of 60 rows\) class 5 has [23] samples/);
    const capped = await estimateMi('mixed', h, labels, { k: 3, subsamples: 20, kPerClass: 'cap', rng: createRng(1) });
    expect(capped.interval?.reps).toBe(20);
  });

  it('matches the numerically integrated truth of a labelled Gaussian mixture, jointly over 4 dimensions', async () => {
    const { h, labels, truth } = labelledMixture(createRng('ross-mixture'), 3000, 4, 3, 2);
    const e = await estimateMi('mixed', h, labels, { rng: createRng(1) });
    testing.expectClose(e.nats, truth, { atol: MIXTURE_ATOL }, 'I(H;Y)');
    expect(e.nats).toBeLessThan(Math.log(3));
  });

  it('estimates the joint I(H;Y), which one feature at a time cannot see', async () => {
    // y = [h1 · h2 > 0]: each coordinate alone is independent of y; together they determine it.
    const rng = createRng('ross-xor');
    const n = 2000;
    const h = Matrix.zeros(n, 2);
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      h.data[2 * i] = rng.normal();
      h.data[2 * i + 1] = rng.normal();
      labels[i] = h.data[2 * i] * h.data[2 * i + 1] > 0 ? 1 : 0;
    }
    const joint = await estimateMi('mixed', h, labels, { rng: createRng(1) });
    const first = await estimateMi('mixed', h.selectColumns([0]), labels, { rng: createRng(1) });
    expect(joint.nats).toBeGreaterThan(0.4); // truth ln 2 ≈ 0.69 (y is a function of H)
    expect(Math.abs(first.nats)).toBeLessThan(0.05);
  });

  it('drops samples whose class is unique and counts them', async () => {
    const { h, labels } = labelledMixture(createRng('ross-single'), 300, 2, 2, 2);
    labels[0] = 7;
    labels[1] = 8;
    const e = await estimateMi('mixed', h, labels, { rng: createRng(1) });
    expect(e.n).toBe(298);
    expect(e.details).toMatchObject({ droppedSingletons: 2, classes: 2 });
  });

  it('rejects one class only, and continuous y', async () => {
    const h = Matrix.fromRows([[1], [2], [3], [4], [5]]);
    await expect(estimateMi('mixed', h, new Int32Array(5).fill(1), { k: 1 })).rejects.toThrow(/one class only/);
    // Two classes, but one of them is a singleton: one usable class remains.
    await expect(estimateMi('mixed', h, Int32Array.from([0, 0, 0, 0, 1]), { k: 1 })).rejects.toThrow(InvalidInputError);
    await expect(estimateMi('mixed', h, h)).rejects.toThrow(/class labels/);
  });
});
