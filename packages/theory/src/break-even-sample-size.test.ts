import { testing } from '@cch-lab/core';
import { kdBreakEvenSampleSize } from './break-even-sample-size.js';
import { exactKdRisk } from './exact-risk.js';
import { kdPopulation } from './kd-population.js';
import { latentModel } from './testing-fixtures/latent-model.js';

/** Float64 closed form of the variance factor inverted. */
const EXACT = { rtol: 1e-10 };

describe('theory/break-even-sample-size', () => {
  const m = latentModel({ rho: 0.7, cs: 0.5, cr: 0.3, ce: 0.4 });
  const model = { covariance: m.covariance, dims: m.dims, teacherWeights: m.populationTeacher };

  for (const intercept of [false, true]) {
    it(`finds n* where the gain changes sign (intercept ${intercept})`, () => {
      const lambda = 0.5;
      const flip = kdBreakEvenSampleSize({ ...model, lambda, intercept });
      expect(flip.regime).toBe('helps-below');
      const nStar = flip.n as number;
      const below = Math.floor(nStar);
      const above = Math.ceil(nStar);
      expect(exactKdRisk({ ...model, lambda, n: below, intercept }).gain).toBeGreaterThan(0);
      expect(exactKdRisk({ ...model, lambda, n: above, intercept }).gain).toBeLessThan(0);
      // k(n*) reproduces the threshold factor.
      const p = 3;
      const k = intercept ? (nStar * (p + 1) - 2) / (nStar * (nStar - p - 2)) : p / (nStar - p - 1);
      testing.expectClose(k, flip.varianceFactor as number, EXACT);
      testing.expectClose(flip.nOverP as number, nStar / 3, EXACT);
    });
  }

  it('reports no effect at λ = 0 and never-helps for a noise-amplifying teacher', () => {
    expect(kdBreakEvenSampleSize({ ...model, lambda: 0 }).regime).toBe('no-effect');
    const amp = latentModel({ rho: Math.SQRT1_2, cs: 0.4, cr: 0, ce: 0.9 });
    const flip = kdBreakEvenSampleSize({ covariance: amp.covariance, dims: amp.dims, teacherWeights: amp.populationTeacher, lambda: 0.5 });
    expect(flip.regime).toBe('never-helps');
    expect(flip.n).toBeNull();
  });

  it('reports helps-every-n when the teacher projects exactly onto w* (B = 0)', () => {
    const population = { ...kdPopulation(model), biasDistance: 0 };
    expect(kdBreakEvenSampleSize({ population, lambda: 0.2 }).regime).toBe('helps-every-n');
  });
});
