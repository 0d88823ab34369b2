import { createRng, type Rng } from '@cch-lab/core';
import { countWithinRadius, countWithinRadiusMarginals, kNearest, kthNeighbourDistances, resolveAlgorithm } from './engine.js';
import { naiveCountWithinRadius, naiveKNearest } from './naive.js';
import type { PointSet } from './point-set.js';

/** Random points with heavy ties: coordinates rounded to a coarse grid, and exact duplicate rows. */
function tiedPoints(rng: Rng, n: number, dim: number, grid: number): PointSet {
  const coords = new Float64Array(n * dim);
  for (let i = 0; i < n * dim; i++) coords[i] = Math.round(rng.normal() * grid) / grid;
  // Copy some rows onto others so exact duplicates (distance 0) exist.
  for (let t = 0; t < n / 10; t++) {
    const from = rng.int(n);
    const to = rng.int(n);
    coords.copyWithin(to * dim, from * dim, from * dim + dim);
  }
  return { coords, n, dim };
}

function continuousPoints(rng: Rng, n: number, dim: number): PointSet {
  return { coords: rng.normals(n * dim), n, dim };
}

const METHODS = ['tree', 'brute', 'naive'] as const;

describe('estimators/knn/engine', () => {
  const cases: [string, (rng: Rng) => PointSet][] = [
    ['1-d ties', (rng) => tiedPoints(rng, 300, 1, 3)],
    ['2-d ties', (rng) => tiedPoints(rng, 400, 2, 2)],
    ['5-d ties', (rng) => tiedPoints(rng, 300, 5, 1)],
    ['3-d continuous', (rng) => continuousPoints(rng, 500, 3)],
    ['24-d continuous', (rng) => continuousPoints(rng, 300, 24)],
    ['40-d ties', (rng) => tiedPoints(rng, 257, 40, 1)],
  ];

  it.each(cases)('k nearest equals the naive brute force exactly (%s)', async (_label, make) => {
    const points = make(createRng('knn-equal'));
    for (const k of [1, 3, 7]) {
      const expected = naiveKNearest(points, k);
      for (const method of METHODS) {
        for (const parts of [1, 3]) {
          const got = await kNearest(points, k, { method, parts, workers: 1 });
          expect(Array.from(got.distances)).toEqual(Array.from(expected.distances));
          expect(Array.from(got.indices)).toEqual(Array.from(expected.indices));
        }
      }
    }
  });

  it.each(cases)('radius counts equal the naive brute force exactly, strict and not (%s)', async (_label, make) => {
    const rng = createRng('count-equal');
    const points = make(rng);
    // Radii at true neighbour distances (where ties bite) and at random values.
    const eps = await kthNeighbourDistances(points, 3, { method: 'naive' });
    const random = Float64Array.from(eps, (v) => v * (0.5 + rng.uniform()));
    const zero = new Float64Array(points.n);
    for (const radii of [eps, random, zero]) {
      for (const strict of [true, false]) {
        const expected = Array.from(naiveCountWithinRadius(points, radii, strict));
        for (const method of ['auto', ...METHODS] as const) {
          for (const parts of [1, 4]) {
            const got = await countWithinRadius(points, radii, strict, { method, parts, workers: 1 });
            expect(Array.from(got)).toEqual(expected);
          }
        }
      }
    }
  });

  it('counts in two marginal spaces in one pass exactly like two naive counts', async () => {
    const rng = createRng('count-marginals');
    for (const [dx, dy] of [
      [9, 12],
      [20, 20],
      [1, 30],
    ]) {
      const x = tiedPoints(rng, 260, dx, 1);
      const y = continuousPoints(rng, 260, dy);
      const rx = Float64Array.from({ length: 260 }, () => 0.5 + 2 * rng.uniform());
      const ry = Float64Array.from({ length: 260 }, () => 0.5 + 3 * rng.uniform());
      for (const strict of [true, false]) {
        for (const parts of [1, 3]) {
          const [cx, cy] = await countWithinRadiusMarginals(x, y, rx, ry, strict, { method: 'brute', parts, workers: 1 });
          expect(Array.from(cx)).toEqual(Array.from(naiveCountWithinRadius(x, rx, strict)));
          expect(Array.from(cy)).toEqual(Array.from(naiveCountWithinRadius(y, ry, strict)));
        }
      }
    }
  });

  it('picks the tree at low dimension, the brute force at high, the sorted axis for 1-d counts', () => {
    const at = (n: number, dim: number): PointSet => ({ coords: new Float64Array(n * dim), n, dim });
    expect(resolveAlgorithm('auto', 'knn', at(5000, 2))).toBe('tree');
    expect(resolveAlgorithm('auto', 'count', at(5000, 1))).toBe('sorted');
    expect(resolveAlgorithm('auto', 'knn', at(5000, 40))).toBe('brute');
    expect(resolveAlgorithm('brute', 'knn', at(5000, 2))).toBe('brute');
  });
});
