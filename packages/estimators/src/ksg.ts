/**
 * KSG estimators 1 and 2 (Kraskov, Stögbauer & Grassberger 2004, eqs. 8 and 9) on multivariate
 * x and y under the max-norm, exactly as REFERENCE.md §2 writes them.
 */
import { digammaInt, type Matrix } from '@cch-lab/core';
import { countWithinRadiusMarginals, kNearest, resolveAlgorithm } from './knn/engine.js';
import type { KnnEngineOptions } from './knn/engine-options.js';
import { concatPointSets, type PointSet } from './knn/point-set.js';
import type { ResolvedOptions } from './options.js';
import { preparePair } from './prepare.js';
import { rossMethod } from './ross-mixed.js';
import type { MethodResult, MiTarget } from './types.js';
import { checkK } from './validate.js';

// A module binding, not a global lookup: under jest's vm context every `Math.x` in a hot loop
// goes through the context's global interceptor and runs ~50× slower.
const abs = Math.abs;

/** KSG variant: 1 (strict counts in the joint k-th-neighbour radius) or 2 (non-strict, per-marginal radii). */
export type KsgVariant = 1 | 2;

/**
 * The KSG estimate in nats from prepared point sets (rows aligned, n > k).
 *
 * KSG-1: ε_i = k-th-neighbour distance in z = (x, y); n_x(i) = #{j ≠ i : ‖x_i − x_j‖∞ < ε_i}
 * (strict), likewise n_y; I = ψ(k) + ψ(N) − ⟨ψ(n_x + 1) + ψ(n_y + 1)⟩.
 * KSG-2: ε_x(i), ε_y(i) = the largest x- and y-distances among the k joint neighbours;
 * n_x(i) = #{j ≠ i : ‖x_i − x_j‖∞ ≤ ε_x(i)}; I = ψ(k) − 1/k + ψ(N) − ⟨ψ(n_x) + ψ(n_y)⟩.
 */
export async function ksgNats(x: PointSet, y: PointSet, k: number, variant: KsgVariant, engine: KnnEngineOptions = {}): Promise<number> {
  const n = x.n;
  const z = concatPointSets(x, y);
  const lists = await kNearest(z, k, engine);
  let sum = 0;
  if (variant === 1) {
    const eps = new Float64Array(n);
    for (let i = 0; i < n; i++) eps[i] = lists.distances[i * k + k - 1];
    // Strict: a point exactly at ε_i is the k-th neighbour's distance in z, not inside the ball.
    const [nx, ny] = await countWithinRadiusMarginals(x, y, eps, eps, true, engine);
    for (let i = 0; i < n; i++) sum += digammaInt(nx[i] + 1) + digammaInt(ny[i] + 1);
    return digammaInt(k) + digammaInt(n) - sum / n;
  }
  const epsX = marginalRadii(x, lists.indices, k);
  const epsY = marginalRadii(y, lists.indices, k);
  // Non-strict: the neighbour that sets ε_x(i) must itself be counted, so n_x ≥ k.
  const [nx, ny] = await countWithinRadiusMarginals(x, y, epsX, epsY, false, engine);
  for (let i = 0; i < n; i++) sum += digammaInt(nx[i]) + digammaInt(ny[i]);
  return digammaInt(k) - 1 / k + digammaInt(n) - sum / n;
}

/** The registry body of 'ksg' and 'ksg2'. Class labels as y run the mixed estimator instead. */
export async function ksgMethod(x: Matrix, y: MiTarget, o: ResolvedOptions, variant: KsgVariant): Promise<MethodResult> {
  const name = variant === 1 ? 'ksg' : 'ksg2';
  if (y instanceof Int32Array) {
    const r = await rossMethod(x, y, o);
    return { ...r, details: { ...r.details, requested: name, note: `${name} on class labels runs the mixed (Ross) estimator` } };
  }
  const n = x.rows;
  const k = checkK(o.k, n, name);
  const [px, py] = preparePair(x, y, { standardize: o.standardize, jitter: o.jitter, rng: o.rng.derive('jitter') });
  const nats = await ksgNats(px, py, k, variant, o.engine);
  const method = o.engine.method ?? 'auto';
  return {
    nats,
    n,
    dims: [x.cols, y.cols],
    k,
    standardized: o.standardize,
    details: {
      variant,
      jitter: o.jitter,
      knn: {
        joint: resolveAlgorithm(method, 'knn', { n, dim: x.cols + y.cols }),
        x: resolveAlgorithm(method, 'count', px),
        y: resolveAlgorithm(method, 'count', py),
      },
      // Estimates cannot exceed about ψ(N) − ψ(k) (REFERENCE.md §2).
      ceilingNats: digammaInt(n) - digammaInt(k),
    },
  };
}

/** ε_x(i): the largest marginal distance from i to its k joint neighbours. */
function marginalRadii(points: PointSet, indices: Int32Array, k: number): Float64Array {
  const { coords, n, dim } = points;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let eps = 0;
    for (let s = 0; s < k; s++) {
      const j = indices[i * k + s];
      for (let c = 0; c < dim; c++) {
        const v = abs(coords[i * dim + c] - coords[j * dim + c]);
        if (v > eps) eps = v;
      }
    }
    out[i] = eps;
  }
  return out;
}
