import { Rng } from './rng.js';

describe('core/rng', () => {
  it('repeats the same stream for the same seed and differs across seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const sa = Array.from({ length: 5 }, () => a.nextUint32());
    const sb = Array.from({ length: 5 }, () => b.nextUint32());
    const sc = Array.from({ length: 5 }, () => c.nextUint32());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  it('derives child streams that depend only on the parent seed and the key', () => {
    const root = new Rng('sweep');
    root.uniform(); // consuming the parent must not change its children
    const child1 = root.derive('cell-3').uniform();
    const child2 = new Rng('sweep').derive('cell-3').uniform();
    expect(child1).toBe(child2);
    expect(new Rng('sweep').derive('cell-4').uniform()).not.toBe(child1);
  });

  it('draws uniforms in [0, 1) with the right mean and normals with mean 0, variance 1', () => {
    const rng = new Rng(7);
    const n = 200_000;
    const u = rng.uniforms(n);
    let su = 0;
    for (const v of u) {
      expect(v >= 0 && v < 1).toBe(true);
      su += v;
    }
    // se of the mean of U(0,1) is sqrt(1/12/n) ≈ 6.5e-4; allow 5 se.
    expect(Math.abs(su / n - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    const z = rng.normals(n);
    let s = 0;
    let s2 = 0;
    for (const v of z) {
      s += v;
      s2 += v * v;
    }
    expect(Math.abs(s / n)).toBeLessThan(5 / Math.sqrt(n));
    // se of the sample variance of N(0,1) is sqrt(2/n).
    expect(Math.abs(s2 / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });

  it('gives unbiased integers and permutations', () => {
    const rng = new Rng(1);
    const counts = new Array(3).fill(0);
    for (let i = 0; i < 30_000; i++) counts[rng.int(3)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
    const p = rng.permutation(100);
    expect(Array.from(p).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('rejects invalid seeds with a message naming the field', () => {
    expect(() => new Rng(-1)).toThrow(/seed/);
    expect(() => new Rng(1.5)).toThrow(/seed/);
  });
});
