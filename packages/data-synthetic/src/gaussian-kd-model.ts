/**
 * The paper's joint Gaussian model (Theorem 1), built so that the CCH margin can be swept while
 * the student's side I(w*'x2; y) stays fixed, with both sides analytic for every setting.
 *
 * Construction. Independent standard normal latents s, r, ε, ξ and unit directions u ⟂ u_r in the
 * student space, g in the teacher space (axes by default, random with `directions: 'random'`):
 *
 *   x2 ~ N(0, I_p2),             s = u'x2 (the student's signal), r = u_r'x2 (irrelevant to y)
 *   y  = ρ s + σ ε,              ρ² = 1 − e^(−2·studentLabelMi), σ² = 1 − ρ²
 *   x1 ~ N(0, I_p1) except g'x1 = h = c_s s + c_r r + c_ε ε + c_ξ ξ   (c_s² + c_r² + c_ε² + c_ξ² = 1)
 *
 * so Σ11 = I, Σ22 = I, Var y = 1, Σ12 = g (c_s u + c_r u_r)', Σ13 = q g, Σ23 = ρ u with
 * q = c_s ρ + c_ε σ. The population teacher (least squares of y on x1) is w1 = q g, so t = q h and
 * corr(t, y) = q. The student's best fit is w* = ρ u. Hence, in nats,
 *
 *   I(w*'x2; y)   = −½ ln(1 − ρ²)      = studentLabelMi            (fixed by the caller)
 *   I(w1'x1; w*'x2) = −½ ln(1 − c_s²)  ⇒  margin = ½ ln((1 − ρ²)/(1 − c_s²)),
 *
 * and the caller's `margin` fixes c_s (the teacher–student cross-covariance along the signal).
 * The teacher's other coefficients are free and documented, not tuned: c_ε (`privileged`) is how
 * much of the label noise the student cannot see the teacher knows — or give `teacherQuality` = q
 * and c_ε is solved; c_r (`offTarget`) aligns the teacher with a student direction unrelated to
 * y; c_ξ takes the rest (private teacher noise, kept ≥ 1e-3 so Σ is non-singular).
 *
 * What decides the KD outcome: for the population teacher the exact risk (theory package) depends
 * on Var e_y = σ², Cov(e_y, e_t) = σ q c_ε, Var e_t = q²(c_ε² + c_ξ²) and
 * ‖v − w*‖² = (q c_s − ρ)² + q² c_r², and on λ and n/p. The margin moves only c_s; the gain's sign
 * also moves with λ, n/p, c_ε and c_r — the experiment shows that, the construction does not
 * decide it.
 */
import { InvalidInputError, Matrix, UnknownMethodError, checkInteger } from '@cch-lab/core';
import type { Rng } from '@cch-lab/core';
import { assertPairedDataset } from '@cch-lab/data';
import type { PairedDataset } from '@cch-lab/data';
import { gaussianMiFromCorrelation, kdMomentsFromCovariance, kdPopulation } from '@cch-lab/theory';
import type { CchSides, KdMoments, KdPopulation } from '@cch-lab/theory';
import { contiguousSplits } from './contiguous-splits.js';
import { gaussianSampler } from './gaussian-sampler.js';
import { buildCovariance, latentCoefficients, signalDirections } from './gaussian-kd-construction.js';
import type { LatentCoefficients } from './gaussian-kd-construction.js';

export const DIRECTION_MODES = ['axis', 'random'] as const;
/** axis: u = e0, u_r = e1 in x2 and g = e0 in x1; random: random orthonormal directions (needs `rng`). */
export type DirectionMode = (typeof DIRECTION_MODES)[number];

