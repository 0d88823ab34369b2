/**
 * The Wilson score interval for a binomial proportion, for the index's pooled agreement. The
 * pipeline has its own (beside the experiments, not exported); this one is the few lines the
 * report needs, so the report does not reach into the pipeline's internals.
 */

/** z for a two-sided 95 % interval. */
const Z_95 = 1.959963984540054;

/** [low, high] of `successes` of `total` at 95 %; [0, 1] when total is 0 (nothing is known). */
export function wilsonInterval(successes: number, total: number): [number, number] {
  if (!(total > 0)) return [0, 1];
  const p = successes / total;
  const z2 = Z_95 * Z_95;
  const denominator = 1 + z2 / total;
  const centre = (p + z2 / (2 * total)) / denominator;
  const half = (Z_95 / denominator) * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
