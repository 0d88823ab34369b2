/**
 * The synthetic benchmark of the Modality Focusing Hypothesis (Xue et al., ICLR 2023; REFERENCE.md
 * §1; layout as in the authors' `gauss/main.py`, function `gen_mm_data`).
 *
 * Decisive features xs ~ N(0, I_D), a hyperplane a ~ N(0, I_D), label y = 1[xs·a > 0]. Each
 * modality is N(0, noiseScale²) noise with some coordinates overwritten by decisive features (the
 * coordinate keeps the decisive feature's index):
 *
 * - sweep 'gamma' (paper sweep 1): x1 25-d, x2 50-d, m = 10 decisive dims each. x2 holds xs[0, m);
 *   x1 holds xs[m − shared, 2m − shared), so `shared` dims are in both. D = 2m = 20, so when
 *   shared > 0 the last `shared` decisive dims are in neither modality (as in the reference code).
 *   γ = shared/(2m − shared) (paper: shared/(20 − shared)).
 * - sweep 'alpha' (paper sweep 2): x1 and x2 50-d. x2 holds xs[0, m); x1 holds xs[0, s + m),
 *   s = `extra`. D = dim x1 = 50 (reference code), so x1 sees s + m of them and x2 always m.
 *   α = s/(s + m); γ = 1 − α as the reference code prints.
 *
 * Choices where the paper is silent, recorded in `meta` and overridable: the noise scale (1, the
 * decisive features' own scale), D (above), and one hyperplane per data set shared by its train and
 * test rows (the reference code draws it once per seed).
 */
import { InvalidInputError, Matrix, UnknownMethodError, checkInteger, checkNumber } from '@cch-lab/core';
import type { Rng } from '@cch-lab/core';
import { assertPairedDataset } from '@cch-lab/data';
import type { PairedDataset } from '@cch-lab/data';
import { contiguousSplits } from './contiguous-splits.js';

export const MFH_SWEEPS = ['gamma', 'alpha'] as const;
export type MfhSweep = (typeof MFH_SWEEPS)[number];

/** The paper's sweep values: shared ∈ {0, 2, …, 10} for gamma, extra ∈ {0, 10, …, 40} for alpha. */
export const MFH_PAPER_LEVELS: Readonly<Record<MfhSweep, readonly number[]>> = Object.freeze({
  gamma: [0, 2, 4, 6, 8, 10],
  alpha: [0, 10, 20, 30, 40],
});

export interface MfhGaussianOptions {
  /** Which benchmark: 'gamma' (sweep 1) or 'alpha' (sweep 2). Default 'gamma'. */
  sweep?: MfhSweep;
  /** Sweep 'gamma': decisive dims held by both modalities, 0..m. Default 0. */
  shared?: number;
  /** Sweep 'alpha': decisive dims held by x1 only (s). Default 0. */
  extra?: number;
  /** Training rows. Default 200. */
  nTrain?: number;
  /** Test rows. Default 1000. */
  nTest?: number;
  /** Dimension of x1 (the teacher's modality). Default 25 (gamma) or 50 (alpha). */
  teacherDims?: number;
  /** Dimension of x2 (the student's modality). Default 50. */
  studentDims?: number;
  /** m: decisive dims per modality (gamma) or held by x2 (alpha). Default 10. */
  decisivePerModality?: number;
  /** D: decisive dims the label depends on. Default 2m (gamma) or teacherDims (alpha), as the reference code. */
  decisiveDims?: number;
  /** Standard deviation of the noise coordinates. Default 1. */
  noiseScale?: number;
  /** Also return xs as modality 'decisive' (for checks). Default false. */
  includeDecisive?: boolean;
}

/** Which decisive features a modality holds: coordinates [start, end) hold xs[start, end). */
export interface DecisiveRange {
  start: number;
  end: number;
}

/**
 * One draw of the MFH benchmark as a PairedDataset (classification, 2 classes, 'simulated';
 * splits train = first nTrain rows, test = the rest; γ, α and the layout in `meta`).
 * @throws InvalidInputError when the layout does not fit the dimensions; UnknownMethodError for an
 * unknown sweep.
 */
