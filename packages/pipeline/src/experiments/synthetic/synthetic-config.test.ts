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

  it('fills defaults for a minimal config', () => {
    const config = resolveInline('experiment: synthetic\n').config as SyntheticConfig;
    expect(config).toMatchObject({ repeats: 10, teacher: { kind: 'population' }, estimators: { methods: ['ksg', 'gaussian'] } });
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
