import { Matrix, createRng, digamma, testing } from '@cch-lab/core';
import { ksgNats } from './ksg.js';
import type { PointSet } from './knn/point-set.js';
import { estimateMi } from './registry.js';
import { correlatedGaussianPair } from './testing-fixtures/gaussian-pairs.js';

/** digammaInt (exact harmonic table) vs digamma (asymptotic series) differ by < 1e-11 each. */
const FORMULA_ATOL = 1e-9;
/** n = 1000, ρ = 0.6 (ACCURACY.md): KSG-1 d = 1 sd 0.018, bias −0.002; KSG-2 d = 2 sd 0.016, bias +0.025; 3 sd + bias. */
const LOW_DIM_ATOL = 0.08;

/** REFERENCE.md §2 written out with plain loops and sorting, as an independent check. */
function referenceKsg(x: number[][], y: number[][], k: number, variant: 1 | 2): number {
  const n = x.length;
  const dist = (a: number[], b: number[]) => a.reduce((m, v, c) => Math.max(m, Math.abs(v - b[c])), 0);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const others = [];
    for (let j = 0; j < n; j++) if (j !== i) others.push({ j, d: Math.max(dist(x[i], x[j]), dist(y[i], y[j])) });
    others.sort((a, b) => a.d - b.d || a.j - b.j);
    const neighbours = others.slice(0, k);
    if (variant === 1) {
      const eps = neighbours[k - 1].d;
      const nx = others.filter((o) => dist(x[i], x[o.j]) < eps).length;
      const ny = others.filter((o) => dist(y[i], y[o.j]) < eps).length;
      sum += digamma(nx + 1) + digamma(ny + 1);
    } else {
      const ex = Math.max(...neighbours.map((o) => dist(x[i], x[o.j])));
      const ey = Math.max(...neighbours.map((o) => dist(y[i], y[o.j])));
      const nx = others.filter((o) => dist(x[i], x[o.j]) <= ex).length;
      const ny = others.filter((o) => dist(y[i], y[o.j]) <= ey).length;
      sum += digamma(nx) + digamma(ny);
    }
  }
  return variant === 1 ? digamma(k) + digamma(n) - sum / n : digamma(k) - 1 / k + digamma(n) - sum / n;
}

function points(rows: number[][]): PointSet {
  return { coords: Float64Array.from(rows.flat()), n: rows.length, dim: rows[0].length };
}

describe('estimators/ksg', () => {
  it('computes exactly the formulas of REFERENCE.md §2, with ties (KSG-1 strict, KSG-2 non-strict)', async () => {
    const rng = createRng('ksg-formula');
    // Coarse rounding makes distance ties common, which is where strict vs non-strict matters.
    const x = Array.from({ length: 60 }, () => [Math.round(rng.normal() * 2) / 2, Math.round(rng.normal() * 2) / 2]);
    const y = x.map(([a]) => [Math.round((a + rng.normal()) * 2) / 2]);
    for (const k of [1, 3, 5]) {
      for (const variant of [1, 2] as const) {
        const got = await ksgNats(points(x), points(y), k, variant);
        testing.expectClose(got, referenceKsg(x, y, k, variant), { atol: FORMULA_ATOL }, `KSG-${variant} k=${k}`);
      }
    }
  });

  it('is close to the truth at low dimension and under-estimates as d grows (n = 1000, ρ = 0.6)', async () => {
    const low = correlatedGaussianPair(createRng('ksg-d1'), 1000, 1, 0.6);
    const est1 = await estimateMi('ksg', low.x, low.y, { rng: createRng(1) });
    testing.expectClose(est1.nats, low.truth, { atol: LOW_DIM_ATOL }, 'KSG-1 d=1');
    const two = correlatedGaussianPair(createRng('ksg-d2'), 1000, 2, 0.6);
    const est2 = await estimateMi('ksg2', two.x, two.y, { rng: createRng(1) });
    testing.expectClose(est2.nats, two.truth, { atol: LOW_DIM_ATOL }, 'KSG-2 d=2');
    // d = 10: truth 2.23 nats; KSG's known bias (ACCURACY.md: ≈ 1.0 at n = 1000) is far below it.
    const high = correlatedGaussianPair(createRng('ksg-d10'), 1000, 10, 0.6);
    const est10 = await estimateMi('ksg', high.x, high.y, { rng: createRng(1) });
    expect(est10.nats).toBeLessThan(high.truth - 0.8);
    expect(est10.nats).toBeGreaterThan(0.3);
  });

  it('standardises by default, says so, and can be turned off', async () => {
    const { x, y } = correlatedGaussianPair(createRng('ksg-scale'), 400, 2, 0.7);
    // Stretch one column of y: MI is unchanged, the max-norm is not.
    const stretched = y.clone();
    for (let i = 0; i < stretched.rows; i++) stretched.data[i * 2] *= 1000;
    const on = await estimateMi('ksg', x, y, { rng: createRng(1) });
    const onStretched = await estimateMi('ksg', x, stretched, { rng: createRng(1) });
    const off = await estimateMi('ksg', x, stretched, { rng: createRng(1), standardize: false });
    expect(on.standardized).toBe(true);
    expect(off.standardized).toBe(false);
    testing.expectClose(onStretched.nats, on.nats, { atol: 1e-6 }, 'standardised estimate ignores column scale');
    expect(Math.abs(off.nats - on.nats)).toBeGreaterThan(0.05);
  });

  it('is reproducible with a seed and reports its settings', async () => {
    const { x, y } = correlatedGaussianPair(createRng('ksg-seed'), 300, 3, 0.5);
    const a = await estimateMi('ksg', x, y, { rng: createRng(5) });
    const b = await estimateMi('ksg', x, y, { rng: createRng(5) });
    expect(b.nats).toBe(a.nats);
    expect(a).toMatchObject({ method: 'ksg', n: 300, dims: [3, 3], k: 3, standardized: true });
    testing.expectClose(a.bits, a.nats / Math.LN2, { atol: 1e-15 });
    expect(a.details).toMatchObject({ variant: 1, jitter: 1e-10 });
  });

  it('runs the mixed estimator when y is class labels', async () => {
    const h = Matrix.fromRows(Array.from({ length: 40 }, (_, i) => [i % 2 === 0 ? i : -i, (i * 7) % 5]));
    const labels = Int32Array.from({ length: 40 }, (_, i) => i % 2);
    const e = await estimateMi('ksg', h, labels, { rng: createRng(1) });
    expect(e.method).toBe('mixed');
    expect(e.details).toMatchObject({ requested: 'ksg' });
  });
});
