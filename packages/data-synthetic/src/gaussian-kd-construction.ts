/**
 * The latent construction behind `gaussianKdModel` (its doc comment states the model): solving the
 * teacher's coefficients from the requested margin and quality, the signal directions, and the
 * block covariance of (x1, x2, y).
 */
import { InvalidInputError, Matrix, checkNumber } from '@cch-lab/core';
import type { Rng } from '@cch-lab/core';
import { gaussianMiFromCorrelation } from '@cch-lab/theory';

/** The requested teacher: margin and student MI in nats, and the free coefficients. */
export interface ConstructionRequest {
  studentLabelMi: number;
  margin: number;
  offTarget: number;
  privileged: number;
  /** When given, c_ε is solved from it and `privileged` is ignored. */
  teacherQuality?: number;
}

/** The teacher keeps at least this much private noise variance so Σ stays positive definite. */
const MIN_PRIVATE_VARIANCE = 1e-3;

/** The latent coefficients of the construction (see the file's doc). */
export interface LatentCoefficients {
  rho: number;
  sigma: number;
  cs: number;
  cr: number;
  ce: number;
  cxi: number;
  /** Population teacher quality corr(t, y) = c_s ρ + c_ε σ. */
  q: number;
}

/** Solves the construction's coefficients from the options, or explains what is infeasible. */
export function latentCoefficients(options: ConstructionRequest): LatentCoefficients {
  const where = { where: 'gaussianKdModel' };
  const iy = checkNumber(options.studentLabelMi, 'studentLabelMi', { min: 1e-6, max: 10 }, where);
  const margin = checkNumber(options.margin, 'margin', { min: -iy }, where);
  const cr = checkNumber(options.offTarget, 'offTarget', { min: -1, max: 1 }, where);
  const rho = Math.sqrt(-Math.expm1(-2 * iy));
  const sigma = Math.sqrt(Math.exp(-2 * iy));
  // I(t; w*'x2) = margin + iy = −½ ln(1 − c_s²).
  const cs = Math.sqrt(-Math.expm1(-2 * (margin + iy)));
  let ce: number;
  if (options.teacherQuality !== undefined) {
    const q = checkNumber(options.teacherQuality, 'teacherQuality', { min: -1, max: 1 }, where);
    ce = (q - cs * rho) / sigma;
  } else {
    ce = checkNumber(options.privileged, 'privileged', { min: -1, max: 1 }, where);
  }
  const used = cs * cs + cr * cr + ce * ce;
  if (used > 1 - MIN_PRIVATE_VARIANCE) {
    const room = 1 - MIN_PRIVATE_VARIANCE - cr * cr - ce * ce;
    const maxMargin = room > 0 ? gaussianMiFromCorrelation(Math.sqrt(room)) - iy : Number.NaN;
    throw new InvalidInputError(
      `gaussianKdModel: the teacher cannot have c_s² + c_r² + c_ε² = ${used.toFixed(4)} > ${1 - MIN_PRIVATE_VARIANCE} ` +
        `(margin ${margin} gives c_s = ${cs.toFixed(4)}, offTarget c_r = ${cr}, ${options.teacherQuality !== undefined ? `teacherQuality ${options.teacherQuality} gives` : 'privileged'} c_ε = ${ce.toFixed(4)})`,
      {
        details: { field: 'margin', received: String(margin), maxMargin },
        hint: Number.isFinite(maxMargin)
          ? `with these c_r and c_ε the margin must be ≤ ${maxMargin.toFixed(4)} nats; or lower |privileged|, |offTarget| or teacherQuality`
          : 'lower |privileged| (or teacherQuality) and |offTarget|: together they leave no room for the signal',
      },
    );
  }
  const cxi = Math.sqrt(1 - used);
  return { rho, sigma, cs, cr, ce, cxi, q: cs * rho + ce * sigma };
}

/** Unit u ⟂ u_r in R^p2 and unit g in R^p1. */
export function signalDirections(p1: number, p2: number, mode: 'axis' | 'random', rng: Rng | undefined) {
  const u = new Float64Array(p2);
  const ur = new Float64Array(p2);
  const g = new Float64Array(p1);
  if (mode === 'axis') {
    u[0] = 1;
    ur[1] = 1;
    g[0] = 1;
    return { u, ur, g };
  }
  if (rng === undefined) {
    throw new InvalidInputError("gaussianKdModel: directions 'random' needs an rng", {
      details: { field: 'rng' },
      hint: "pass rng (e.g. createRng(seed).derive('directions')) or use directions: 'axis'",
    });
  }
  const stream = rng.derive('gaussian-kd/directions');
  for (let j = 0; j < p2; j++) u[j] = stream.normal();
  for (let j = 0; j < p2; j++) ur[j] = stream.normal();
  for (let j = 0; j < p1; j++) g[j] = stream.normal();
  normalise(u);
  // Gram–Schmidt: remove u from u_r.
  let proj = 0;
  for (let j = 0; j < p2; j++) proj += u[j] * ur[j];
  for (let j = 0; j < p2; j++) ur[j] -= proj * u[j];
  normalise(ur);
  normalise(g);
  return { u, ur, g };
}

function normalise(v: Float64Array): void {
  let s = 0;
  for (let j = 0; j < v.length; j++) s += v[j] * v[j];
  const norm = Math.sqrt(s);
  for (let j = 0; j < v.length; j++) v[j] /= norm;
}

/** Σ of (x1, x2, y) from the blocks in the file's doc. */
export function buildCovariance(c: LatentCoefficients, u: Float64Array, ur: Float64Array, g: Float64Array): Matrix<Float64Array> {
  const p1 = g.length;
  const p2 = u.length;
  const d = p1 + p2 + 1;
  const cov = Matrix.zeros(d, d);
  const set = (i: number, j: number, v: number) => {
    cov.data[i * d + j] = v;
    cov.data[j * d + i] = v;
  };
  for (let i = 0; i < p1 + p2; i++) cov.data[i * d + i] = 1;
  cov.data[d * d - 1] = 1;
  for (let i = 0; i < p1; i++) {
    if (g[i] === 0) continue;
    for (let j = 0; j < p2; j++) set(i, p1 + j, g[i] * (c.cs * u[j] + c.cr * ur[j]));
    set(i, d - 1, g[i] * c.q);
  }
  for (let j = 0; j < p2; j++) set(p1 + j, d - 1, c.rho * u[j]);
  return cov;
}
