/**
 * The accuracy grid of ACCURACY.md: correlated Gaussian pairs, I = −(d/2) ln(1 − ρ²), for
 * d ∈ {1, 2, 5, 10}, ρ ∈ {0.3, 0.6, 0.9}, n ∈ {1000, 5000}, five seeds per cell. Prints the table
 * (mean ± sd of the estimates) and asserts the envelopes stated there.
 */
import { createRng, mean, standardDeviation } from '@cch-lab/core';
import { estimateMi } from './registry.js';
import { correlatedGaussianPair, labelledMixture } from './testing-fixtures/gaussian-pairs.js';

const SEEDS = 5;
const DIMS = [1, 2, 5, 10];
const RHOS = [0.3, 0.6, 0.9];
const SIZES = [1000, 5000];
/** KSG at d ≤ 2: bias + 3 sd of the 5-seed mean stays below this (nats). */
const KSG_LOW_DIM_ATOL = 0.05;
/** The Gaussian closed form at n = 5000: mean of 5 seeds within the 0.05 nats. */
const GAUSSIAN_ATOL = 0.05;

interface Cell {
  n: number;
  d: number;
  rho: number;
  truth: number;
  ksg: number[];
  ksg2: number[];
  gaussian: number[];
  ksgSeconds: number[];
}

// The tables are printed when CCH_PRINT_ACCURACY is set (to refresh ACCURACY.md), not in every CI log.
const print = (text: string): void => {
  if (process.env.CCH_PRINT_ACCURACY) console.log(text);
};

describe('estimators/accuracy', () => {
  it('KSG-1, KSG-2 and the Gaussian closed form on the correlated-Gaussian grid', async () => {
    const cells: Cell[] = [];
    for (const n of SIZES) {
      for (const d of DIMS) {
        for (const rho of RHOS) {
          const cell: Cell = { n, d, rho, truth: 0, ksg: [], ksg2: [], gaussian: [], ksgSeconds: [] };
          for (let s = 0; s < SEEDS; s++) {
            const { x, y, truth } = correlatedGaussianPair(createRng(`grid/${n}/${d}/${rho}/${s}`), n, d, rho);
            cell.truth = truth;
            const k1 = await estimateMi('ksg', x, y, { rng: createRng(s) });
            cell.ksg.push(k1.nats);
            cell.ksgSeconds.push(k1.seconds);
            cell.ksg2.push((await estimateMi('ksg2', x, y, { rng: createRng(s) })).nats);
            cell.gaussian.push((await estimateMi('gaussian', x, y)).nats);
          }
          cells.push(cell);
        }
      }
    }
    const f = (v: number[]) => `${mean(v).toFixed(3)} ± ${standardDeviation(v).toFixed(3)}`;
    const lines = [
      '| n | d | ρ | truth | KSG-1 | KSG-2 | Gaussian | KSG-1 s |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...cells.map(
        (c) =>
          `| ${c.n} | ${c.d} | ${c.rho} | ${c.truth.toFixed(3)} | ${f(c.ksg)} | ${f(c.ksg2)} | ${f(c.gaussian)} | ${mean(c.ksgSeconds).toFixed(3)} |`,
      ),
    ];
    print(lines.join('\n'));

    for (const c of cells) {
      const label = `n=${c.n} d=${c.d} ρ=${c.rho}`;
      if (c.d <= 2) {
        expect({ label, error: Math.abs(mean(c.ksg) - c.truth) < KSG_LOW_DIM_ATOL }).toEqual({ label, error: true });
      }
      if (c.d >= 5 && c.rho >= 0.6) {
        // KSG's known under-estimate of strong dependence in higher dimension.
        expect({ label, under: mean(c.ksg) < c.truth && mean(c.ksg2) < c.truth }).toEqual({ label, under: true });
      }
      if (c.n === 5000) {
        expect({ label, gaussian: Math.abs(mean(c.gaussian) - c.truth) < GAUSSIAN_ATOL }).toEqual({ label, gaussian: true });
      }
    }
  }, 300_000);

  it('the mixed estimator on labelled Gaussian mixtures with integrated truth', async () => {
    const lines = ['| n | dims | classes | separation | truth | mixed (k = 3) |', '|---:|---:|---:|---:|---:|---:|'];
    for (const [dims, classes, separation] of [
      [2, 2, 1],
      [2, 3, 2],
      [8, 3, 2],
      [16, 4, 3],
    ]) {
      for (const n of SIZES) {
        const values: number[] = [];
        let truth = 0;
        for (let s = 0; s < SEEDS; s++) {
          const data = labelledMixture(createRng(`mix/${dims}/${classes}/${n}/${s}`), n, dims, classes, separation);
          truth = data.truth;
          values.push((await estimateMi('mixed', data.h, data.labels, { rng: createRng(s) })).nats);
        }
        lines.push(`| ${n} | ${dims} | ${classes} | ${separation} | ${truth.toFixed(3)} | ${mean(values).toFixed(3)} ± ${standardDeviation(values).toFixed(3)} |`);
        if (dims <= 8) expect(Math.abs(mean(values) - truth)).toBeLessThan(0.1);
      }
    }
    print(lines.join('\n'));
  }, 300_000);
});
