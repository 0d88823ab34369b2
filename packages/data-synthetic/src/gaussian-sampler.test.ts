import { InvalidInputError, Matrix, covariance, createRng, testing } from '@cch-lab/core';
import { gaussianSampler } from './gaussian-sampler.js';

/** n = 40 000 rows of a 3-d Gaussian: covariance entries within ~0.03 (about 4 standard errors). */
const SAMPLE_COVARIANCE = { atol: 0.03 };

describe('data-synthetic/gaussian-sampler', () => {
  it('draws rows whose covariance is Σ', () => {
    const sigma = Matrix.fromRows([
      [2, 0.8, -0.5],
      [0.8, 1, 0],
      [-0.5, 0, 0.7],
    ]);
    const sampler = gaussianSampler(sigma);
    const n = 40_000;
    const rows = Matrix.zeros(n, 3);
    sampler.sample(n, createRng('sampler'), (i, row) => rows.data.set(row, i * 3));
    testing.expectArraysClose(covariance(rows).data, sigma.data, SAMPLE_COVARIANCE, 'sample covariance');
  });

  it('rejects a covariance that is not positive definite', () => {
    expect(() => gaussianSampler(Matrix.fromRows([[1, 2], [2, 1]]))).toThrow(InvalidInputError);
  });
});
