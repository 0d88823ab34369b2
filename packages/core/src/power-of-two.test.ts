import { MIN_NORMAL, binaryExponent, columnMaxAbs, columnScaling, powerOfTwoFactors, scaleByPowerOfTwo } from './power-of-two.js';
import { Matrix } from './matrix.js';

describe('core/power-of-two', () => {
  it('finds an exponent that brings any positive float64 near 1', () => {
    for (const m of [5e-324, 1e-310, MIN_NORMAL, 1e-200, 0.75, 1, 3, 1e200, Number.MAX_VALUE]) {
      const scaled = scaleByPowerOfTwo(m, -binaryExponent(m));
      expect(scaled).toBeGreaterThanOrEqual(0.5);
      expect(scaled).toBeLessThan(4);
    }
    expect(binaryExponent(0)).toBe(0);
    expect(binaryExponent(Number.POSITIVE_INFINITY)).toBe(0);
  });

  it('splits 2^e into two representable factors over the whole range of exponent sums', () => {
    for (const e of [-2148, -1074, -1023, 0, 1023, 1074, 2046]) {
      const [f, g] = powerOfTwoFactors(e);
      expect(f > 0 && Number.isFinite(f) && g > 0 && Number.isFinite(g)).toBe(true);
    }
    // Exact: a round trip of a normal value through a huge scale (staying normal) returns the same bits.
    expect(scaleByPowerOfTwo(scaleByPowerOfTwo(0.1234567, -1000), 1000)).toBe(0.1234567);
    expect(scaleByPowerOfTwo(scaleByPowerOfTwo(0.1234567, 1000), -1000)).toBe(0.1234567);
  });

  it('rescales each column to max |value| in [1, 2) (a zero column keeps exponent 0)', () => {
    const x = Matrix.fromRows([
      [3e300, 0, -1e-300],
      [-5e300, 0, 2e-300],
    ]);
    expect(Array.from(columnMaxAbs(x))).toEqual([5e300, 0, 2e-300]);
    const s = columnScaling(x);
    expect(s.exponents[1]).toBe(0);
    for (const [j, m] of [5e300, 2e-300].map((v, i) => [i === 0 ? 0 : 2, v] as const)) {
      const scaled = m * s.f[j] * s.g[j];
      expect(scaled).toBeGreaterThanOrEqual(1);
      expect(scaled).toBeLessThan(2);
    }
  });
});
