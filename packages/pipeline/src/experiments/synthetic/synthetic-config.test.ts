import { ConfigError } from '@cch-lab/core';
import { PROFILES } from '../../types.js';
import { resolveInline, resolveRepoConfig } from '../testing-fixtures/experiment-fixtures.js';
import type { SyntheticConfig } from './synthetic-config.js';

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('pipeline/experiments/synthetic/synthetic-config', () => {
  it('resolves configs/synthetic.yaml for every profile', () => {
    for (const profile of PROFILES) {
      const { config, definition } = resolveRepoConfig('synthetic', [`profile=${profile}`]);
      expect(definition.name).toBe('synthetic');
      expect(config.profile).toBe(profile);
      expect(definition.cells(config).length).toBeGreaterThan(0);
    }
  });

  it('has the sizes the issue asks for in the paper profile', () => {
    const config = resolveRepoConfig('synthetic', ['profile=paper']).config as SyntheticConfig;
    expect(config.repeats).toBe(50);
    expect(config.model.studentDims).toBe(100);
    expect(config.data.n).toEqual(expect.arrayContaining([150, 300, 1000, 10000]));
    expect(config.kd.lambda).toEqual([0.2, 0.3, 0.5, 0.7, 0.8]);
  });

  it('fills defaults for a minimal config, the decision section the toolkit’s', () => {
    const config = resolveInline('experiment: synthetic\n').config as SyntheticConfig;
    expect(config).toMatchObject({ repeats: 10, teacher: { kind: 'population' }, estimators: { methods: ['ksg', 'gaussian'] }, decision: { level: 0.95 } });
    expect(configError(() => resolveInline('experiment: synthetic\ndecision: { level: 1.5 }\n')).issues[0].path).toBe('decision.level');
  });

  it('expands to one cell per (margin, n, repeat) with the ids as streams, neural estimators on the first repeats only', () => {
    const { config, definition } = resolveInline('experiment: synthetic\nrepeats: 3\nmargins: [-0.1, 0.2]\ndata: { n: [150, 300] }\nestimators: { methods: [gaussian, mine], neuralRepeats: 1 }\n');
    const cells = definition.cells(config);
    expect(cells).toHaveLength(2 * 2 * 3);
    expect(cells.slice(0, 4).map((c) => c.id)).toEqual(['margin=-0.1/n=150/rep=0', 'margin=-0.1/n=150/rep=1', 'margin=-0.1/n=150/rep=2', 'margin=-0.1/n=300/rep=0']);
    // No stream key: each cell draws from its id, as before the toolkit (same draws, same cache keys' streams).
    for (const c of cells) expect(c).not.toHaveProperty('stream');
    expect(cells[0].params).toEqual({ margin: -0.1, n: 150, rep: 0, estimators: ['gaussian', 'mine'] });
    expect(cells[1].params).toEqual({ margin: -0.1, n: 150, rep: 1, estimators: ['gaussian'] });
  });

  it('keys the cache on what a cell reads: a population teacher ignores teacher.n, a trained one does not', () => {
    const key = (sets: string[]) => {
      const { config, definition } = resolveInline('experiment: synthetic\n', sets);
      return JSON.stringify(definition.cellConfig?.(config));
    };
    expect(key(['teacher.n=500'])).toBe(key([]));
    expect(key(['teacher.kind=trained', 'teacher.n=500'])).not.toBe(key(['teacher.kind=trained']));
    expect(key(['kd.lambda=[0.5]'])).not.toBe(key([]));
    // The sweep axes and the repeat count are in the cells, not in every cell's key.
    expect(key(['repeats=3', 'margins=[0.1]', 'data.n=[500]'])).toBe(key([]));
  });

  it('rejects sizes the exact risk cannot handle, infeasible margins and duplicates', () => {
    const e = configError(() =>
      resolveInline('experiment: synthetic\nmodel: { studentDims: 50 }\ndata: { n: [40, 200, 200] }\nmargins: [-0.5, 2]\n'),
    );
    const paths = e.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['data.n.0', 'data.n', 'margins.0', 'margins.1']));
  });

  it('names a misspelt key', () => {
    const e = configError(() => resolveInline('experiment: synthetic\nkd: { lambdas: [0.2] }\n'));
    expect(e.issues[0].message).toMatch(/did you mean 'lambda'/);
  });
});
