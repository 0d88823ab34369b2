/**
 * The mixed discrete–continuous estimator (Ross 2014, PLoS ONE 9:e87357) of I(H;Y) for a
 * multivariate H and class labels Y — the joint estimate over all of H's columns, not one feature
 * at a time as sklearn's mutual_info_classif does.
 */
import { InvalidInputError, digammaInt, type Matrix } from '@cch-lab/core';
import { countWithinRadius, kthNeighbourDistances } from './knn/engine.js';
import type { KnnEngineOptions } from './knn/engine-options.js';
import { selectPoints, type PointSet } from './knn/point-set.js';
import type { ResolvedOptions } from './options.js';
import { prepareContinuous } from './prepare.js';
import type { MethodResult, MiTarget } from './types.js';
import { checkK } from './validate.js';

export interface RossResult {
  nats: number;
  /** Samples used: those whose class has at least two members. */
  n: number;
  /** Samples dropped because their class is unique (no same-class neighbour exists). */
  droppedSingletons: number;
  /** Classes used. */
  classes: number;
  /** k used per class: min(k, class size − 1), by label. */
  kPerClass: Record<string, number>;
}

/**
 * For sample i: N_y(i) = size of its class, k_i = min(k, N_y(i) − 1), d_i = distance to its
 * k_i-th neighbour among samples of its class, m_i = #{j ≠ i : ‖h_i − h_j‖∞ ≤ d_i} over all
 * samples (so the k_i-th neighbour itself is counted, m_i ≥ k_i);
 * I = ψ(N) − ⟨ψ(N_y)⟩ + ⟨ψ(k_i)⟩ − ⟨ψ(m_i)⟩, averages over the N samples kept.
 * Samples whose class is unique are dropped first (and counted).
 * @throws InvalidInputError when fewer than two classes have two or more samples.
 */
export async function rossNats(h: PointSet, labels: Int32Array, k: number, engine: KnnEngineOptions = {}): Promise<RossResult> {
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const list = byClass.get(labels[i]);
    if (list === undefined) byClass.set(labels[i], [i]);
    else list.push(i);
  }
  const kept = [...byClass.entries()].filter(([, members]) => members.length >= 2).sort((a, b) => a[0] - b[0]);
  const droppedSingletons = labels.length - kept.reduce((s, [, m]) => s + m.length, 0);
  if (kept.length < 2) {
    throw new InvalidInputError(
      `mixed: only ${kept.length} class(es) have two or more samples (${droppedSingletons} sample(s) in unique classes), so I(H;Y) cannot be estimated`,
      { details: { field: 'labels', received: `${byClass.size} classes, ${labels.length} samples` }, hint: 'pass at least two classes with two or more samples each' },
    );
  }
  // Kept samples in class order; position p in the kept set ↔ original row keptRows[p].
  const keptRows: number[] = [];
  for (const [, members] of kept) keptRows.push(...members);
  const n = keptRows.length;
  const all = selectPoints(h, keptRows);
  const radii = new Float64Array(n);
  const classSize = new Int32Array(n);
  const kOf = new Int32Array(n);
  const kPerClass: Record<string, number> = {};
  let offset = 0;
  for (const [label, members] of kept) {
    const size = members.length;
    const kc = Math.min(k, size - 1);
    kPerClass[String(label)] = kc;
    const own = selectPoints(h, members);
    const d = await kthNeighbourDistances(own, kc, engine);
    radii.set(d, offset);
    classSize.fill(size, offset, offset + size);
    kOf.fill(kc, offset, offset + size);
    offset += size;
  }
  const m = await countWithinRadius(all, radii, false, engine);
  let sum = 0;
  for (let p = 0; p < n; p++) sum += digammaInt(kOf[p]) - digammaInt(classSize[p]) - digammaInt(m[p]);
  return { nats: digammaInt(n) + sum / n, n, droppedSingletons, classes: kept.length, kPerClass };
}

/** The registry body of 'mixed'. */
export async function rossMethod(x: Matrix, y: MiTarget, o: ResolvedOptions): Promise<MethodResult> {
  if (!(y instanceof Int32Array)) {
    throw new InvalidInputError('mixed: y must be class labels (an Int32Array); for a continuous y use ksg, ksg2 or gaussian', {
      details: { field: 'y', received: `a ${y.rows} × ${y.cols} matrix` },
      hint: 'on the command line pass --labels to read y as class labels',
    });
  }
  checkK(o.k, x.rows, 'mixed');
  const h = prepareContinuous(x, { standardize: o.standardize, jitter: o.jitter, rng: o.rng.derive('jitter').derive('x') });
  const r = await rossNats(h, y, o.k, o.engine);
  return {
    method: 'mixed',
    nats: r.nats,
    n: r.n,
    dims: [x.cols, 1],
    k: o.k,
    standardized: o.standardize,
    details: {
      droppedSingletons: r.droppedSingletons,
      classes: r.classes,
      kPerClass: r.kPerClass,
      jitter: o.jitter,
      // I(H;Y) ≤ H(Y) ≤ ln(#classes).
      ceilingNats: Math.log(r.classes),
    },
  };
}
