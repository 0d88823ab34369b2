import { ConfigError } from '@cch-lab/core';
import { MFH_PAPER_LEVELS } from '@cch-lab/data-synthetic';
import { PROFILES } from '../../types.js';
import { resolveInline, resolveRepoConfig } from '../testing-fixtures/experiment-fixtures.js';
import type { MfhGaussConfig } from './mfh-gauss-config.js';

describe('pipeline/experiments/mfh-gauss/mfh-gauss-config', () => {
  it('resolves configs/mfh-gauss.yaml for every profile', () => {
    for (const profile of PROFILES) {
      const { config, definition } = resolveRepoConfig('mfh-gauss', [`profile=${profile}`]);
      expect(definition.name).toBe('mfh-gauss');
      expect(definition.cells(config).length).toBeGreaterThan(0);
    }
  });

  it("runs the MFH paper's settings in the paper profile", () => {
    const config = resolveRepoConfig('mfh-gauss', ['profile=paper']).config as MfhGaussConfig;
    expect(config.sweeps).toEqual({ gamma: [...MFH_PAPER_LEVELS.gamma], alpha: [...MFH_PAPER_LEVELS.alpha] });
    expect(config).toMatchObject({ repeats: 10, data: { nTrain: 200, nTest: 1000 }, train: { epochs: 1000, learningRate: 0.1 }, kd: { temperature: 1 } });
  });

  it('rejects levels outside the benchmark and empty sweeps', () => {
    expect(() => resolveInline('experiment: mfh-gauss\nsweeps: { gamma: [12] }\n')).toThrow(ConfigError);
    expect(() => resolveInline('experiment: mfh-gauss\nsweeps: { gamma: [], alpha: [] }\n')).toThrow(/both sweeps are empty/);
  });
});
