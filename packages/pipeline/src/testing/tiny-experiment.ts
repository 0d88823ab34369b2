/**
 * A tiny experiment that proves the pipeline's path end to end in tests (it is not registered in
 * EXPERIMENTS and has no config in configs/): fit a slope by least squares on noisy lines.
 */
import { z } from 'zod';
import { baseConfigShape, numberList } from '../config/base-schema.js';
import type { BaseConfig, Cell, CellRecord, ExperimentDefinition, Row } from '../types.js';

export interface TinyConfig extends BaseConfig {
  data: { n: number; noise: number };
  slopes: number[];
}

interface TinyParams {
  slope: number;
  rep: number;
  n: number;
  noise: number;
}

const schema = z.strictObject({
  ...baseConfigShape,
  data: z
    .strictObject({
      n: z.number().int().min(3).default(20).describe('points per line'),
      noise: z.number().min(0).default(0.1).describe('noise sd'),
    })
    .prefault({}),
  slopes: numberList(-10, 10).default([1, 2]),
});

/** How many cells actually ran (not from the cache), for cache tests. */
export const tinyRunCounter = { count: 0 };

export const tinyExperiment: ExperimentDefinition<TinyConfig, TinyParams> = {
  name: 'tiny',
  title: 'Tiny slope fit',
  description: 'Fits y = a·x on noisy simulated lines; exists to test the pipeline.',
  version: 1,
  schema: schema as unknown as z.ZodType<TinyConfig>,
  rules: (config) =>
    config.data.noise > 5 ? [{ path: 'data.noise', message: 'noise above 5 makes the fit meaningless' }] : [],
  cells(config): Cell<TinyParams>[] {
    const cells: Cell<TinyParams>[] = [];
    for (const slope of config.slopes) {
      for (let rep = 0; rep < config.repeats; rep++) {
        cells.push({ id: `slope=${slope}/rep=${rep}`, params: { slope, rep, n: config.data.n, noise: config.data.noise } });
      }
    }
    return cells;
  },
  // Every value a cell reads is in its params.
  cellConfig: () => null,
  async runCell(cell, _config, { rng }) {
    tinyRunCounter.count++;
    const { slope, n, noise } = cell.params;
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.normal();
      const y = slope * x + noise * rng.normal();
      sxy += x * y;
      sxx += x * x;
    }
    const estimate = sxy / sxx;
    return { rows: [{ slope, rep: cell.params.rep, estimate, error: estimate - slope }] };
  },
  summarize(records: CellRecord<TinyParams>[]) {
    const rows: Row[] = records.flatMap((r) => r.output.rows);
    const meanAbsError = rows.reduce((s, r) => s + Math.abs(r.error as number), 0) / rows.length;
    return {
      rows,
      summary: { mean_abs_error: meanAbsError },
      sources: ['simulated'],
      tables: [
        {
          id: 'fits',
          title: 'Fitted slopes',
          sources: ['simulated'],
          columns: [
            { key: 'slope', label: 'true slope' },
            { key: 'rep', label: 'repeat', format: 'integer' },
            { key: 'estimate', label: 'estimate', digits: 3 },
          ],
          rows,
        },
      ],
      figures: [
        {
          id: 'estimate-vs-truth',
          title: 'Estimate against the true slope',
          sources: ['simulated'],
          spec: {
            $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
            data: { values: rows },
            mark: 'point',
            encoding: {
              x: { field: 'slope', type: 'quantitative', title: 'true slope' },
              y: { field: 'estimate', type: 'quantitative', title: 'estimate' },
            },
          },
        },
      ],
      notes: ['A test fixture.'],
    };
  },
};
