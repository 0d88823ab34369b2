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
import type { KPerClassPolicy, MethodResult, MiTarget } from './types.js';
import { checkK, classTooSmallError, classesTooSmall } from './validate.js';

export interface RossResult {
  nats: number;
  /** Samples used: those whose class has at least two members. */
  n: number;
  /** Samples dropped because their class is unique (no same-class neighbour exists). */
  droppedSingletons: number;
  /** Classes used. */
  classes: number;
  /** k used per class, by label: k itself, or min(k, class size − 1) under kPerClass 'cap'. */
  kPerClass: Record<string, number>;
  /** The classes whose k was lowered (only under 'cap'): label → { size, k }. Empty when none was. */
  kCapped: Record<string, { size: number; k: number }>;
}

/**
 * For sample i: N_y(i) = size of its class, k_i = k (or min(k, N_y(i) − 1) under kPerClass
 * 'cap'), d_i = distance to its k_i-th neighbour among samples of its class,
 * m_i = #{j ≠ i : ‖h_i − h_j‖∞ ≤ d_i} over all samples (so the k_i-th neighbour itself is
 * counted, m_i ≥ k_i); I = ψ(N) − ⟨ψ(N_y)⟩ + ⟨ψ(k_i)⟩ − ⟨ψ(m_i)⟩, averages over the N samples
 * kept. Samples whose class is unique are dropped first (and counted).
 * @throws InvalidInputError when fewer than two classes have two or more samples, or (under
 * 'refuse', the default) when a class of two or more has k or fewer samples — naming the class,
 * its size and k.
 */
export async function rossNats(
  h: PointSet,
  labels: Int32Array,
  k: number,
  engine: KnnEngineOptions = {},
  kPerClass: KPerClassPolicy = 'refuse',
): Promise<RossResult> {
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
  if (kPerClass === 'refuse') {
    const small = classesTooSmall(new Map(kept.map(([label, members]) => [label, members.length])), k);
    if (small.length > 0) throw classTooSmallError(small, k, labels.length, 'mixed');
  }
  // Kept samples in class order; position p in the kept set ↔ original row keptRows[p].
  const keptRows: number[] = [];
  for (const [, members] of kept) keptRows.push(...members);
  const n = keptRows.length;
  const all = selectPoints(h, keptRows);
  const radii = new Float64Array(n);
  const classSize = new Int32Array(n);
  const kOf = new Int32Array(n);
  const kUsed: Record<string, number> = {};
  const kCapped: Record<string, { size: number; k: number }> = {};
  let offset = 0;
  for (const [label, members] of kept) {
    const size = members.length;
    const kc = Math.min(k, size - 1);
    kUsed[String(label)] = kc;
    if (kc < k) kCapped[String(label)] = { size, k: kc };
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
  return { nats: digammaInt(n) + sum / n, n, droppedSingletons, classes: kept.length, kPerClass: kUsed, kCapped };
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
  const r = await rossNats(h, y, o.k, o.engine, o.kPerClass);
  const capped = Object.keys(r.kCapped).length > 0;
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
      kPerClassPolicy: o.kPerClass,
      // Every automatic adjustment is visible: the classes whose k was lowered (under 'cap' only), with their sizes.
      ...(capped ? { kCapped: r.kCapped } : {}),
      jitter: o.jitter,
      // I(H;Y) ≤ H(Y) ≤ ln(#classes).
      ceilingNats: Math.log(r.classes),
    },
  };
}
