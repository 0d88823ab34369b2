import { createRng, testing } from '@cch-lab/core';
import { exactKdRisk } from './exact-risk.js';
import { optimalKdLambda } from './optimal-kd-lambda.js';
import { latentModel } from './testing-fixtures/latent-model.js';
import type { LatentCoefficients } from './testing-fixtures/latent-model.js';
import { randomTestModel } from './testing-fixtures/gaussian-model.js';

/** Float64 closed forms; the break-even gain is a difference of O(1) risks. */
const EXACT = { rtol: 1e-10, atol: 1e-13 };

function modelOf(c: LatentCoefficients) {
  const m = latentModel(c);
  return { covariance: m.covariance, dims: m.dims, teacherWeights: m.populationTeacher };
}

describe('theory/optimal-kd-lambda', () => {
  const model = modelOf({ rho: 0.7, cs: 0.5, cr: 0.3, ce: 0.4 });

  it('minimises R(λ) over a fine grid and is positive below the break-even weight', () => {
    const n = 40;
    const best = optimalKdLambda({ ...model, n });
    expect(best.regime).toBe('helps-small-lambda');
    for (let i = 1; i <= 400; i++) {
      const lambda = i / 100;
      expect(exactKdRisk({ ...model, lambda, n }).risk).toBeGreaterThanOrEqual(best.risk - 1e-15);
    }
    testing.expectClose(exactKdRisk({ ...model, lambda: best.lambda, n }).gain, best.gain, EXACT, 'gain at λ*');
    testing.expectClose(exactKdRisk({ ...model, lambda: best.breakEvenLambda, n }).gain, 0, EXACT, 'gain at break-even');
    expect(exactKdRisk({ ...model, lambda: best.breakEvenLambda * 0.9, n }).gain).toBeGreaterThan(0);
    expect(exactKdRisk({ ...model, lambda: best.breakEvenLambda * 1.1, n }).gain).toBeLessThan(0);
  });

  it('shrinks λ* as n grows: the variance KD removes shrinks with 1/n', () => {
    const small = optimalKdLambda({ ...model, n: 10 });
    const large = optimalKdLambda({ ...model, n: 10_000 });
    expect(large.lambda).toBeLessThan(small.lambda);
    expect(large.gain).toBeLessThan(small.gain);
  });

  it('says KD never helps when the teacher amplifies the label noise (Cov(e_y, e_t) > Var e_y)', () => {
    // ce = 0.9, cs = 0.4: the teacher's residual is a stretched copy of the label's residual.
    const amplifier = modelOf({ rho: Math.SQRT1_2, cs: 0.4, cr: 0, ce: 0.9 });
    const best = optimalKdLambda({ ...amplifier, n: 20 });
    expect(best.regime).toBe('never-helps');
    expect(best.lambda).toBe(0);
    expect(best.gain).toBe(0);
    expect(exactKdRisk({ ...amplifier, lambda: 0.01, n: 20 }).gain).toBeLessThan(0);
  });

  it('says KD helps for every λ when the teacher equals w*′x2 plus independent noise and n is small', () => {
    // cs = 1 would be degenerate; the teacher here is the student's signal with a little private noise.
    const faithful = modelOf({ rho: 0.6, cs: 0.999, cr: 0, ce: 0 });
    const best = optimalKdLambda({ ...faithful, n: 8 });
    expect(best.regime).toBe('helps-every-lambda');
    expect(best.breakEvenLambda).toBe(Number.POSITIVE_INFINITY);
    expect(exactKdRisk({ ...faithful, lambda: Number.POSITIVE_INFINITY, n: 8 }).gain).toBeGreaterThan(0);
  });

  it('Theorem 1 in exact form: with the population teacher a positive margin means KD helps at small λ, not conversely', () => {
    let positive = 0;
    let negativeThatHelps = 0;
    for (let seed = 0; seed < 200; seed++) {
      const m = randomTestModel(3, 4, createRng(`theorem-1/${seed}`));
      const model = { covariance: m.covariance, dims: m.dims, teacherWeights: m.populationTeacher };
      const best = optimalKdLambda({ ...model, n: 1000 });
      const margin = exactKdRisk({ ...model, lambda: 0, n: 1000 }).population.margin;
      if (margin > 0) {
        positive++;
        expect(best.regime).not.toBe('never-helps');
      } else if (best.regime !== 'never-helps') {
        negativeThatHelps++;
      }
    }
    expect(positive).toBeGreaterThan(10);
    expect(negativeThatHelps).toBeGreaterThan(0);
  });
});
