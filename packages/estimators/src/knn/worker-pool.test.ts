import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { workerScript } from './worker-pool.js';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const repoRoot = path.resolve(packageDir, '../..');

/**
 * Runs in the compiled dist (worker_threads cannot load TypeScript): the same k-NN work with one
 * thread and with two workers, which must agree bit for bit.
 */
const SCRIPT = `
import { createRng } from '@cch-lab/core';
import { kNearest, countWithinRadiusMarginals, ksgNats, usesWorkers, closeKnnWorkers } from './dist/index.js';
const rng = createRng('workers');
const n = 2400, dx = 20, dy = 20;
const x = { coords: rng.normals(n * dx), n, dim: dx };
const y = { coords: Float64Array.from(rng.normals(n * dy), (v, i) => 0.6 * x.coords[i] + 0.8 * v), n, dim: dy };
const z = { coords: new Float64Array(n * 40), n, dim: 40 };
for (let i = 0; i < n; i++) { z.coords.set(x.coords.subarray(i * dx, i * dx + dx), i * 40); z.coords.set(y.coords.subarray(i * dy, i * dy + dy), i * 40 + dx); }
const one = { workers: 1 }, two = { workers: 2 };
const a = await kNearest(z, 3, one), b = await kNearest(z, 3, two);
const eps = a.distances.filter((_, i) => i % 3 === 2);
const [ax, ay] = await countWithinRadiusMarginals(x, y, eps, eps, true, one);
const [bx, by] = await countWithinRadiusMarginals(x, y, eps, eps, true, two);
const same = (p, q) => p.length === q.length && p.every((v, i) => Object.is(v, q[i]));
console.log(JSON.stringify({
  usesWorkers: usesWorkers('brute', n, 40, two),
  // By default one job this size stays in this thread; a hundred of them (a shuffle null) use the workers.
  defaultSingle: usesWorkers('brute', 5000, 40, {}),
  defaultNull: usesWorkers('brute', 5000, 40, { repeats: 100 }),
  explicitOne: usesWorkers('brute', 5000, 40, { workers: 1, repeats: 100 }),
  knn: same(a.distances, b.distances) && same(a.indices, b.indices),
  counts: same(ax, bx) && same(ay, by),
  ksg: (await ksgNats(x, y, 3, 1, one)) === (await ksgNats(x, y, 3, 1, two)),
  ksg2: (await ksgNats(x, y, 3, 2, one)) === (await ksgNats(x, y, 3, 2, two)),
}));
await closeKnnWorkers();
`;

describe('estimators/knn/worker-pool', () => {
  it('falls back to this thread under jest, where only TypeScript sources exist', () => {
    expect(workerScript()).toBeUndefined();
  });

  it('gives bit-identical results with worker threads (compiled dist)', () => {
    execFileSync('npx', ['tsc', '-b', 'packages/estimators/tsconfig.build.json'], { cwd: repoRoot, stdio: 'pipe' });
    const out = execFileSync(process.execPath, ['--input-type=module'], { cwd: packageDir, encoding: 'utf8', input: SCRIPT });
    expect(JSON.parse(out.trim().split('\n').pop() as string)).toEqual({ usesWorkers: true, defaultSingle: false, defaultNull: true, explicitOne: false, knn: true, counts: true, ksg: true, ksg2: true });
  });
});
