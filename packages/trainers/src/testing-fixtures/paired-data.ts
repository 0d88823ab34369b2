/**
 * Small generated paired data sets for tests (the real generators live in data-synthetic; these
 * are self-contained so trainers' tests do not depend on another package under construction).
 */
import { Matrix, type Rng } from '@cch-lab/core';
import type { PairedDataset } from '@cch-lab/data';

/** Contiguous splits in generation order (rows are iid, so order carries no information). */
export function contiguousSplits(n: number, fractions: { train: number; val: number }): PairedDataset['splits'] {
  const nTrain = Math.round(n * fractions.train);
  const nVal = Math.round(n * fractions.val);
  const range = (a: number, b: number) => Int32Array.from({ length: b - a }, (_, i) => a + i);
  return { train: range(0, nTrain), val: range(nTrain, nTrain + nVal), test: range(nTrain + nVal, n) };
}

export interface ClassificationFixture {
  n: number;
  classes: number;
  /** Width of each modality. */
  dims: Record<string, number>;
  /** Separation of class means in each modality (0 = pure noise). */
  strength: Record<string, number>;
  rng: Rng;
  /** Class frequencies (default uniform). */
  frequencies?: number[];
}

/** Gaussian class clusters seen through several modalities of different strength. */
export function pairedClassification(f: ClassificationFixture): PairedDataset {
  const labels = new Int32Array(f.n);
  const cumulative = (f.frequencies ?? new Array(f.classes).fill(1 / f.classes)).map(
    (_, i, a) => a.slice(0, i + 1).reduce((s, v) => s + v, 0),
  );
  for (let i = 0; i < f.n; i++) {
    const u = f.rng.uniform() * cumulative[cumulative.length - 1];
    labels[i] = cumulative.findIndex((c) => u < c);
  }
  const modalities: Record<string, Matrix> = {};
  for (const [name, d] of Object.entries(f.dims)) {
    const centres = Float64Array.from(f.rng.normals(f.classes * d));
    const x = Matrix.zeros(f.n, d, 'float32');
    for (let i = 0; i < f.n; i++) {
      for (let j = 0; j < d; j++) x.set(i, j, f.strength[name] * centres[labels[i] * d + j] + f.rng.normal());
    }
    modalities[name] = x;
  }
  return {
    name: 'fixture-classification',
    source: 'simulated',
    modalities,
    labels,
    task: 'classification',
    classes: Array.from({ length: f.classes }, (_, c) => `c${c}`),
    splits: contiguousSplits(f.n, { train: 0.6, val: 0.2 }),
    meta: { fixture: true },
  };
}

/**
 * Linear-Gaussian regression pair: x1 (teacher modality) and x2 (student) share a latent z;
 * y = z·β + noise. No intercept anywhere (zero-mean data), as in the paper's Theorem 1.
 */
export function pairedRegression(n: number, p: number, rng: Rng): PairedDataset {
  const x1 = Matrix.zeros(n, p, 'float32');
  const x2 = Matrix.zeros(n, p, 'float32');
  const labels = new Float32Array(n);
  const beta = Array.from({ length: p }, (_, j) => (j % 2 === 0 ? 1 : -0.5) * (1 + j / p));
  for (let i = 0; i < n; i++) {
    let y = 0;
    for (let j = 0; j < p; j++) {
      const z = rng.normal();
      x1.set(i, j, z + 0.3 * rng.normal());
      x2.set(i, j, z + 0.8 * rng.normal());
      y += beta[j] * z;
    }
    labels[i] = y + 0.5 * rng.normal();
  }
  return {
    name: 'fixture-regression',
    source: 'simulated',
    modalities: { x1, x2 },
    labels,
    task: 'regression',
    splits: contiguousSplits(n, { train: 0.8, val: 0 }),
    meta: { fixture: true },
  };
}

/** Tiny images (h × w × c, flattened HWC) whose class sets the mean brightness of one quadrant. */
export function pairedImages(n: number, shape: [number, number, number], rng: Rng): PairedDataset {
  const [h, w, c] = shape;
  const labels = new Int32Array(n);
  const image = Matrix.zeros(n, h * w * c, 'float32');
  for (let i = 0; i < n; i++) {
    const y = rng.int(4);
    labels[i] = y;
    for (let r = 0; r < h; r++) {
      for (let q = 0; q < w; q++) {
        const quadrant = (r < h / 2 ? 0 : 2) + (q < w / 2 ? 0 : 1);
        for (let k = 0; k < c; k++) image.set(i, (r * w + q) * c + k, (quadrant === y ? 1 : 0) + 0.5 * rng.normal());
      }
    }
  }
  return {
    name: 'fixture-images',
    source: 'simulated',
    modalities: { image },
    featureShapes: { image: [h, w, c] },
    labels,
    task: 'classification',
    classes: ['tl', 'tr', 'bl', 'br'],
    splits: contiguousSplits(n, { train: 0.6, val: 0.2 }),
    meta: { fixture: true },
  };
}
