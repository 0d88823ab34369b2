/**
 * A small latent-factor model with known closed forms (the construction data-synthetic uses):
 * x2 = (s, r, n3), y = ρ s + σ ε, x1 = (h, m2) with h = c_s s + c_r r + c_ε ε + c_ξ ξ; all latents
 * independent N(0, 1). Test-only.
 */
import { Matrix, matMul } from '@cch-lab/core';

export interface LatentCoefficients {
  rho: number;
  cs: number;
  cr: number;
  ce: number;
}

/** The 6 × 6 covariance of (x1 (2), x2 (3), y) and the closed forms it implies. */
export function latentModel(c: LatentCoefficients) {
  const sigma = Math.sqrt(1 - c.rho * c.rho);
  const cx = Math.sqrt(1 - c.cs * c.cs - c.cr * c.cr - c.ce * c.ce);
  // Columns: s, r, ε, ξ, n3, m2.
  const loadings = Matrix.fromRows([
    [c.cs, c.cr, c.ce, cx, 0, 0], // x1[0] = h
    [0, 0, 0, 0, 0, 1], // x1[1] = m2
    [1, 0, 0, 0, 0, 0], // x2[0] = s
    [0, 1, 0, 0, 0, 0], // x2[1] = r
    [0, 0, 0, 0, 1, 0], // x2[2] = n3
    [c.rho, 0, sigma, 0, 0, 0], // y
  ]);
  const covariance = matMul(loadings, loadings.transpose());
  const q = c.cs * c.rho + c.ce * sigma;
  return {
    covariance,
    dims: { teacherDims: 2, studentDims: 3 },
    populationTeacher: Float64Array.from([q, 0]),
    expected: {
      q,
      wStar: [c.rho, 0, 0],
      v: [q * c.cs, q * c.cr, 0],
      varEy: sigma * sigma,
      varEt: q * q * (c.ce * c.ce + cx * cx),
      covEyEt: sigma * q * c.ce,
      biasDistance: (q * c.cs - c.rho) ** 2 + q * q * c.cr * c.cr,
      teacherStudentCorrelation: Math.sign(q) * c.cs,
      margin: 0.5 * Math.log((1 - c.rho * c.rho) / (1 - c.cs * c.cs)),
    },
  };
}
