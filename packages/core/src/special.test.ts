import { digamma, digammaInt, erf, logGamma, normalCdf } from './special.js';
import { expectClose } from './testing.js';

describe('core/special', () => {
  it('matches known digamma values', () => {
    const eulerGamma = 0.5772156649015329;
    expectClose(digamma(1), -eulerGamma, { atol: 1e-12 });
    expectClose(digamma(0.5), -eulerGamma - 2 * Math.LN2, { atol: 1e-12 });
    expectClose(digamma(10), 2.251752589066721, { atol: 1e-12 });
    for (const n of [1, 2, 3, 7, 100, 5000]) expectClose(digammaInt(n), digamma(n), { atol: 1e-11 }, `psi(${n})`);
  });

  it('matches known log-gamma, erf and normal cdf values', () => {
    expectClose(logGamma(5), Math.log(24), { atol: 1e-12 });
    expectClose(logGamma(0.5), 0.5 * Math.log(Math.PI), { atol: 1e-12 });
    expectClose(erf(0.3), 0.3286267594591112, { atol: 1e-13 });
    expectClose(erf(1), 0.8427007929497149, { atol: 1e-13 });
    expectClose(erf(-2.5), -0.9995930479825550, { atol: 1e-13 });
    expectClose(normalCdf(1.959963984540054), 0.975, { atol: 1e-12 });
  });
});