export interface GaussianKdModelOptions {
  /** Dimension p1 of the teacher modality x1. Default 100. */
  teacherDims?: number;
  /** Dimension p2 of the student modality x2 (the p of the exact risk). Default 100. */
  studentDims?: number;
  /** I(w*'x2; y) in nats, held fixed across a margin sweep. Default ½ ln 2 ≈ 0.347 (ρ² = 0.5). */
  studentLabelMi?: number;
  /** The CCH margin I(w1'x1; w*'x2) − I(w*'x2; y) in nats, ≥ −studentLabelMi. Default 0. */
  margin?: number;
  /** c_ε ∈ [−1, 1]: correlation of the teacher's output with the label noise ε the student cannot see. Default 0.3. */
  privileged?: number;
  /** corr(t, y) of the population teacher; when given, c_ε is solved from it and `privileged` is ignored. */
  teacherQuality?: number;
  /** c_r ∈ [−1, 1]: correlation of the teacher's output with a student direction unrelated to y. Default 0. */
  offTarget?: number;
  /** Where the signal directions point. Default 'axis'. */
  directions?: DirectionMode;
  /** Source of the random directions (required when directions = 'random'). */
  rng?: Rng;
  /** A teacher w1 (length p1) to use instead of the population fit; the CCH sides are then its own. */
  teacherWeights?: ArrayLike<number>;
}

const DEFAULTS = Object.freeze({
  teacherDims: 100,
  studentDims: 100,
  studentLabelMi: 0.5 * Math.LN2,
  margin: 0,
  privileged: 0.3,
  offTarget: 0,
  directions: 'axis' as DirectionMode,
});

export interface SampleOptions {
  /** Held-out test rows (for measured risk). Default 10 000. */
  nTest?: number;
  /** Validation rows. Default 0. */
  nVal?: number;
}

export interface GaussianKdModel {
  /** Covariance of (x1, x2, y), (p1 + p2 + 1) square, float64. */
  covariance: Matrix<Float64Array>;
  dims: { teacherDims: number; studentDims: number };
  /** The teacher used for the CCH sides and moments: `teacherWeights` if given, else the population fit. */
  teacherWeights: Float64Array;
  /** Σ11⁻¹Σ13 = q g. */
  populationTeacher: Float64Array;
  /** w* = Σ22⁻¹Σ23 = ρ u. */
  studentOptimum: Float64Array;
  coefficients: LatentCoefficients;
  /** Moments of (x2, y, t) for `teacherWeights`: pass as `{ moments }` to theory's exactKdRisk. */
  moments: KdMoments;
  /** Analytic CCH sides for `teacherWeights` (nats). */
  sides: CchSides;
  /** The resolved parameters, JSON-ready (copied into every sample's meta). */
  parameters: Record<string, unknown>;
  /** n training rows (+ test and val rows) as a PairedDataset; same rng → same rows. */
  sample(n: number, rng: Rng, options?: SampleOptions): PairedDataset;
}

/**
 * Builds the paper's joint Gaussian KD model for a target CCH margin at fixed I(w*'x2; y).
 * @throws InvalidInputError when the requested margin, quality and off-target level cannot be
 * realised together (the message gives the feasible range), or on bad dimensions.
 * @throws UnknownMethodError for an unknown `directions` mode.
 */