export function mfhGaussian(options: MfhGaussianOptions, rng: Rng): PairedDataset {
  const where = { where: 'mfhGaussian' };
  const sweep = options.sweep ?? 'gamma';
  if (!MFH_SWEEPS.includes(sweep)) throw new UnknownMethodError('MFH sweep', String(sweep), MFH_SWEEPS);
  const m = checkInteger(options.decisivePerModality ?? 10, 'decisivePerModality', { min: 1 }, where);
  const p1 = checkInteger(options.teacherDims ?? (sweep === 'gamma' ? 25 : 50), 'teacherDims', { min: 1 }, where);
  const p2 = checkInteger(options.studentDims ?? 50, 'studentDims', { min: m }, where);
  const nTrain = checkInteger(options.nTrain ?? 200, 'nTrain', { min: 1 }, where);
  const nTest = checkInteger(options.nTest ?? 1000, 'nTest', { min: 1 }, where);
  const noiseScale = checkNumber(options.noiseScale ?? 1, 'noiseScale', { min: 0 }, where);

  let x1Range: DecisiveRange;
  let level: number;
  let gamma: number;
  let alpha: number | null;
  let defaultD: number;
  if (sweep === 'gamma') {
    if (options.extra !== undefined) throw misplaced('extra', 'gamma', 'shared');
    level = checkInteger(options.shared ?? 0, 'shared', { min: 0, max: m }, where);
    x1Range = { start: m - level, end: 2 * m - level };
    gamma = level / (2 * m - level);
    alpha = null;
    defaultD = 2 * m;
  } else {
    if (options.shared !== undefined) throw misplaced('shared', 'alpha', 'extra');
    level = checkInteger(options.extra ?? 0, 'extra', { min: 0 }, where);
    x1Range = { start: 0, end: level + m };
    alpha = level / (level + m);
    gamma = 1 - alpha;
    defaultD = p1;
  }
  const x2Range: DecisiveRange = { start: 0, end: m };
  if (x1Range.end > p1) {
    throw new InvalidInputError(`mfhGaussian: x1 must hold coordinates ${x1Range.start}..${x1Range.end - 1} but has only ${p1}`, {
      details: { field: 'teacherDims', received: String(p1) },
      hint: `use teacherDims ≥ ${x1Range.end}`,
    });
  }
  const d = checkInteger(options.decisiveDims ?? defaultD, 'decisiveDims', { min: Math.max(x1Range.end, x2Range.end) }, where);

  const hyperplane = rng.derive('mfh/hyperplane').normals(d);
  const rows = rng.derive('mfh/rows');
  const n = nTrain + nTest;
  const x1 = Matrix.zeros(n, p1, 'float32');
  const x2 = Matrix.zeros(n, p2, 'float32');
  const decisive = Matrix.zeros(n, d, 'float32');
  const labels = new Int32Array(n);
  const xs = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    let score = 0;
    for (let k = 0; k < d; k++) {
      xs[k] = rows.normal();
      score += xs[k] * hyperplane[k];
    }
    labels[i] = score > 0 ? 1 : 0;
    fillModality(x1.data, i, p1, xs, x1Range, noiseScale, rows);
    fillModality(x2.data, i, p2, xs, x2Range, noiseScale, rows);
    decisive.data.set(xs, i * d);
  }

  const dataset: PairedDataset = {
    name: `mfh-gaussian-${sweep}`,
    source: 'simulated',
    modalities: options.includeDecisive === true ? { x1, x2, decisive } : { x1, x2 },
    labels,
    task: 'classification',
    classes: ['0', '1'],
    splits: contiguousSplits(nTrain, 0, nTest),
    meta: {
      generator: 'mfhGaussian',
      reference: 'Xue et al., The Modality Focusing Hypothesis, ICLR 2023 (github.com/zihuixue/MFH, gauss/main.py)',
      sweep,
      shared: sweep === 'gamma' ? level : null,
      extra: sweep === 'alpha' ? level : null,
      gamma,
      alpha,
      decisivePerModality: m,
      decisiveDims: d,
      teacherDims: p1,
      studentDims: p2,
      layout: { x1: x1Range, x2: x2Range },
      noiseScale,
      hyperplane: Array.from(hyperplane),
      nTrain,
      nTest,
      seed: rng.seed,
    },
  };
  assertPairedDataset(dataset, 'mfhGaussian');
  return dataset;
}

/** Noise everywhere, then the decisive features at their own indices. */
function fillModality(out: Float32Array, i: number, dims: number, xs: Float64Array, range: DecisiveRange, scale: number, rng: Rng): void {
  const base = i * dims;
  for (let j = 0; j < dims; j++) out[base + j] = scale * rng.normal();
  for (let j = range.start; j < range.end; j++) out[base + j] = xs[j];
}

function misplaced(field: string, sweep: MfhSweep, expected: string): InvalidInputError {
  return new InvalidInputError(`mfhGaussian: '${field}' does not apply to the ${sweep} sweep`, {
    details: { field, received: sweep },
    hint: `the ${sweep} sweep is set by '${expected}'`,
  });
}
