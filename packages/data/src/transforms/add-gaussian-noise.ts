/** Additive Gaussian noise, the paper's teacher-degradation knob (noise-injection sweeps). */
import { Matrix, checkNumber } from '@cch-lab/core';
import type { Rng } from '@cch-lab/core';

/**
 * A new matrix x + sd·ε with ε ~ N(0, 1) i.i.d. per entry, drawn from `rng` in row-major order;
 * same shape and dtype as `x`. sd = 0 returns a copy (and draws nothing).
 *
 * @param sd Noise standard deviation, in the units of x; finite and ≥ 0.
 * @throws InvalidInputError for a negative or non-finite sd.
 */
export function addGaussianNoise(x: Matrix, sd: number, rng: Rng): Matrix {
  checkNumber(sd, 'sd', { min: 0 }, { where: 'addGaussianNoise' });
  const out = x.clone();
  if (sd === 0) return out;
  const data = out.data;
  for (let k = 0; k < data.length; k++) data[k] += sd * rng.normal();
  return out;
}
