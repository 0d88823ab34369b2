/**
 * Mutual information of jointly Gaussian variables in closed form, in nats. These are the ground
 * truth for both sides of the CCH in the linear Gaussian model (REFERENCE.md §1 and §2).
 */
import { InvalidInputError, block, checkInteger, checkNumber, logDetSpd } from '@cch-lab/core';
import type { Matrix } from '@cch-lab/core';

/**
 * I(a; b) = −½ ln(1 − ρ²) for jointly Gaussian scalars with correlation ρ, in nats.
 * @throws InvalidInputError unless ρ is a number in [−1, 1] (|ρ| = 1 gives +∞).
 */
export function gaussianMiFromCorrelation(rho: number): number {
  checkNumber(rho, 'rho', { min: -1, max: 1 }, { where: 'gaussianMiFromCorrelation' });
  // log1p keeps precision for weak dependence, where 1 − ρ² rounds towards 1.
  return -0.5 * Math.log1p(-rho * rho);
}

/**
 * I(A; B) = ½ ln(det Σ_AA · det Σ_BB / det Σ) for a jointly Gaussian vector (A, B) with covariance
 * Σ, where A is the first `dimsA` coordinates and B the rest; in nats.
 * @throws InvalidInputError when Σ is not square, `dimsA` leaves either side empty, or a block is
 * not positive definite.
 */
export function gaussianMiFromCovariance(covariance: Matrix, dimsA: number): number {
  if (covariance.rows !== covariance.cols) {
    throw new InvalidInputError(`gaussianMiFromCovariance: covariance must be square, got ${covariance.rows} × ${covariance.cols}`, {
      details: { field: 'covariance', received: `${covariance.rows} × ${covariance.cols}` },
    });
  }
  const d = covariance.rows;
  checkInteger(dimsA, 'dimsA', { min: 1, max: d - 1 }, { where: 'gaussianMiFromCovariance' });
  const full = covariance.toFloat64();
  const logDetA = logDetSpd(block(full, 0, dimsA, 0, dimsA));
  const logDetB = logDetSpd(block(full, dimsA, d, dimsA, d));
  const logDetJoint = logDetSpd(full);
  return 0.5 * (logDetA + logDetB - logDetJoint);
}

/** Nats to bits (divide by ln 2). */
export function natsToBits(nats: number): number {
  return nats / Math.LN2;
}
