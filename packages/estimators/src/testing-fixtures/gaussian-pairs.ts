/** Test data with known mutual information (REFERENCE.md §2, "Ground truth to test against"). */
import { Matrix, type Rng } from '@cch-lab/core';

// Module bindings: global `Math.x` lookups are ~50× slower under jest's vm context.
const { exp, log, PI } = Math;

/**
 * n rows of d-dimensional x and y with per-coordinate correlation ρ (coordinates independent
 * otherwise): I(X;Y) = −(d/2) ln(1 − ρ²) nats.
 */
export function correlatedGaussianPair(rng: Rng, n: number, d: number, rho: number): { x: Matrix<Float64Array>; y: Matrix<Float64Array>; truth: number } {
  const x = Matrix.zeros(n, d);
  const y = Matrix.zeros(n, d);
  const s = Math.sqrt(1 - rho * rho);
  for (let i = 0; i < n * d; i++) {
    const a = rng.normal();
    x.data[i] = a;
    y.data[i] = rho * a + s * rng.normal();
  }
  return { x, y, truth: -(d / 2) * Math.log1p(-rho * rho) };
}

/** The 2-d Gaussian of the LMI reference demo (cov [[6,3],[3,3.5]]) projected linearly to dx + dy dims. */
export function lmiDemoData(rng: Rng, n: number, dx: number, dy: number): { x: Matrix<Float64Array>; y: Matrix<Float64Array>; truthBits: number } {
  // Cholesky of [[6,3],[3,3.5]].
  const l11 = Math.sqrt(6);
  const l21 = 3 / l11;
  const l22 = Math.sqrt(3.5 - l21 * l21);
  const px = rng.normals(dx);
  const py = rng.normals(dy);
  const x = Matrix.zeros(n, dx);
  const y = Matrix.zeros(n, dy);
  for (let i = 0; i < n; i++) {
    const a = rng.normal();
    const b = rng.normal();
    const u = l11 * a;
    const v = l21 * a + l22 * b;
    for (let c = 0; c < dx; c++) x.data[i * dx + c] = u * px[c];
    for (let c = 0; c < dy; c++) y.data[i * dy + c] = v * py[c];
  }
  const rho2 = (3 * 3) / (6 * 3.5);
  return { x, y, truthBits: -0.5 * Math.log2(1 - rho2) };
}

/**
 * A labelled Gaussian mixture in `dims` dimensions: class c (probability 1/C) has mean
 * separation · (cos 2πc/C, sin 2πc/C, 0, …) and identity covariance, so only the first two
 * coordinates carry label information. Returns the truth I(H;Y) computed by 2-d quadrature.
 */
export function labelledMixture(rng: Rng, n: number, dims: number, classes: number, separation: number): { h: Matrix<Float64Array>; labels: Int32Array; truth: number } {
  const means = Array.from({ length: classes }, (_, c) => [separation * Math.cos((2 * Math.PI * c) / classes), separation * Math.sin((2 * Math.PI * c) / classes)]);
  const h = Matrix.zeros(n, dims);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = rng.int(classes);
    labels[i] = c;
    for (let j = 0; j < dims; j++) h.data[i * dims + j] = rng.normal() + (j < 2 ? means[c][j] : 0);
  }
  return { h, labels, truth: mixtureMi(means) };
}

/** I(H;Y) = Σ_c p_c ∫ φ(h − μ_c) ln(φ(h − μ_c) / Σ_c' p_c' φ(h − μ_c')) dh on a fine 2-d grid. */
function mixtureMi(means: number[][]): number {
  const c = means.length;
  // The integrand is smooth, so the midpoint rule at 0.05 is accurate to ~1e-6 nats.
  const step = 0.05;
  const extent = 8 + Math.max(...means.flat().map(Math.abs));
  let total = 0;
  for (let u = -extent; u <= extent; u += step) {
    for (let v = -extent; v <= extent; v += step) {
      const dens = means.map(([a, b]) => exp(-0.5 * ((u - a) ** 2 + (v - b) ** 2)) / (2 * PI));
      const mix = dens.reduce((s, d) => s + d, 0) / c;
      if (mix <= 0) continue;
      for (const d of dens) if (d > 0) total += (d / c) * log(d / mix) * step * step;
    }
  }
  return total;
}
