/** Special functions the estimators need. */

/**
 * The digamma function ψ(x) for x > 0: recurrence up to x ≥ 10, then the asymptotic series
 * (Abramowitz & Stegun 6.3.18); absolute error below 1e-12 over the range KSG uses.
 */
export function digamma(x: number): number {
  if (!(x > 0)) return x === 0 ? Number.NEGATIVE_INFINITY : Number.NaN;
  let result = 0;
  let v = x;
  while (v < 10) {
    result -= 1 / v;
    v += 1;
  }
  const f = 1 / (v * v);
  result +=
    Math.log(v) -
    0.5 / v -
    f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f * (1 / 132)))));
  return result;
}

/** ψ(n) for integer n ≥ 1, from a cached table (exact harmonic sums) — KSG calls this N times. */
const DIGAMMA_TABLE: number[] = [Number.NEGATIVE_INFINITY, -0.5772156649015329];
export function digammaInt(n: number): number {
  if (n < DIGAMMA_TABLE.length) return DIGAMMA_TABLE[n];
  if (n > 1_000_000) return digamma(n);
  for (let k = DIGAMMA_TABLE.length; k <= n; k++) DIGAMMA_TABLE.push(DIGAMMA_TABLE[k - 1] + 1 / (k - 1));
  return DIGAMMA_TABLE[n];
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error ~1e-15). */
export function logGamma(x: number): number {
  const g = 7;
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const xx = x - 1;
  let a = c[0];
  const t = xx + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += c[i] / (xx + i);
  return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Standard normal cumulative distribution Φ(z), from erf. */
export function normalCdf(z: number): number {
  return 0.5 * (1 + erf(z / Math.SQRT2));
}

/** The error function: Maclaurin series below 0.5, Lentz's continued fraction for erfc above (~1e-14). */
export function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const ax = Math.abs(x);
  if (ax < 0.5) {
    // Maclaurin series converges fast here and is far more accurate than a rational fit.
    let term = ax;
    let sum = ax;
    const x2 = ax * ax;
    for (let n = 1; n < 30; n++) {
      term *= -x2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17) break;
    }
    return (sign * 2 * sum) / Math.sqrt(Math.PI);
  }
  // Continued fraction for erfc (Lentz), accurate to ~1e-14 for ax ≥ 0.5.
  const erfc = erfcContinuedFraction(ax);
  return sign * (1 - erfc);
}

function erfcContinuedFraction(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const an = n / 2;
    d = x + an * d;
    d = d === 0 ? tiny : d;
    c = x + an / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.exp(-x * x) / (f * Math.sqrt(Math.PI));
}
