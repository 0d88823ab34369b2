import { InvalidInputError } from '@cch-lab/core';
import { lineChart } from './helpers.js';

const values = [
  { n: 150, rate: 0.5, criterion: 'CCH' },
  { n: 1000, rate: 0.7, criterion: 'CCH' },
];
const xScales = (spec: Record<string, unknown>) =>
  (spec.layer as { encoding: { x: { scale: Record<string, unknown> } } }[]).map((l) => l.encoding.x.scale);

describe('pipeline/figures/lineChart', () => {
  it('leaves zero off a log x scale (Vega-Lite ignores it there with a warning) and keeps it off the axis origin on a linear one', () => {
    for (const scale of xScales(lineChart({ values, x: 'n', y: 'rate', color: 'criterion', xScale: 'log' }))) expect(scale).toEqual({ type: 'log' });
    for (const scale of xScales(lineChart({ values, x: 'n', y: 'rate', color: 'criterion' }))) expect(scale).toEqual({ type: 'linear', zero: false });
  });

  it('names a field that no record has', () => {
    expect(() => lineChart({ values, x: 'n', y: 'gain', color: 'criterion' })).toThrow(InvalidInputError);
    expect(() => lineChart({ values, x: 'n', y: 'gain', color: 'criterion' })).toThrow(/field 'gain' is in no record/);
  });
});
