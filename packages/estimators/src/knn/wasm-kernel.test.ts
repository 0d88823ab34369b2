import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng, type Rng } from '@cch-lab/core';
import { bruteCountPairPart, bruteCountPart } from './brute-count.js';
import { bruteKNearestPart } from './brute-k-nearest.js';
import { mergeNeighbourLists, emptyNeighbourLists } from './neighbour-list.js';
import { naiveCountWithinRadius, naiveKNearest } from './naive.js';
import type { PointSet } from './point-set.js';
import { tileRows } from './tiles.js';
import { below } from './wasm-kernel.js';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Integer-valued coordinates (many equal distances) with ~15% exact duplicate rows. */
function tiedPoints(rng: Rng, n: number, dim: number): PointSet {
  const coords = new Float64Array(n * dim);
  for (let i = 0; i < n * dim; i++) coords[i] = Math.round(rng.normal() * 1.5);
  for (let t = 0; t < (3 * n) / 20; t++) {
    const from = rng.int(n);
    const to = rng.int(n);
    coords.copyWithin(to * dim, from * dim, from * dim + dim);
  }
  return { coords, n, dim };
}

function gaussianPoints(rng: Rng, n: number, dim: number): PointSet {
  return { coords: rng.normals(n * dim), n, dim };
}

/** The brute force cut into `parts`, merged as the engine merges them. */
function bruteKNearest(points: PointSet, k: number, parts: number): { distances: number[]; indices: number[] } {
  const out = emptyNeighbourLists(points.n, k);
  for (let part = 0; part < parts; part++) mergeNeighbourLists(out, bruteKNearestPart(points, k, part, parts));
  return { distances: Array.from(out.distances), indices: Array.from(out.indices) };
}

function sumParts(parts: number, run: (part: number) => Int32Array): number[] {
  const total = run(0);
  for (let part = 1; part < parts; part++) run(part).forEach((v, i) => (total[i] += v));
  return Array.from(total);
}

// n across one and several tiles (tileRows(40) = 307), odd and even; dims below the screen
// width of 4, odd (a padded row), and the KSG sizes.
const SHAPES: [number, number][] = [
  [37, 1],
  [150, 2],
  [203, 3],
  [400, 5],
  [333, 7],
  [700, 20],
  [650, 40],
];

describe('estimators/knn/wasm-kernel (SIMD brute force) against the naive brute force', () => {
  it.each(SHAPES)('k nearest: the same neighbours and distances, bit for bit (n = %i, dim = %i)', (n, dim) => {
    const rng = createRng(`knn/${n}/${dim}`);
    for (const points of [tiedPoints(rng, n, dim), gaussianPoints(rng, n, dim)]) {
      for (const k of [1, 3, 6]) {
        const expected = naiveKNearest(points, k);
        for (const parts of [1, 3]) {
          const got = bruteKNearest(points, k, parts);
          expect(got.distances).toEqual(Array.from(expected.distances));
          expect(got.indices).toEqual(Array.from(expected.indices));
        }
      }
    }
  });

  it.each(SHAPES)('radius counts: the same counts, strict and not, at tied radii (n = %i, dim = %i)', (n, dim) => {
    const rng = createRng(`count/${n}/${dim}`);
    for (const points of [tiedPoints(rng, n, dim), gaussianPoints(rng, n, dim)]) {
      const kth = naiveKNearest(points, 3);
      // Radii exactly at neighbour distances (where < and ≤ differ), random, and zero.
      const eps = Float64Array.from({ length: n }, (_, i) => kth.distances[i * 3 + 2]);
      const random = Float64Array.from(eps, (v) => v * (0.5 + rng.uniform()));
      for (const radii of [eps, random, new Float64Array(n)]) {
        for (const strict of [true, false]) {
          const expected = Array.from(naiveCountWithinRadius(points, radii, strict));
          for (const parts of [1, 4]) expect(sumParts(parts, (part) => bruteCountPart(points, radii, strict, part, parts))).toEqual(expected);
        }
      }
    }
  });

  it('marginal counts of a joint space (KSG n_x, n_y) equal two naive counts', () => {
    const rng = createRng('count2');
    const n = 620;
    const x = tiedPoints(rng, n, 20);
    const y = gaussianPoints(rng, n, 9);
    const rx = Float64Array.from({ length: n }, () => Math.round(4 * rng.uniform()));
    const ry = Float64Array.from({ length: n }, () => 1 + 2 * rng.uniform());
    for (const strict of [true, false]) {
      for (const parts of [1, 3]) {
        const got = [0, 1].map((s) => sumParts(parts, (part) => bruteCountPairPart(x, y, rx, ry, strict, part, parts)[s]));
        expect(got[0]).toEqual(Array.from(naiveCountWithinRadius(x, rx, strict)));
        expect(got[1]).toEqual(Array.from(naiveCountWithinRadius(y, ry, strict)));
      }
    }
  });

  it('runs the several-tile cases it claims to', () => {
    expect(650).toBeGreaterThan(2 * tileRows(40));
    expect(700).toBeGreaterThan(tileRows(20));
  });

  it('turns a strict test into ≤ with the next double below the radius', () => {
    for (const r of [1, 0.1, 2.5, 1e-300, Number.MIN_VALUE, Number.MAX_VALUE]) {
      const b = below(r);
      expect(b).toBeLessThan(r);
      // Nothing lies strictly between: the midpoint rounds to one of the two.
      expect([b, r]).toContain(b + (r - b) / 2);
    }
    expect(below(0)).toBeLessThan(0);
    expect(below(Number.POSITIVE_INFINITY)).toBe(Number.MAX_VALUE);
  });

  it('ships the bytes of the committed kernel.wat (scripts/build-wasm.mjs --check)', () => {
    const out = execFileSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { cwd: packageDir, encoding: 'utf8' });
    expect(out).toMatch(/up to date/);
  });
});
