import { expandSweep, repeatAxis, sweepCells } from './expand-sweep.js';

describe('pipeline/toolkit/expand-sweep', () => {
  it('expands axes in order, first axis outermost, with readable ids', () => {
    const points = expandSweep({ cohort: ['brca', 'lihc'], rep: repeatAxis(2) });
    expect(points.map((p) => p.id)).toEqual(['cohort=brca/rep=0', 'cohort=brca/rep=1', 'cohort=lihc/rep=0', 'cohort=lihc/rep=1']);
    expect(points[3].values).toEqual({ cohort: 'lihc', rep: 1 });
    expect(points.every((p) => p.stream === p.id)).toBe(true);
  });

  it('shares streams across the axes left out of streamAxes (common random numbers)', () => {
    const points = expandSweep({ gamma: [0, 0.5], seed: [0, 1] }, { streamAxes: ['seed'] });
    expect(points.map((p) => p.stream)).toEqual(['seed=0', 'seed=1', 'seed=0', 'seed=1']);
    const cells = sweepCells(points, (p) => ({ ...p.values }));
    expect(cells[0]).toEqual({ id: 'gamma=0/seed=0', params: { gamma: 0, seed: 0 }, stream: 'seed=0' });
    const plain = sweepCells(expandSweep({ a: [1] }), () => null);
    expect(plain[0]).toEqual({ id: 'a=1', params: null });
  });

  it('refuses repeated values and unknown stream axes', () => {
    expect(() => expandSweep({ a: [1, 1] })).toThrow(/lists a value twice/);
    expect(() => expandSweep({ a: [1] }, { streamAxes: ['b' as 'a'] })).toThrow(/not an axis/);
  });
});
