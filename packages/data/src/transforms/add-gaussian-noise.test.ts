import { InvalidInputError, Matrix, Rng, mean, standardDeviation, testing } from '@cch-lab/core';
import { addGaussianNoise } from './add-gaussian-noise.js';

describe('data/add-gaussian-noise', () => {
  it('adds N(0, sd²) noise: mean and sd of the added values within a few standard errors', () => {
    const n = 20000;
    const x = Matrix.zeros(n / 4, 4);
    x.data.fill(3);
    const y = addGaussianNoise(x, 0.5, new Rng(12));
    const noise = Float64Array.from(y.data, (v) => v - 3);
    testing.expectWithinSe(mean(noise), 0, 0.5 / Math.sqrt(n), 4, 'noise mean');
    // The sd of a normal sample's sd is about σ/√(2n).
    testing.expectWithinSe(standardDeviation(noise), 0.5, 0.5 / Math.sqrt(2 * n), 4, 'noise sd');
    expect(x.data[0]).toBe(3);
  });

  it('is deterministic for a seed and keeps the dtype', () => {
    const x = Matrix.zeros(3, 2, 'float32');
    const a = addGaussianNoise(x, 1, new Rng(1));
    const b = addGaussianNoise(x, 1, new Rng(1));
    expect(a.dtype).toBe('float32');
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    expect(Array.from(addGaussianNoise(x, 1, new Rng(2)).data)).not.toEqual(Array.from(a.data));
  });

  it('returns a copy for sd 0 and rejects a negative sd', () => {
    const x = Matrix.fromRows([[1, 2]]);
    const y = addGaussianNoise(x, 0, new Rng(1));
    expect(y).not.toBe(x);
    expect(Array.from(y.data)).toEqual([1, 2]);
    expect(() => addGaussianNoise(x, -1, new Rng(1))).toThrow(InvalidInputError);
  });
});
