import { InvalidInputError, Matrix, createRng, mean, testing } from '@cch-lab/core';
import { gaussianMi, wishartLogDetBias } from './gaussian.js';
import { estimateMi } from './registry.js';
import { correlatedGaussianPair } from './testing-fixtures/gaussian-pairs.js';

/** Float64 closed forms on exactly constructed data. */
const EXACT_RTOL = 1e-10;
/** Asymptotic sd of the estimate is √(Σρ²/n) (delta method): 3 sd. */
const SE_Z = 3;
/** Under independence the estimate's sd ≈ √(dx·dy/2)/n ≈ 0.018 nats, so a 40-run mean has se ≈ 0.003; 4 se. */
const BIAS_ATOL = 0.012;

describe('estimators/gaussian', () => {
  it('equals ½ ln(det S_XX det S_YY / det S) of the sample covariance without correction', () => {
    // Two columns with sample correlation r: the closed form is −½ ln(1 − r²).
    const x = Matrix.column([1, 2, 3, 4, 5, 6]);
    const y = Matrix.column([2, 1, 4, 3, 6, 7]);
    const mx = 3.5;
    const my = 23 / 6;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < 6; i++) {
      sxy += (x.data[i] - mx) * (y.data[i] - my);
      sxx += (x.data[i] - mx) ** 2;
      syy += (y.data[i] - my) ** 2;
    }
    const r2 = (sxy * sxy) / (sxx * syy);
    const got = gaussianMi(x, y, { biasCorrection: false, shrinkage: 'none' });
    testing.expectClose(got.nats, -0.5 * Math.log(1 - r2), { rtol: EXACT_RTOL });
  });

  it('is within a few standard errors of the truth at n = 5000, up to d = 10 and ρ = 0.9', async () => {
    for (const [d, rho] of [
      [1, 0.3],
      [5, 0.6],
      [10, 0.9],
    ]) {
      const { x, y, truth } = correlatedGaussianPair(createRng(`gauss-${d}-${rho}`), 5000, d, rho);
      const e = await estimateMi('gaussian', x, y);
      testing.expectWithinSe(e.nats, truth, Math.sqrt((d * rho * rho) / 5000), SE_Z, `d=${d} ρ=${rho}`);
    }
  });

  it('removes the small-sample bias (≈ dx·dy / 2n for independent data)', () => {
    const raw: number[] = [];
    const corrected: number[] = [];
    for (let s = 0; s < 40; s++) {
      const { x } = correlatedGaussianPair(createRng(`bias-x-${s}`), 200, 5, 0);
      const { y } = correlatedGaussianPair(createRng(`bias-y-${s}`), 200, 5, 0);
      const r = gaussianMi(x, y);
      raw.push(r.rawNats);
      corrected.push(r.nats);
    }
    // Plug-in bias predicted by the Wishart moments: ½[c(5) + c(5) − c(10)] ≈ 25 / 400.
    const predicted = 0.5 * (2 * wishartLogDetBias(5, 200) - wishartLogDetBias(10, 200));
    testing.expectClose(predicted, 25 / 400, { rtol: 0.15 }, 'predicted bias vs dx·dy/2n');
    testing.expectClose(mean(raw), predicted, { atol: BIAS_ATOL }, 'raw plug-in mean');
    testing.expectClose(mean(corrected), 0, { atol: BIAS_ATOL }, 'corrected mean');
  });

  it('shrinks an ill-conditioned covariance and says so', async () => {
    // n − 1 < dx + dy: the sample covariance is singular.
    const { x, y } = correlatedGaussianPair(createRng('gauss-singular'), 20, 15, 0.5);
    const e = await estimateMi('gaussian', x, y);
    expect(e.details).toMatchObject({ shrinkageUsed: true, biasCorrected: false });
    expect(Number.isFinite(e.nats)).toBe(true);
    await expect(estimateMi('gaussian', x, y, { shrinkage: 'none' })).rejects.toThrow(InvalidInputError);
    const ok = await estimateMi('gaussian', ...pair(1000));
    expect(ok.details).toMatchObject({ shrinkageUsed: false, biasCorrected: true });
  });

  it('says how many rows there are and how many are needed, never which Cholesky pivot failed', async () => {
    const x = Matrix.fromRows([
      [1, 2, 3, 4, 5],
      [2, 1, 4, 3, 7],
      [3, 5, 1, 2, 2],
    ]);
    const y = Matrix.column([1, 3, 2]);
    await expect(estimateMi('gaussian', x, y, { shrinkage: 'none' })).rejects.toThrow(
      'gaussian: 3 rows for 5 + 1 dimensions; needs at least 7 rows (n ≥ dx + dy + 1) without shrinkage — pass more rows or fewer columns',
    );
    // n − 1 = p − 1: the covariance is singular only up to rounding; without the row check the
    // Wishart correction made this −Infinity.
    await expect(estimateMi('gaussian', x.selectColumns([0, 1]), y, { shrinkage: 0 })).rejects.toThrow(/3 rows for 2 \+ 1 dimensions; needs at least 4 rows/);
    // Two rows are mirror images after centring: Ledoit–Wolf has nothing to shrink with.
    const two = await estimateMi('gaussian', x.rowRange(0, 2).selectColumns([0]), y.rowRange(0, 2)).then(
      () => new InvalidInputError('resolved'),
      (e: unknown) => e as InvalidInputError,
    );
    expect(two).toBeInstanceOf(InvalidInputError);
    expect(two.message).toMatch(/^gaussian: 2 rows for 1 \+ 1 dimensions; needs at least 3 rows/);
    expect(two.message).not.toMatch(/pivot/);
    expect(two.details).toMatchObject({ rows: 2, dims: [1, 1], neededRows: 3 });
  });

  it('refuses collinear columns without shrinkage instead of returning rounding noise', async () => {
    const { x, y } = correlatedGaussianPair(createRng('gauss-collinear'), 50, 2, 0.5);
    const collinear = new Matrix(Float64Array.from({ length: 150 }, (_, k) => {
      const i = Math.floor(k / 3);
      const c = k % 3;
      return c < 2 ? x.data[i * 2 + c] : 3 * x.data[i * 2] - 0.7 * x.data[i * 2 + 1];
    }), 50, 3);
    await expect(estimateMi('gaussian', collinear, y, { shrinkage: 'none' })).rejects.toThrow(/singular.*linear combination/);
    const shrunk = await estimateMi('gaussian', collinear, y);
    expect(shrunk.details).toMatchObject({ shrinkageUsed: true });
  });
});

function pair(n: number): [Matrix, Matrix] {
  const { x, y } = correlatedGaussianPair(createRng('gauss-ok'), n, 3, 0.5);
  return [x, y];
}
