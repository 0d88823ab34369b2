import { InvalidInputError, Matrix, testing } from '@cch-lab/core';
import { gaussianMiFromCorrelation, gaussianMiFromCovariance, natsToBits } from './gaussian-mi.js';

/** Float64 closed forms compared with hand-derived values. */
const EXACT = { rtol: 1e-12, atol: 1e-15 };

describe('theory/gaussian-mi', () => {
  it('gives −½ ln(1 − ρ²) for scalars, symmetric in the sign of ρ', () => {
    testing.expectClose(gaussianMiFromCorrelation(0.6), -0.5 * Math.log(1 - 0.36), EXACT);
    testing.expectClose(gaussianMiFromCorrelation(-0.6), gaussianMiFromCorrelation(0.6), EXACT);
    expect(gaussianMiFromCorrelation(0)).toBe(0);
    expect(gaussianMiFromCorrelation(1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('matches the scalar form for a 2 × 2 covariance with unequal variances', () => {
    const rho = 0.3;
    const cov = Matrix.fromRows([
      [4, rho * 2 * 0.5],
      [rho * 2 * 0.5, 0.25],
    ]);
    testing.expectClose(gaussianMiFromCovariance(cov, 1), gaussianMiFromCorrelation(rho), EXACT);
  });

  it('adds up over independent coordinate pairs: −(d/2) ln(1 − ρ²)', () => {
    const d = 4;
    const rho = 0.5;
    const cov = Matrix.zeros(2 * d, 2 * d);
    for (let i = 0; i < d; i++) {
      cov.set(i, i, 1);
      cov.set(d + i, d + i, 1);
      cov.set(i, d + i, rho);
      cov.set(d + i, i, rho);
    }
    testing.expectClose(gaussianMiFromCovariance(cov, d), -(d / 2) * Math.log(1 - rho * rho), EXACT);
    testing.expectClose(natsToBits(Math.LN2), 1, EXACT);
  });

  it('rejects a correlation outside [−1, 1] and a split that leaves a side empty', () => {
    expect(() => gaussianMiFromCorrelation(1.5)).toThrow(InvalidInputError);
    expect(() => gaussianMiFromCovariance(Matrix.fromRows([[1, 0], [0, 1]]), 2)).toThrow(InvalidInputError);
    expect(() => gaussianMiFromCovariance(Matrix.zeros(2, 3), 1)).toThrow(/square/);
  });
});