export function gaussianKdModel(options: GaussianKdModelOptions = {}): GaussianKdModel {
  const where = { where: 'gaussianKdModel' };
  const p1 = checkInteger(options.teacherDims ?? DEFAULTS.teacherDims, 'teacherDims', { min: 1 }, where);
  const p2 = checkInteger(options.studentDims ?? DEFAULTS.studentDims, 'studentDims', { min: 2 }, where);
  const directions = options.directions ?? DEFAULTS.directions;
  if (!DIRECTION_MODES.includes(directions)) throw new UnknownMethodError('directions mode', String(directions), DIRECTION_MODES);
  const c = latentCoefficients({
    studentLabelMi: options.studentLabelMi ?? DEFAULTS.studentLabelMi,
    margin: options.margin ?? DEFAULTS.margin,
    offTarget: options.offTarget ?? DEFAULTS.offTarget,
    privileged: options.privileged ?? DEFAULTS.privileged,
    teacherQuality: options.teacherQuality,
  });
  const { u, ur, g } = signalDirections(p1, p2, directions, options.rng);
  const covariance = buildCovariance(c, u, ur, g);
  const populationTeacher = Float64Array.from(g, (gi) => c.q * gi);
  let teacherWeights = populationTeacher;
  if (options.teacherWeights !== undefined) {
    if (options.teacherWeights.length !== p1) {
      throw new InvalidInputError(`gaussianKdModel: teacherWeights must have length p1 = ${p1}`, {
        details: { field: 'teacherWeights', received: String(options.teacherWeights.length) },
      });
    }
    teacherWeights = Float64Array.from(options.teacherWeights);
  }
  const moments = kdMomentsFromCovariance(covariance, { teacherDims: p1, studentDims: p2 }, teacherWeights);
  const sides = cchSidesOf(kdPopulation({ moments }));
  const parameters = {
    teacherDims: p1,
    studentDims: p2,
    studentLabelMi: gaussianMiFromCorrelation(c.rho),
    requestedMargin: options.margin ?? DEFAULTS.margin,
    coefficients: { ...c },
    directions,
    directionsSeed: directions === 'random' ? (options.rng?.seed ?? null) : null,
    teacher: options.teacherWeights === undefined ? 'population' : 'given',
    teacherWeights: options.teacherWeights === undefined ? null : Array.from(teacherWeights),
    sides: { ...sides },
  };
  const sampler = gaussianSampler(covariance);
  return {
    covariance,
    dims: { teacherDims: p1, studentDims: p2 },
    teacherWeights,
    populationTeacher,
    studentOptimum: Float64Array.from(u, (ui) => c.rho * ui),
    coefficients: c,
    moments,
    sides,
    parameters,
    sample: (n, rng, sampleOptions = {}) => sampleDataset(sampler, p1, p2, parameters, n, rng, sampleOptions),
  };
}

/** The CCH sides of a population, without its vectors (JSON-ready: they go into every sample's meta). */
function cchSidesOf(population: KdPopulation): CchSides {
  const { teacherStudentCorrelation, studentLabelCorrelation, teacherLabelCorrelation, teacherStudentMi, studentLabelMi, teacherLabelMi, margin } =
    population;
  return { teacherStudentCorrelation, studentLabelCorrelation, teacherLabelCorrelation, teacherStudentMi, studentLabelMi, teacherLabelMi, margin };
}

function sampleDataset(
  sampler: ReturnType<typeof gaussianSampler>,
  p1: number,
  p2: number,
  parameters: Record<string, unknown>,
  nTrain: number,
  rng: Rng,
  options: SampleOptions,
): PairedDataset {
  const where = { where: 'gaussianKdModel.sample' };
  checkInteger(nTrain, 'n', { min: 1 }, where);
  const nTest = checkInteger(options.nTest ?? 10_000, 'nTest', { min: 0 }, where);
  const nVal = checkInteger(options.nVal ?? 0, 'nVal', { min: 0 }, where);
  const total = nTrain + nVal + nTest;
  const x1 = Matrix.zeros(total, p1, 'float32');
  const x2 = Matrix.zeros(total, p2, 'float32');
  const labels = new Float32Array(total);
  sampler.sample(total, rng.derive('gaussian-kd/rows'), (i, row) => {
    x1.data.set(row.subarray(0, p1), i * p1);
    x2.data.set(row.subarray(p1, p1 + p2), i * p2);
    labels[i] = row[p1 + p2];
  });
  const dataset: PairedDataset = {
    name: 'synthetic-gaussian-kd',
    source: 'simulated',
    modalities: { x1, x2 },
    labels,
    task: 'regression',
    splits: contiguousSplits(nTrain, nVal, nTest),
    meta: {
      generator: 'gaussianKdModel',
      ...parameters,
      nTrain,
      nVal,
      nTest,
      seed: rng.seed,
      storage: 'generated in float64, stored as float32',
    },
  };
  assertPairedDataset(dataset, 'gaussianKdModel.sample');
  return dataset;
}
